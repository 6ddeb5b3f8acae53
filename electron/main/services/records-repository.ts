// The one door to the vault's records. Every service reads and writes records through here, so the
// rules every record shares are kept in one place: its type, its tier, who may write it, its shape,
// and the audit stamp. Nothing else in main calls the vault session's record methods (put, get, list,
// delete, appendAudit and the rest): test/electron/main/one-door.test.ts scans main for any that does.
// The request index saves itself through its own door here (indexVault); files go through `blobs`.
import { isMemberWritten, type RecordType } from '../../../shared/domain/record-types';
import { recordTier, type RecordTier } from '../../../shared/domain/record-tier';
import { paAuditAuthor } from '../../../shared/domain/protection';
import { AppError } from '../../../shared/ipc/errors';
import type { VaultSession } from '../vault';
import type { EventHub } from './events';
import { recordSchemas, type RecordData, type SchemaType } from './record-schemas';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';
import type { CheckedRead, IndexVault, RequestIndex } from './request-index';

export interface RepositoryLogger {
  warn(message: string): void;
}

/** What a user calls each kind of record, for messages in plain words. */
const NOUNS: Record<SchemaType, string> = {
  request: 'request',
  material: 'material',
  officer: 'officer',
  meeting: 'meeting',
  disclosure: 'disclosure',
  'register-entry': 'register entry',
  'council-settings': 'council settings',
  'council-profile': 'council profile',
  arrival: 'item that arrived for the Member',
  correspondence: 'email',
};

/** A record as read back: its data, checked against its schema, and the tier it is sealed under. */
export interface StoredRecord<T extends SchemaType> {
  id: string;
  tier: RecordTier;
  data: RecordData<T>;
}

export class RecordsRepository {
  /** Records read back that did not match their schema, since unlock: set aside, never shown, never thrown out of a list. */
  private unreadableIds = new Set<string>();
  /** The request index's door to the vault, made once per session (see indexVault). */
  private indexDoor: { vault: VaultSession; door: IndexVault } | null = null;

  constructor(
    private readonly session: SessionService<OpenVault>,
    private readonly events: EventHub,
    private readonly now: () => Date = () => new Date(),
    private readonly logger: RepositoryLogger = { warn: (m) => console.warn(m) },
  ) {
    session.onLock(() => {
      this.unreadableIds = new Set();
      this.indexDoor = null;
    });
  }

  private get vault(): VaultSession {
    return this.session.requireVault().records;
  }

  /** Who is signed in (throws 'locked' while locked). */
  get user() {
    return this.session.requireVault().user;
  }

  get isMember(): boolean {
    return this.user.role === 'member';
  }

  /** A command's hold on the session that began it, for commands that await (see SessionService.begin). */
  begin(interrupted: string) {
    return this.session.begin(interrupted);
  }

  /** Refuses while locked. */
  requireSession(): void {
    this.session.requireVault();
  }

  /** Refuses a PA (and a locked app) before anything is read or written. */
  requireMember(): void {
    this.session.requireMember();
  }

  /** Raised by every save and deletion in this session's vault (see the vault's changeMark). */
  get changeMark(): number {
    return this.vault.changeMark;
  }

  canReadMemberTier(): boolean {
    return this.vault.canRead('member');
  }

  /** How many records could not be read since unlock (reported on the dashboard and in the log). */
  get unreadableCount(): number {
    return this.unreadableIds.size;
  }

  // Reading ------------------------------------------------------------------------------------

  /**
   * The record of `type` with this id, or undefined when there is none this user can read. A record of
   * another type under that id is 'not there' for this call: a meeting's id never reads as an officer.
   * A record that does not match its schema, or whose content needs a higher tier than it is stored
   * under, is 'cannot-open' (set aside and logged).
   */
  find<T extends SchemaType>(type: T, id: string): StoredRecord<T> | undefined {
    const record = this.vault.get(id);
    if (!record || record.type !== type) return undefined;
    const data = this.parse(type, id, record.data);
    const problem = data === undefined ? null : misfiled(type, id, record.tier, data);
    if (problem) this.noteUnreadable(type, id, problem);
    else if (data !== undefined) return { id, tier: record.tier, data };
    throw new AppError('cannot-open', `This ${NOUNS[type]} could not be read: its saved copy is damaged. Nothing was changed.`);
  }

