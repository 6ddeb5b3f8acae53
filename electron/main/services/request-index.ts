// What the requests list, its sort and the Today counts need about every request, without
// decrypting 50,000 records each time: a list page is made from the index alone. Each entry remembers the sequence number of the record it was
// worked out from and is used only while the vault still holds that version, so the index can never
// show a stale request. The index is also saved in the vault, sealed under each tier's key like any
// record, so the next unlock starts from it and reads only the requests changed since.
import { councilProfileSchema, type CouncilProfile } from '../../../shared/domain/profiles';
import type { HolidayEdits } from '../../../shared/domain/calendar';
import {
  currentTarget,
  lifecycleFromEvents,
  requestStatus,
  type LifecycleFacts,
  type RequestStatus,
} from '../../../shared/domain/requests';
import { worklistFlags, type WorklistFacts } from '../../../shared/domain/worklist';
import { effectiveLevel, type Level } from '../../../shared/domain/classification';
import { requestTextWords } from '../../../shared/domain/search';
import type { Tier, VaultSession } from '../vault';
import { requestNotes, type StoredRequest } from '../../../shared/domain/requests';
import {
  datesChecker,
  entryOfSaved,
  isFiledRight,
  isMaterialItem,
  isRequestItem,
  isString,
  savedRequest,
  StringTable,
  type CheckedRead,
  type ListFacts,
  type MaterialEntry,
  type RequestEntry,
  type SavedIndex,
  type SavedWords,
} from './request-index-saved';

export type { CheckedRead, ListFacts } from './request-index-saved';

const INDEX_TYPE = 'request-index';
/** Bump when what an entry holds changes: a saved index of another format is ignored and rebuilt. */
const INDEX_FORMAT = 5;
/** The saved search words' format, apart: they did not change when the index took a string table. */
const WORDS_FORMAT = 4;
const indexRecordId = (tier: Tier) => `${INDEX_TYPE}:${tier}`;
/**
 * The search words are saved apart from the rest (more than half its size): the first page of the
 * list, the Today counts and the reminder need none, so an unlock reads them only once main is free
 * or a search asks (see loadWords). Same record type, so the same tier and Member-only write rules.
 */
const wordsRecordId = (tier: Tier) => `${indexRecordId(tier)}:words`;
/**
 * What the index reads of the vault and how it saves itself. In the app this is the records
 * repository's door for index records (RecordsRepository.syncIndex), which works the tier out and
 * checks who may write; the index's own tests hand it a vault session, which has the same shape.
 */
export interface IndexVault {
  readonly changeMark: number;
  canRead(tier: Tier): boolean;
  authorOf: VaultSession['authorOf'];
  get<T = unknown>(id: string): { data: T } | undefined;
  forEachEntry: VaultSession['forEachEntry'];
  put<T>(record: { id: string; tier: Tier; type: string; data: T }): unknown;
}

export type RequestState = WorklistFacts & { status: RequestStatus };

// R-DUE-4, R-DUE-5 (000 §17.8.2; 004 §6.5.8): the facts a request's status is worked out from, from the corrected timeline: a holding reply's promised date is the target; withdrawn and closed requests are ended.
export const lifecycleOf = (r: StoredRequest): LifecycleFacts => lifecycleFromEvents(r);

export interface IndexStats {
  /** Requests read from their records because the saved index lacked them or held an older version. */
  recomputed: number;
  /** Whether this sync saved the index back to the vault. */
  saved: boolean;
}

const SORT_ID_AT = 'YYYY-MM-DD YYYY-MM-DD '.length;

