// What the requests list, its sort and the Today counts need about every request, without
// decrypting 50,000 records each time. Each entry remembers the sequence number of the record it was
// worked out from and is used only while the vault still holds that version, so the index can never
// show a stale request. The index is also saved in the vault, sealed under each tier's key like any
// record, so the next unlock starts from it and reads only the requests changed since.
import { councilProfileSchema, type CouncilProfile } from '../../../shared/domain/profiles';
import { NATIONS, type HolidayEdits, type Nation } from '../../../shared/domain/calendar';
import {
  currentTarget,
  lifecycleFromEvents,
  requestStatus,
  type LifecycleFacts,
  type RequestStatus,
} from '../../../shared/domain/requests';
import { worklistFlags, type WorklistFacts } from '../../../shared/domain/worklist';
import type { Tier, VaultSession } from '../vault';
import type { StoredRequest } from '../../../shared/domain/requests';

const INDEX_TYPE = 'request-index';
/** Bump when what an entry holds changes: a saved index of another format is ignored and rebuilt. */
const INDEX_FORMAT = 2;
const indexRecordId = (tier: Tier) => `${INDEX_TYPE}:${tier}`;

interface RequestEntry {
  seq: number;
  tier: Tier;
  lifecycle: LifecycleFacts;
  /** Position in `profiles`: thousands of requests share a handful of profiles. */
  profile: number;
  nation: Nation;
  awaitingMonitoringOfficer: boolean;
  chairNoticePending: boolean;
}

interface MaterialEntry {
  seq: number;
  tier: Tier;
  requestId: string;
}

interface SavedIndex {
  format: number;
  profiles: CouncilProfile[];
  requests: Array<[string, RequestEntry]>;
  materials: Array<[string, MaterialEntry]>;
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

export class RequestIndex {
  private vault: VaultSession | null = null;
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
  /** Ids of records that could not be indexed (malformed): left out of the list, reported by the caller. */
  readonly unreadable = new Set<string>();

  constructor(
    /** Saves the index back once this many entries (or 2% of them) were read from their records. */
    private readonly saveAfter = 200,
  ) {}

  /** Forget everything (on lock): the next unlock starts from the saved index. */
  clear(): void {
    this.vault = null;
    this.requests = new Map();
    this.materials = new Map();
    this.profiles = [];
    this.profileKeys = new Map();
    this.unsaved = 0;
    this.sorted = null;
    this.byRequest = null;
    this.states = new Map();
    this.unreadable.clear();
  }

  /**
   * Brings the index up to date with the vault: loads the saved index on the first call after unlock,
   * then reads only the records whose sequence number changed. Costs one pass over the vault's
   * in-memory index (a few ms at 50,000 records) when nothing changed.
   */
  sync(vault: VaultSession): IndexStats {
    if (this.vault !== vault) {
      this.clear();
      this.vault = vault;
      this.load(vault);
    }
    let recomputed = 0;
    recomputed += this.refresh(vault, 'request', this.requests, (data: StoredRequest, seq, tier) => this.requestEntry(data, seq, tier));
    recomputed += this.refresh(vault, 'material', this.materials, (data: { requestId: string }, seq, tier) => ({
      seq,
      tier,
      requestId: data.requestId,
    }));
    this.unsaved += recomputed;
    let saved = false;
    if (this.unsaved >= Math.max(this.saveAfter, Math.ceil(this.requests.size * 0.02))) {
      this.save(vault);
      saved = true;
    }
    return { recomputed, saved };
  }

  /** Request ids in due-date order (then sent date, then id), the list's default order. */
  orderedIds(): string[] {
    if (!this.sorted) {
      // One string per request, sorted as plain strings: a comparator looking keys up per comparison
      // took ten times longer at 50,000.
      const keys: string[] = [];
      for (const [id, e] of this.requests) keys.push(`${currentTarget(e.lifecycle)} ${e.lifecycle.sentOn} ${id}`);
      keys.sort();
      this.sorted = keys.map((k) => k.slice(k.lastIndexOf(' ') + 1));
    }
    return this.sorted;
  }

  get size(): number {
    return this.requests.size;
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
    for (const [id, e] of this.requests) {
      if (this.states.has(id)) continue;
      const s = requestStatus(e.lifecycle, today, this.profiles[e.profile]!, e.nation, edits);
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
      lifecycle: lifecycleOf(r),
      profile,
      nation: r.nation,
      ...worklistFlags(r),
    };
    if (!isRequestItem(['', entry], tier, this.profiles.length)) throw new Error('malformed request');
    return entry;
  }