  get<T extends SchemaType>(type: T, id: string): RecordData<T> | undefined {
    return this.find(type, id)?.data;
  }

  /** As get(), but 'not found' (or 'forbidden' for a Member-only record a PA asked for) in plain words. */
  require<T extends SchemaType>(type: T, id: string): RecordData<T> {
    const data = this.get(type, id);
    if (data !== undefined) return data;
    if (this.isSealed(type, id)) throw new AppError('forbidden', `This ${NOUNS[type]} is Member only.`);
    throw new AppError('not-found', `There is no such ${NOUNS[type]}.`);
  }

  /** Whether a record of this type and id exists that this user cannot open. */
  isSealed(type: SchemaType, id: string): boolean {
    return this.vault.sealedIds(type).some((s) => s.id === id);
  }

  /** Every record of `type` this user can read. A malformed one is set aside and reported, never thrown. */
  list<T extends SchemaType>(type: T): Array<RecordData<T>> {
    return this.listStored(type).map((r) => r.data);
  }

  /** As list(), with each record's id and tier (for records whose data does not carry their id). */
  listStored<T extends SchemaType>(type: T): Array<StoredRecord<T>> {
    const out: Array<StoredRecord<T>> = [];
    for (const record of this.vault.iterate(type)) {
      const data = this.parse(type, record.id, record.data);
      if (data === undefined) continue;
      const problem = misfiled(type, record.id, record.tier, data);
      if (problem) {
        this.noteUnreadable(type, record.id, problem);
        continue;
      }
      out.push({ id: record.id, tier: record.tier, data });
    }
    return out;
  }

  /** Ids of records of `type` this user cannot open (a PA's "Member only" placeholders). */
  sealedIds(type: SchemaType): string[] {
    return this.vault.sealedIds(type).map((s) => s.id);
  }

  /** Ids of every record of `type` this user can read; decrypts nothing. */
  readableIds(type: SchemaType): string[] {
    const ids: string[] = [];
    this.vault.forEachEntry(type, (e) => ids.push(e.id));
    return ids;
  }

  /** Ids of readable records of `type` sealed under the Member key; decrypts nothing. */
  memberTierIds(type: SchemaType): Set<string> {
    const ids = new Set<string>();
    this.vault.forEachEntry(type, (e) => {
      if (e.tier === 'member') ids.add(e.id);
    });
    return ids;
  }

  /** How many records of `type` exist, readable or not; decrypts nothing. */
  count(type: SchemaType): number {
    let n = 0;
    this.vault.forEachEntry(type, () => n++);
    return n + this.vault.sealedIds(type).length;
  }

  private parse<T extends SchemaType>(type: T, id: string, data: unknown): RecordData<T> | undefined {
    const parsed = recordSchemas[type].safeParse(data);
    if (parsed.success) return parsed.data as RecordData<T>;
    this.noteUnreadable(type, id);
    return undefined;
  }

  /** Records a record set aside as unreadable, logged once per unlock. No content in the log: only its kind and id. */
  noteUnreadable(type: SchemaType, id: string, why = 'does not have the expected shape'): void {
    if (this.unreadableIds.has(id)) return;
    this.unreadableIds.add(id);
    this.logger.warn(`A ${NOUNS[type]} record (${id.slice(0, 80)}) ${why} and was set aside.`);
  }

  // Writing ------------------------------------------------------------------------------------