export class RequestIndex {
  private vault: IndexVault | null = null;
  /** The vault's change mark when the index was last brought up to date (null: not since unlock). */
  private syncedAt: number | null = null;
  private requests = new Map<string, RequestEntry>();
  private materials = new Map<string, MaterialEntry>();
  private profiles: CouncilProfile[] = [];
  private profileKeys = new Map<string, number>();
  /** Entries read from records since the index was last loaded or saved. */
  private unsaved = 0;
  private sorted: string[] | null = null;
  private byRequest: Map<string, string[]> | null = null;
  private states = new Map<string, RequestState>();
  private statesKey = '';
  /** The tiers whose saved words are still to be read this unlock (see loadWords). */
  private wordsToLoad: Tier[] = [];
  /** How records are read (from the last sync): words missing from the saved ones come from their records. */
  private read: CheckedRead | null = null;
  /** Ids of records that could not be indexed (malformed): left out of the list, reported by the caller. */
  readonly unreadable = { request: new Set<string>(), material: new Set<string>() };
  /** The version of each record set aside, so it is read again only once it changes. */
  private unreadableAt = new Map<string, number>();

  constructor(
    /** Saves the index back once this many entries (or 2% of them) were read from their records. */
    private readonly saveAfter = 200,
  ) {}

  /** Forget everything (on lock): the next unlock starts from the saved index. */
  clear(): void {
    this.vault = null;
    this.syncedAt = null;
    this.requests = new Map();
    this.materials = new Map();
    this.profiles = [];
    this.profileKeys = new Map();
    this.unsaved = 0;
    this.sorted = null;
    this.byRequest = null;
    this.wordsToLoad = [];
    this.read = null;
    this.states = new Map();
    this.unreadable.request.clear();
    this.unreadable.material.clear();
    this.unreadableAt.clear();
  }

  /**
   * Brings the index up to date with the vault: loads the saved index on the first call after unlock,
   * then reads only the records whose sequence number changed. Costs nothing when nothing was saved
   * since the last call, and one pass over the vault's in-memory index (a few ms at 50,000 records)
   * when something was but no request or material changed.
   */
  sync(vault: IndexVault, read: CheckedRead): IndexStats {
    if (this.vault !== vault) {
      this.clear();
      this.vault = vault;
      this.load(vault);
    }
    this.read = read;
    // Nothing saved or deleted since the last call: every entry is still current. Each page of the
    // list calls this, and the pass over 50,000 entries cost ~20 ms a page.
    if (this.syncedAt === vault.changeMark) return { recomputed: 0, saved: false };
    let recomputed = 0;
    recomputed += this.refresh(
      vault,
      'request',
      this.requests,
      (id) => read('request', id),
      (data, seq, tier) => this.requestEntry(data, seq, tier),
    );
    recomputed += this.refresh(
      vault,
      'material',
      this.materials,
      (id) => read('material', id),
      (data, seq, tier, id) => {
        const entry: MaterialEntry = { seq, tier, requestId: data.requestId, level: effectiveLevel(data.classification) };
        if (!isFiledRight(id, entry)) throw new Error('misfiled material');
        return entry;
      },
    );
    this.unsaved += recomputed;
    let saved = false;
    if (vault.canRead('member') && this.unsaved >= Math.max(this.saveAfter, Math.ceil(this.requests.size * 0.02))) {
      this.save(vault);
      saved = true;
    }
    this.syncedAt = vault.changeMark;
    return { recomputed, saved };
  }

  /** Whether the index was loaded since unlock (its next sync reads only what changed). */
  get loaded(): boolean {
    return this.vault !== null;
  }

  /** Request ids in due-date order (then sent date, then id), the list's default order. */
  orderedIds(): string[] {
    if (!this.sorted) {
      // One string per request, sorted as plain strings: a comparator looking keys up per comparison
      // took ten times longer at 50,000.
      const keys: string[] = [];
      for (const [id, e] of this.requests) keys.push(`${currentTarget(e.lifecycle)} ${e.lifecycle.sentOn} ${id}`);
      keys.sort();
      // Both dates are YYYY-MM-DD, so the id starts at a fixed place (an id may hold spaces).
      this.sorted = keys.map((k) => k.slice(SORT_ID_AT));
    }
    return this.sorted;
  }

  get size(): number {
    return this.requests.size;
  }

