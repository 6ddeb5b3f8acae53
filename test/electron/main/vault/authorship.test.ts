import { describe, expect, it } from 'vitest';
import { deriveSubkey, newDataKey } from '../../../../electron/main/vault/crypto';
import { frameAuthor, judge, needsMember, type JudgeContext } from '../../../../electron/main/vault/authorship';
import { GENESIS_HASH, encodeFrame, type FrameMeta } from '../../../../electron/main/vault/frames';
import { RecordKeys } from '../../../../electron/main/vault/keys';

const shared = newDataKey();
const member = newDataKey();
const memberKeys = new RecordKeys({ shared, member });
const paKeys = new RecordKeys({ shared, member: null });

const frame = (meta: Partial<FrameMeta>, macKey = deriveSubkey(shared, 'author:pa')) =>
  encodeFrame(
    { kind: 'put', tier: 'shared', schema: 2, seq: 1, prev: GENESIS_HASH, id: 'r1', type: 'request', author: 'pa', epoch: 0, ...meta },
    shared,
    Buffer.from('{}'),
    macKey,
  );

const ctx = (over: Partial<JudgeContext> = {}): JudgeContext => ({
  keys: memberKeys,
  existing: undefined,
  underMemberSnapshot: false,
  inSnapshot: false,
  legacyClosed: true,
  ...over,
});

describe('authorship', () => {
  it('R-USE-2: Member-tier frames, Member-written types and changes to Member records need the Member', () => {
    expect(needsMember({ kind: 'put', tier: 'shared', type: 'request', id: 'r1' }, undefined)).toBe(false);
    expect(needsMember({ kind: 'put', tier: 'member', type: 'request', id: 'r1' }, undefined)).toBe(true);
    expect(needsMember({ kind: 'delete', tier: 'shared', type: 'request', id: 'r1' }, { tier: 'member', type: 'request', id: 'r1' })).toBe(
      true,
    );
    expect(needsMember({ kind: 'audit', tier: 'member', type: 'viewed', id: 'r1' }, undefined)).toBe(false);
  });

  it("a PA's own shared save is applied; one changing a Member-only record is set aside with the reason", () => {
    expect(judge(frame({}), ctx())).toBeNull();
    expect(judge(frame({}), ctx({ existing: { tier: 'member', type: 'request', id: 'r1' } }))).toBe(
      "it would replace a Member-only record with one the PA's key can read",
    );
    expect(judge(frame({ kind: 'delete', tier: 'member' }), ctx({ existing: { tier: 'member', type: 'request', id: 'r1' } }))).toBe(
      'only the Member may remove a request like this one',
    );
  });

  it("a frame claiming the Member without the Member's MAC refuses to open in the Member's app ('!'), not in a PA's", () => {
    const forged = frame({ author: 'member' }); // MACed with the PA author key
    expect(judge(forged, ctx())).toMatch(/^!a save claims to be the Member's/);
    expect(judge(forged, ctx({ keys: paKeys }))).toBeNull();
    expect(frameAuthor(forged, false)).toBe('unknown');
    const real = frame({ author: 'member' }, deriveSubkey(member, 'author:member'));
    expect(judge(real, ctx())).toBeNull();
    expect(frameAuthor(real, true)).toBe('member');
  });

  it('an altered PA frame fails its MAC; a legacy frame appended after the upgrade is set aside', () => {
    const altered = frame({});
    altered.authorMac![0]! ^= 1;
    expect(judge(altered, ctx())).toMatch(/^!a save fails its check/);
    const legacy = frame({ schema: 1 });
    expect(judge(legacy, ctx())).toMatch(/old format but was added after the vault was upgraded/);
    expect(judge(legacy, ctx({ inSnapshot: true }))).toBeNull();
    expect(judge(legacy, ctx({ legacyClosed: false }))).toBeNull();
    expect(frameAuthor(legacy, true)).toBe('unknown');
  });
});