  /**
   * Saves a record: checked against its schema, its tier worked out from its type and content (never
   * taken from what was stored), refused to a PA where only the Member may write, and refused when the
   * id already belongs to a record of another type. Emits `records:changed`.
   */
  save<T extends SchemaType>(type: T, data: RecordData<T> & { id: string }): RecordData<T> {
    const vault = this.vault;
    const parsed = recordSchemas[type].safeParse(data);
    if (!parsed.success) {
      this.logger.warn(`A ${NOUNS[type]} was not saved: it does not have the expected shape.`);
      throw new AppError(
        'invalid-input',
        `The ${NOUNS[type]} could not be saved because some of its details are not valid. Nothing was saved.`,
      );
    }
    const id = data.id;
    const tier = recordTier(type, id, parsed.data);
    this.checkWrite(type, id, tier);
    const existing = this.typeOf(id);
    if (existing !== undefined && existing !== type) {
      throw new AppError(
        'refused',
        `That id belongs to another kind of record, so this ${NOUNS[type]} was not saved. Nothing was changed.`,
      );
    }
    vault.put({ id, tier, type, data: parsed.data });
    this.events.emit('records:changed', { kind: type, id });
    return parsed.data as RecordData<T>;
  }

  /**
   * The tier a record with this content would be saved under, refused ('forbidden') as save() would
   * refuse it when this user may not write it. Saves nothing: a service asks first when the record's
   * files must be sealed under the same tier before the record itself is saved.
   */
  writableTier<T extends SchemaType>(type: T, id: string, data: RecordData<T>): RecordTier {
    const tier = recordTier(type, id, data);
    this.checkWrite(type, id, tier);
    return tier;
  }

  /** Removes a record of `type`; an id of another type is left alone. */
  remove(type: SchemaType, id: string): void {
    const record = this.find(type, id);
    if (!record) return;
    this.checkWrite(type, id, record.tier);
    this.vault.delete(id);
    this.events.emit('records:changed', { kind: type, id });
  }

  private checkWrite(type: SchemaType, id: string, tier: RecordTier): void {
    if (this.isMember) return;
    if (isMemberWritten(type, id)) throw new AppError('forbidden', `Only the Member can change the ${NOUNS[type]}. Nothing was saved.`);
    if (tier === 'member')
      throw new AppError(
        'forbidden',
        `This ${NOUNS[type]} belongs in the Member-only part of the vault; only the Member can record it. Nothing was saved.`,
      );
  }

  /** The type of whatever record holds this id, readable or not. */
  private typeOf(id: string): string | undefined {
    const vault = this.vault;
    const record = vault.get(id);
    if (record) return record.type;
    return vault.sealedIds().find((s) => s.id === id)?.type;
  }

  // Audit ---------------------------------------------------------------------------------------

  /**
   * R-USE-3: an audit event, stamped with who did it (the vault adds its authenticated author) and
   * when (from the injected clock, kept by the vault apart from the detail). Only the Member records
   * an event about a Member-only record: the vault refuses a PA's.
   */
  audit(recordId: string, action: string, tier: RecordTier, detail: Record<string, unknown>): void {
    const session = this.session.requireVault();
    const { at: _ignored, ...rest } = detail;
    session.records.appendAudit({ recordId, action, tier, detail: { ...rest, by: session.user.name }, at: this.now().toISOString() });
  }

  /**
   * R-USE-3: one record's audit trail. Who did each thing is the vault's authenticated author of its
   * frame, never a name in the event's detail (which any writer of the frame chose): a PA's event
   * naming the Member is shown as a PA's. The frame's author says only "the Member" or "a PA", not
   * which PA, so a PA's own name is shown only when the vault has exactly one PA (paAuditAuthor).
   * An event whose author the Member's app cannot check (one from before authorship) says so.
   */
  auditTrail(recordId: string) {
    const session = this.session.requireVault();
    const users = session.users();
    const memberName = users.find((u) => u.role === 'member')?.name ?? (this.isMember ? session.user.name : 'the Member');
    const paNames = users.filter((u) => u.role === 'pa' && u.name !== memberName).map((u) => u.name);
    const who = (author: 'member' | 'pa' | 'unknown', named: string | null): string => {
      if (author === 'member') return memberName;
      if (author === 'pa') return paAuditAuthor(named, paNames);
      // A PA's app cannot check the Member's seal on the Member's events, and only that PA sees what it shows.
      if (!this.isMember) return named ?? memberName;
      return named !== null ? `${named} (not verified)` : 'someone (not verified)';
    };
    return this.vault.auditTrail(recordId).map((e) => {
      const claimed = e.detail?.by;
      const by = who(e.author, typeof claimed === 'string' && claimed.trim() ? claimed.trim() : null);
      // "at" is the time the vault kept in the authenticated frame, never one the detail names; an
      // event from before the vault kept it falls back to the time its author's app stamped in it.
      const { at: stamped, ...rest } = e.detail ?? {};
      const at = e.at ?? (e.author === 'member' && typeof stamped === 'string' ? stamped : null);
      const detail = e.detail ? { ...rest, ...(at ? { at } : {}) } : null;
      return { seq: e.seq, recordId: e.recordId, action: e.action, author: e.author, by, detail };
    });
  }