  /**
   * A request's search words. Before the saved words are read (loadWords), from its record. '' if the
   * record cannot be read now (the next sync sets it aside).
   */
  wordsOf(id: string): string {
    const entry = this.requests.get(id);
    if (!entry) return '';
    if (entry.words === null) {
      try {
        const r = this.read?.('request', id);
        if (!r) return '';
        entry.words = textWordsOf(r);
      } catch {
        return '';
      }
    }
    return entry.words;
  }

  /** Whether saved search words are still to be read (loadWords). */
  get hasUnreadWords(): boolean {
    return this.vault !== null && this.wordsToLoad.length > 0;
  }

  /**
   * Reads the saved words, once per unlock, for search (every request's words at once). A saved
   * entry counts only at the version its request is indexed at; any other request's words come from
   * its record. Checked like the saved index (load): anything unexpected is ignored.
   */
  loadWords(): void {
    const vault = this.vault;
    if (!vault || this.wordsToLoad.length === 0) return;
    for (const tier of this.wordsToLoad) {
      // As for the saved index: in the Member's app, only words the Member's app saved.
      if (vault.canRead('member') && vault.authorOf(wordsRecordId(tier)) !== 'member') continue;
      const saved = vault.get<SavedWords>(wordsRecordId(tier))?.data;
      if (!saved || saved.format !== WORDS_FORMAT || !Array.isArray(saved.words)) continue;
      for (const item of saved.words) {
        if (!Array.isArray(item) || item.length !== 3 || !isString(item[0]) || !isString(item[2])) continue;
        const entry = this.requests.get(item[0]);
        if (entry && entry.words === null && entry.tier === tier && entry.seq === item[1]) entry.words = item[2];
      }
    }
    this.wordsToLoad = [];
    for (const id of this.requests.keys()) this.wordsOf(id);
  }

  /** What the list shows of a request and when it was sent, while the index holds its current version. */
  listed(id: string): { readonly list: ListFacts; readonly lifecycle: LifecycleFacts } | undefined {
    return this.requests.get(id);
  }

  /** The classification levels of the material recorded against a request that this user can read. */
  levelsFor(requestId: string): Array<Exclude<Level, 'unsure'>> {
    return this.materialIdsFor(requestId).map((id) => this.materials.get(id)!.level);
  }

  /** Ids of the material recorded against a request. */
  materialIdsFor(requestId: string): string[] {
    if (!this.byRequest) {
      this.byRequest = new Map();
      for (const [id, m] of this.materials) {
        const list = this.byRequest.get(m.requestId) ?? [];
        list.push(id);
        this.byRequest.set(m.requestId, list);
      }
    }
    return this.byRequest.get(requestId) ?? [];
  }

  /** Every request's state for `today`, cached until a request, the day or the holiday list changes. */
  statesFor(today: string, edits: HolidayEdits): Map<string, RequestState> {
    const key = `${today} ${JSON.stringify(edits)}`;
    if (key !== this.statesKey) {
      this.states = new Map();
      this.statesKey = key;
    }
    // Open requests share a few hundred sets of dates at 50,000: each set's status is worked out once
    // per call (counting working days late was most of the time). Ended ones cost nothing to work out.
    const same = new Map<string, ReturnType<typeof requestStatus>>();
    for (const [id, e] of this.requests) {
      if (this.states.has(id)) continue;
      const l = e.lifecycle;
      const key = l.answeredOn || l.closedOn || l.withdrawnOn ? null : statusKey(e);
      let s = key === null ? undefined : same.get(key);
      try {
        s ??= requestStatus(l, today, this.profiles[e.profile]!, e.nation, edits);
      } catch {
        // One request whose status cannot be worked out is set aside, never breaks every list and count.
        this.requests.delete(id);
        this.unreadable.request.add(id);
        this.unreadableAt.set(id, e.seq);
        this.sorted = null;
        continue;
      }
      if (key !== null) same.set(key, s);
      this.states.set(id, {
        locked: false,
        status: s.status,
        target: s.target,
        acknowledgeBy: e.lifecycle.acknowledgeBy,
        workingDaysLate: s.workingDaysLate,
        awaitingMonitoringOfficer: e.awaitingMonitoringOfficer,
        chairNoticePending: e.chairNoticePending,
      });
    }
    return this.states;
  }

