// Who may write what (R-USE-2, R-DIS-3, R-DIS-4): every frame carries its author and a MAC under
// the author's key. The Member's app checks every Member MAC; a PA's app cannot, so it at least
// never lets a shared frame replace a Member-tier record.
import { isAuthored, verifyAuthor, type Author, type DecodedFrame } from './frames';
import { isMemberWritten } from '../../../shared/domain/record-types';
import { recordNoun } from '../../../shared/domain/pa-record-changes';
import type { RecordKeys } from './keys';

/** What the store knows of a record already saved: its tier and type. */
type Existing = { tier: string; type: string; id: string } | undefined;

/**
 * Whether only the Member may have written this frame: a Member-tier frame, a type only the
 * Member writes, or a change to (or removal of) such a record.
 */
export function needsMember(frame: Pick<DecodedFrame, 'kind' | 'tier' | 'type' | 'id'>, existing: Existing): boolean {
  // R-USE-3: an event about a Member-only record is the Member's to record (a PA's app never records one).
  if (frame.kind === 'audit') return existing?.tier === 'member';
  if (frame.tier === 'member' || isMemberWritten(frame.type, frame.id)) return true;
  return !!existing && (existing.tier === 'member' || isMemberWritten(existing.type, existing.id));
}

export interface JudgeContext {
  keys: RecordKeys;
  /** The record the frame would change, or an audit frame is about, as it stands at the frame's place (undefined: none). */
  existing: Existing;
  /** The frame is in a snapshot whose Member MAC this session checks: it needs nothing more. */
  underMemberSnapshot: boolean;
  inSnapshot: boolean;
  /** The header says the vault was upgraded, or a Member-MACed snapshot was loaded: no legacy frame is taken from a journal. */
  legacyClosed: boolean;
}

/**
 * Authorship of one frame: null when it may be applied, else why not. A reason starting '!' is a
 * failed MAC: the vault refuses to open, as for damage. Any other is a well-formed frame the author
 * may not write: it is set aside and reported.
 */
export function judge(frame: DecodedFrame, ctx: JudgeContext): string | null {
  const retired = epochProblem(frame, ctx.keys);
  if (retired) return retired;
  if (ctx.underMemberSnapshot) return null;
  if (!isAuthored(frame)) {
    // Legacy frames are taken only from before the upgrade; one appended later is a forgery.
    // (A snapshot carries them forward: the Member's app checks it whole; a PA's app cannot.)
    return ctx.legacyClosed && !ctx.inSnapshot ? 'it is in the old format but was added after the vault was upgraded' : null;
  }
  if (frame.author === 'member') {
    const key = ctx.keys.authorKey('member');
    // A PA's app cannot check a Member MAC; the store still keeps a Member-tier record from being replaced there.
    if (key && !verifyAuthor(frame, key))
      return "!a save claims to be the Member's but fails the Member's check (it was forged or damaged)";
    return null;
  }
  const key = ctx.keys.authorKey('pa', frame.epoch ?? 0);
  if (key && !verifyAuthor(frame, key)) return '!a save fails its check (it was altered or damaged)';
  if (needsMember(frame, ctx.existing)) {
    if (ctx.existing?.tier === 'member' && frame.tier === 'shared')
      return "it would replace a Member-only record with one the PA's key can read";
    if (frame.kind === 'audit') return 'only the Member may record an event about a Member-only record';
    return `only the Member may ${frame.kind === 'delete' ? 'remove' : 'save'} ${recordNoun(frame.type)} like this one`;
  }
  return null;
}

/**
 * Epochs end: a frame sealed under a shared key that was not in force at its place in the chain (a
 * removed PA still writing with their old key, or a key the keyring never had) is set aside. A
 * genuine Member frame in that position means the header is older than the saves in it (an old
 * copy put back, which would give a removed PA their access again): the vault refuses to open.
 */
function epochProblem(frame: DecodedFrame, keys: RecordKeys): string | null {
  if (!isAuthored(frame)) return null;
  const standing = keys.standing(frame.epoch ?? 0, frame.seq);
  if (standing === 'in-force') return null;
  const memberKey = frame.author === 'member' ? keys.authorKey('member') : null;
  if (memberKey && verifyAuthor(frame, memberKey))
    return '!the vault header is older than the saves in it (an older copy may have been put back, which could let a removed PA in again)';
  return standing === 'unknown'
    ? 'it was sealed with a key this vault has never had'
    : 'it was sealed with a shared key that had already been retired when a PA was removed';
}

/** A frame's author as this session can vouch for it: a PA's app cannot check a Member MAC. */
export function frameAuthor(frame: DecodedFrame, canCheckMember: boolean): Author | 'unknown' {
  if (!isAuthored(frame)) return 'unknown';
  return frame.author === 'member' && !canCheckMember ? 'unknown' : frame.author!;
}