  private refresh<E extends { seq: number; tier: Tier }, D>(
    vault: VaultSession,
    type: string,
    entries: Map<string, E>,
    make: (data: D, seq: number, tier: Tier) => E,
  ): number {
    let changed = 0;
    let seen = 0;
    vault.forEachEntry(type, ({ id, seq, tier }) => {
      seen++;
      const entry = entries.get(id);
      if (entry && entry.seq === seq && entry.tier === tier) return;
      const record = vault.get<D>(id);
      if (!record) return;
      let made: E;
      try {
        made = make(record.data, seq, tier);
      } catch {
        // A record without the expected shape is left out of the index and reported, never breaks the list.
        this.unreadable.add(id);
        if (entries.delete(id)) changed++;
        return;
      }
      this.unreadable.delete(id);
      entries.set(id, made);
      this.states.delete(id);
      changed++;
    });
    if (seen !== entries.size) {
      // Records were deleted: drop their entries.
      const live = new Set<string>();
      vault.forEachEntry(type, ({ id }) => live.add(id));
      for (const id of entries.keys()) {
        if (live.has(id)) continue;
        entries.delete(id);
        this.states.delete(id);
        changed++;
      }
    }
    if (changed) {
      this.sorted = null;
      this.byRequest = null;
    }
    return changed;
  }

  /** Reads the saved index of each tier this user can read; anything unexpected is ignored, never trusted. */
  private load(vault: VaultSession): void {
    for (const tier of ['shared', 'member'] as const) {
      if (!vault.canRead(tier)) continue;
      const saved = vault.get<SavedIndex>(indexRecordId(tier))?.data;
      if (
        !saved ||
        saved.format !== INDEX_FORMAT ||
        !Array.isArray(saved.profiles) ||
        !Array.isArray(saved.requests) ||
        !Array.isArray(saved.materials)
      )
        continue;
      if (!saved.profiles.every((p) => councilProfileSchema.safeParse(p).success)) continue;
      const offset = this.profiles.length;
      for (const profile of saved.profiles) {
        this.profileKeys.set(JSON.stringify(profile), this.profiles.length);
        this.profiles.push(profile);
      }
      // An entry that does not look right is left out: it is then worked out again from its record.
      for (const item of saved.requests as unknown[]) {
        if (isRequestItem(item, tier, saved.profiles.length)) this.requests.set(item[0], { ...item[1], profile: item[1].profile + offset });
      }
      for (const item of saved.materials as unknown[]) if (isMaterialItem(item, tier)) this.materials.set(item[0], item[1]);
    }
  }

  /** Saves each readable tier's entries under that tier's key; a PA saves only the shared tier. */
  private save(vault: VaultSession): void {
    for (const tier of ['shared', 'member'] as const) {
      if (!vault.canRead(tier)) continue;
      const profiles: CouncilProfile[] = [];
      const remap = new Map<number, number>();
      const requests: SavedIndex['requests'] = [];
      for (const [id, e] of this.requests) {
        if (e.tier !== tier) continue;
        let p = remap.get(e.profile);
        if (p === undefined) remap.set(e.profile, (p = profiles.push(this.profiles[e.profile]!) - 1));
        requests.push([id, { ...e, profile: p }]);
      }
      const materials = [...this.materials].filter(([, m]) => m.tier === tier);
      vault.put<SavedIndex>({
        id: indexRecordId(tier),
        tier,
        type: INDEX_TYPE,
        data: { format: INDEX_FORMAT, profiles, requests, materials },
      });
    }
    this.unsaved = 0;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v);
const isDateOrNull = (v: unknown) => v === null || v === undefined || isDate(v);

/** A saved index is sealed, so only a bug could make it wrong; checked anyway, entry by entry, since an unlock depends on it. */
function isRequestItem(item: unknown, tier: Tier, profiles: number): item is [string, RequestEntry] {
  if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || !isObject(item[1])) return false;
  const e = item[1];
  const l = e.lifecycle;
  return (
    e.tier === tier &&
    Number.isInteger(e.seq) &&
    Number.isInteger(e.profile) &&
    (e.profile as number) >= 0 &&
    (e.profile as number) < profiles &&
    (NATIONS as readonly unknown[]).includes(e.nation) &&
    typeof e.awaitingMonitoringOfficer === 'boolean' &&
    typeof e.chairNoticePending === 'boolean' &&
    isObject(l) &&
    isDate(l.sentOn) &&
    isDate(l.respondBy) &&
    isDateOrNull(l.acknowledgeBy) &&
    isDateOrNull(l.acknowledgedOn) &&
    isDateOrNull(l.answeredOn) &&
    isDateOrNull(l.closedOn) &&
    isDateOrNull(l.withdrawnOn) &&
    (l.holdingReply === null ||
      l.holdingReply === undefined ||
      (isObject(l.holdingReply) && isDate(l.holdingReply.receivedOn) && isDate(l.holdingReply.promisedBy)))
  );
}

function isMaterialItem(item: unknown, tier: Tier): item is [string, MaterialEntry] {
  return (
    Array.isArray(item) &&
    item.length === 2 &&
    typeof item[0] === 'string' &&
    isObject(item[1]) &&
    item[1].tier === tier &&
    Number.isInteger(item[1].seq) &&
    typeof item[1].requestId === 'string'
  );
}