  private requestEntry(r: StoredRequest, seq: number, tier: Tier): RequestEntry {
    const profileKey = JSON.stringify(r.profile);
    let profile = this.profileKeys.get(profileKey);
    if (profile === undefined) {
      // Checked once per distinct profile (a handful), so a forged one cannot break every status.
      profile = this.profiles.push(councilProfileSchema.parse(r.profile)) - 1;
      this.profileKeys.set(profileKey, profile);
    }
    const entry: RequestEntry = {
      seq,
      tier,
      words: textWordsOf(r),
      list: {
        reference: r.reference,
        subject: r.subject,
        officerId: r.officerId,
        officerName: r.officerName,
        service: r.service,
        ward: r.ward,
        meetingId: r.meetingId,
        capacity: r.capacity,
        route: r.route,
      },
      lifecycle: lifecycleOf(r),
      profile,
      nation: r.nation,
      ...worklistFlags(r),
    };
    if (!isRequestItem(['', entry], tier, this.profiles.length)) throw new Error('malformed request');
    return entry;
  }

  private refresh<E extends { seq: number; tier: Tier }, D>(
    vault: IndexVault,
    type: 'request' | 'material',
    entries: Map<string, E>,
    read: (id: string) => D | undefined,
    make: (data: D, seq: number, tier: Tier, id: string) => E,
  ): number {
    let changed = 0;
    let seen = 0;
    const unreadable = this.unreadable[type];
    vault.forEachEntry(type, ({ id, seq, tier }) => {
      seen++;
      const entry = entries.get(id);
      if (entry && entry.seq === seq && entry.tier === tier) return;
      // Set aside at this very version already: not decrypted and checked again on every call.
      if (!entry && this.unreadableAt.get(id) === seq) return;
      let made: E;
      try {
        const data = read(id);
        if (data === undefined) throw new Error('unreadable');
        made = make(data, seq, tier, id);
      } catch {
        // A record without the expected shape is left out of the index and reported, never breaks the list.
        if (!unreadable.has(id)) changed++;
        unreadable.add(id);
        this.unreadableAt.set(id, seq);
        if (entries.delete(id)) changed++;
        this.states.delete(id);
        return;
      }
      unreadable.delete(id);
      this.unreadableAt.delete(id);
      entries.set(id, made);
      this.states.delete(id);
      changed++;
    });
    if (seen !== entries.size + unreadable.size) {
      // Records were deleted: drop their entries.
      const live = new Set<string>();
      vault.forEachEntry(type, ({ id }) => live.add(id));
      for (const id of entries.keys()) {
        if (live.has(id)) continue;
        entries.delete(id);
        this.states.delete(id);
        changed++;
      }
      for (const id of unreadable)
        if (!live.has(id) && unreadable.delete(id)) {
          this.unreadableAt.delete(id);
          changed++;
        }
    }
    if (changed) {
      this.sorted = null;
      this.byRequest = null;
    }
    return changed;
  }