  // Files and housekeeping -----------------------------------------------------------------------

  /** Who saved the current version of a record of `type`, as this session can vouch; undefined when there is none. */
  authorOf(type: SchemaType, id: string): 'member' | 'pa' | 'unknown' | undefined {
    return this.typeOf(id) === type ? this.vault.authorOf(id) : undefined;
  }

  /** The sealed files (attachments) of material. */
  get blobs() {
    return this.vault.attachments;
  }

  /** Seals bytes to the Member (write-only: any session may seal, only the Member opens). `label` ties it to its record. */
  sealForMember(bytes: Buffer, label: string): Buffer {
    return this.vault.sealForMember(bytes, label);
  }

  /** Member only: opens what sealForMember() made under the same label. */
  openSealed(sealed: Buffer, label: string): Buffer {
    this.requireMember();
    return this.vault.openSealed(sealed, label);
  }

  compact(): void {
    this.vault.compact();
  }

  /**
   * Brings the request index up to date; the index reads only entries whose sequence number changed,
   * through this repository's checks, so a damaged or misfiled record never reaches the list.
   */
  syncIndex(index: RequestIndex) {
    return index.sync(this.indexVault(), ((type: 'request' | 'material', id: string) => this.get(type, id)) as CheckedRead);
  }

  /** The index's view of this session's vault, the same object for the whole session (the index keys its cache on it). */
  private indexVault(): IndexVault {
    const vault = this.vault;
    if (this.indexDoor?.vault !== vault) {
      const door: IndexVault = {
        get changeMark() {
          return vault.changeMark;
        },
        canRead: (tier) => vault.canRead(tier),
        authorOf: (id) => vault.authorOf(id),
        get: (id) => vault.get(id),
        forEachEntry: (type, each) => vault.forEachEntry(type, each),
        put: (record) => this.saveIndexRecord(vault, record),
      };
      this.indexDoor = { vault, door };
    }
    return this.indexDoor.door;
  }

  /**
   * Saves the request index (checked by the index itself when it loads it, not by a schema: it holds a
   * row for every request): only under the tier the tier rule gives its id, and only by whoever may write it.
   */
  private saveIndexRecord(vault: VaultSession, record: { id: string; tier: RecordTier; type: string; data: unknown }): void {
    const tier = recordTier('request-index', record.id, record.data);
    if (record.type !== 'request-index' || record.tier !== tier)
      throw new AppError('refused', 'The request list could not be saved: it was not filed as the list. Nothing was saved.');
    if (!this.isMember && isMemberWritten('request-index', record.id))
      throw new AppError('forbidden', 'Only the Member can save the Member’s request list. Nothing was saved.');
    vault.put({ id: record.id, tier, type: 'request-index', data: record.data });
  }
}

export type { RecordType };

/**
 * Why a well-formed record cannot be used where it is saved, or null. This app writes neither case
 * (every save works the tier out afresh and saves under the record's own id), so each is a forgery
 * or damage: set aside and reported, never used or saved again.
 * - Content that belongs under the Member key found under the shared key.
 * - Data naming another record's id: a save would write it over that record (a Member-only one too).
 */
function misfiled(type: SchemaType, id: string, tier: RecordTier, data: unknown): string | null {
  if (tier === 'shared' && recordTier(type, id, data) === 'member') return 'is Member-only content found under the shared key';
  const named = (data as { id?: unknown }).id;
  if (named !== undefined && named !== id) return 'names another record than the one it is saved as';
  return null;
}