  /**
   * Reads the saved index of each tier this user can read; anything unexpected is ignored, never
   * trusted. Only an index the Member's app saved is used: the PA holds the shared key, and an index
   * saved with it could make the list say what no request says. A PA's app checks no Member MAC, so
   * there the shared index is taken as it is (it can only mislead that PA).
   */
  private load(vault: IndexVault): void {
    for (const tier of ['shared', 'member'] as const) {
      if (!vault.canRead(tier)) continue;
      if (vault.canRead('member') && vault.authorOf(indexRecordId(tier)) !== 'member') continue;
      const saved = vault.get<SavedIndex>(indexRecordId(tier))?.data;
      if (
        !saved ||
        saved.format !== INDEX_FORMAT ||
        !Array.isArray(saved.profiles) ||
        !Array.isArray(saved.requests) ||
        !Array.isArray(saved.materials) ||
        !Array.isArray(saved.strings) ||
        !saved.strings.every(isString)
      )
        continue;
      if (!saved.profiles.every((p) => councilProfileSchema.safeParse(p).success)) continue;
      const offset = this.profiles.length;
      for (const profile of saved.profiles) {
        this.profileKeys.set(JSON.stringify(profile), this.profiles.length);
        this.profiles.push(profile);
      }
      // An entry that does not look right is left out: it is then worked out again from its record.
      const isDate = datesChecker();
      for (const raw of saved.requests as unknown[]) {
        const item = entryOfSaved(raw, tier, { profiles: saved.profiles.length, strings: saved.strings }, isDate);
        if (!item) continue;
        item[1].profile += offset;
        this.requests.set(item[0], item[1]);
      }
      for (const item of saved.materials as unknown[]) if (isMaterialItem(item, tier)) this.materials.set(item[0], item[1]);
      this.wordsToLoad.push(tier);
    }
  }

  /** Saves each tier's entries under that tier's key. Only the Member's app saves (see load); a PA's keeps its own in memory. */
  private save(vault: IndexVault): void {
    this.loadWords(); // every entry's words, so none is lost from what is saved
    for (const tier of ['shared', 'member'] as const) {
      if (!vault.canRead(tier)) continue;
      const profiles: CouncilProfile[] = [];
      const remap = new Map<number, number>();
      const requests: SavedIndex['requests'] = [];
      const table = new StringTable();
      // In the list's default order: the next unlock's sort of them (orderedIds) is then one pass.
      for (const id of this.orderedIds()) {
        const e = this.requests.get(id)!;
        if (e.tier !== tier) continue;
        let p = remap.get(e.profile);
        if (p === undefined) remap.set(e.profile, (p = profiles.push(this.profiles[e.profile]!) - 1));
        requests.push(savedRequest(id, e, p, table));
      }
      const materials = [...this.materials].filter(([, m]) => m.tier === tier);
      vault.put<SavedIndex>({
        id: indexRecordId(tier),
        tier,
        type: INDEX_TYPE,
        data: { format: INDEX_FORMAT, profiles, strings: table.strings, requests, materials },
      });
      const words: unknown[] = [];
      for (const [id, e] of this.requests) if (e.tier === tier && e.words !== null) words.push([id, e.seq, e.words]);
      vault.put<SavedWords>({ id: wordsRecordId(tier), tier, type: INDEX_TYPE, data: { format: WORDS_FORMAT, words } });
    }
    this.unsaved = 0;
  }
}

/** Every fact an open request's status is worked out from (requestStatus), besides today and the holiday list. */
function statusKey(e: RequestEntry): string {
  const l = e.lifecycle;
  const holding = l.holdingReply ? `${l.holdingReply.receivedOn}/${l.holdingReply.promisedBy}` : '';
  return `${e.profile} ${e.nation} ${l.sentOn} ${l.acknowledgeBy} ${l.respondBy} ${l.acknowledgedOn} ${holding} ${l.escalatedTo}`;
}
// A lifecycle fact added without a place in statusKey fails to compile, rather than sharing a wrong status.
type Keyed = 'sentOn' | 'acknowledgeBy' | 'respondBy' | 'acknowledgedOn' | 'holdingReply' | 'escalatedTo';
type Unkeyed = Exclude<keyof LifecycleFacts, Keyed | 'answeredOn' | 'closedOn' | 'withdrawnOn'>;
const everyFactKeyed: [Unkeyed] extends [never] ? true : never = true;
void everyFactKeyed;

/** The search words of a request's own text (shared/domain/search.ts says which). */
const textWordsOf = (r: StoredRequest): string =>
  requestTextWords({ reference: r.reference, subject: r.subject, question: r.informationSought, notes: requestNotes(r) });
