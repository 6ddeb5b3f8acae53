import { addWorkingDays, type HolidayEdits } from '../../../shared/domain/calendar';
import { levelNames, retentionDue } from '../../../shared/domain/classification';
import { formatUk } from '../../../shared/domain/dates';
import { effectiveTargets, requestsAffectedByCalendarChange } from '../../../shared/domain/deadlines';
import { CAPACITIES, ROUTES, foiAlternative } from '../../../shared/domain/need-to-know';
import { requestNotes } from '../../../shared/domain/requests';
import { searchWordsOf } from '../../../shared/domain/search';
import { requestVolumeByMonth, type VolumeByMonth } from '../../../shared/domain/request-volume';
import { AppError } from '../../../shared/ipc/errors';
import { disclosureCounts, isDueSoon, worklistCounts, type DueWindow } from '../../../shared/domain/worklist';
import {
  DEFAULT_LIST_QUERY,
  LIST_SORT_KEYS,
  listRowOf,
  type Dashboard,
  type ListFilterOptions,
  type ListQuery,
  type RequestDetail,
  type RequestListPage,
  type RequestListRow,
  type RequestRow,
  placeholderRow,
  withoutNamesInDetail,
} from '../../../shared/ipc/views';
import { effectiveTimeline } from '../../../shared/domain/timeline';
import { timelineItems } from './request-timeline';
import { allowedCommands, requestLifecycleState } from '../../../shared/domain/request-lifecycle';
import type { Meeting as MeetingView } from '../../../shared/domain/directory';
import type { CouncilSettingsService } from './council-settings-service';
import type { EventHub } from './events';
import { view, type MaterialStore } from './material-store';
import { requestOfMaterialId } from '../../../shared/domain/material';
import type { StoredMaterial } from '../../../shared/domain/material';
import type { StoredRequest } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';
import type { Timers } from './session-service';
import { RequestIndex, lifecycleOf, type RequestState } from './request-index';
import { RequestList } from './request-list';
import { withoutMoAdviceInDetail } from '../../../shared/ipc/mo-advice';
import type { MeetingModeService } from './meeting-mode-service';
import {
  WHO_LEAVES_A_MEETING_MODE,
  isRequestVisibleInMode,
  modeInWords,
  namesOf,
  withheldName,
  type MeetingMode,
  type ModeRequest,
} from '../../../shared/domain/protection';

const DEFAULT_QUERY_KEY = JSON.stringify(DEFAULT_LIST_QUERY);
/** How long after a page is sent main starts working ahead (warmUp). */
const WARM_UP_AFTER_MS = 300;
/** The longest the volume waits for a list page to be asked for first (see volume). */
const VOLUME_WAIT_MS = 1_000;

/** A request's row without its question and notes. */
interface ListedRow {
  row: Omit<RequestRow, 'question' | 'notes'>;
}

interface Directory {
  meetings: Map<string, MeetingView>;
  officers: Map<string, string>;
}

/** What the screens read about requests: the list, one request's details, the Today counts. */
export class RequestQueries {
  private readonly index = new RequestIndex();
  /** Every row the list can show, with what it was made from (see currentList). */
  private list: { basis: string; list: RequestList } | null = null;
  /** Whether warmUp's steps are under way. */
  private warming = false;
  /** Calls waiting for the next list page to be answered (volume). */
  private readonly afterPage: Array<() => void> = [];

  constructor(
    private readonly records: RecordsRepository,
    private readonly council: CouncilSettingsService,
    private readonly materials: MaterialStore,
    private readonly events: EventHub,
    private readonly today: () => string,
    private readonly timers: Timers,
    /** R-USE-1: what the meeting mode lets each view show. */
    private readonly modes: Pick<MeetingModeService, 'get' | 'shows' | 'showsRequest'>,
  ) {
    events.subscribe((channel, payload) => {
      // Locking forgets the index with the keys; the next unlock starts from the saved one.
      if (channel === 'session:changed' && payload.state !== 'unlocked') {
        this.index.clear();
        this.list = null;
      }
      // A change to material can change its request's row (its classification), so windows refresh that row.
      if (channel === 'records:changed' && payload.kind === 'material') this.materialChanged(payload.id);
      // A corrected officer's name shows on every request sent to them, so those rows refresh too.
      if (channel === 'records:changed' && payload.kind === 'officer') this.officerChanged(payload.id);
    });
  }

  private materialChanged(id: string) {
    let requestId: string | undefined;
    try {
      requestId = this.records.get('material', id)?.requestId;
    } catch {
      return; // locked meanwhile, or unreadable: the next read reloads everything
    }
    if (requestId) this.events.emit('records:changed', { kind: 'request', id: requestId });
  }

  private officerChanged(id: string) {
    let ids: string[];
    try {
      ids = this.records
        .list('request')
        .filter((r) => r.officerId === id)
        .map((r) => r.id);
    } catch {
      return; // locked meanwhile: the next unlock reads every row afresh
    }
    for (const requestId of ids) this.events.emit('records:changed', { kind: 'request', id: requestId });
  }

  /** Brings the request index up to date with the vault (cheap when nothing changed). */
  private synced(): RequestIndex {
    this.records.syncIndex(this.index);
    for (const type of ['request', 'material'] as const)
      for (const id of this.index.unreadable[type]) this.records.noteUnreadable(type, id);
    return this.index;
  }

  /** Today and the end of "the next three working days" in the council's calendar. */
  private dueWindow(): DueWindow {
    const today = this.today();
    const { nation } = this.council.get();
    return { today, until: addWorkingDays(today, 3, { kind: 'nation', nation }, this.council.holidayEdits()).dueDate };
  }

  /** Meetings and officers by id, retired ones included: a request always shows whom and what it named. */
  private directoryById(): Directory {
    return {
      meetings: new Map(this.records.list('meeting').map((m) => [m.id, m])),
      officers: new Map(this.records.list('officer').map((o) => [o.id, o.name])),
    };
  }

  /**
   * A request's row, made from the index alone (nothing is decrypted); the index must have been synced.
   * Undefined when the index does not hold the request (none, or set aside as unreadable).
   */
  private rowOf(id: string, directory: Directory, window: DueWindow, states: Map<string, RequestState>): ListedRow | undefined {
    const entry = this.index.listed(id);
    const state = states.get(id);
    if (!entry || !state) return undefined;
    const facts = entry.list;
    const meeting = facts.meetingId ? directory.meetings.get(facts.meetingId) : undefined;
    const levels = this.index.levelsFor(id);
    const classification = (['pink-paper', 'exempt', 'confidential', 'open'] as const).find((l) => levels.includes(l));
    const row: Omit<RequestRow, 'question' | 'notes'> = {
      id,
      reference: facts.reference,
      locked: false,
      subject: facts.subject,
      // The directory's name, so a corrected spelling shows everywhere; the name it was sent under if the officer is gone.
      officerName: directory.officers.get(facts.officerId) ?? facts.officerName,
      service: facts.service,
      ward: facts.ward,
      meetingId: facts.meetingId,
      meetingLabel: meeting ? `${meeting.committee}, ${formatUk(meeting.date)}` : '',
      capacity: facts.capacity ? CAPACITIES[facts.capacity] : '',
      route: facts.route ? ROUTES[facts.route] : '',
      classification: classification ? levelNames[classification] : 'Nothing received yet',
      status: state.status,
      sentOn: entry.lifecycle.sentOn,
      acknowledgeBy: state.acknowledgeBy,
      target: state.target,
      workingDaysLate: state.workingDaysLate,
      awaitingMonitoringOfficer: state.awaitingMonitoringOfficer,
      chairNoticePending: state.chairNoticePending,
      dueSoon: isDueSoon(state, window),
    };
    return { row };
  }

  /** A request's row as the list shows it; the request must be in the synced index. */
  private listedRow(id: string): ListedRow {
    const window = this.dueWindow();
    const listed = this.rowOf(id, this.directoryById(), window, this.index.statesFor(window.today, this.council.holidayEdits()));
    if (!listed) throw new AppError('cannot-open', 'This request could not be read: its saved copy is damaged. Nothing was changed.');
    return listed;
  }

  /** The full row: the index's, with the question and notes from the record. */
  private fullRow(r: StoredRequest, listed: ListedRow): RequestRow {
    return { ...listed.row, question: r.informationSought, notes: requestNotes(r) };
  }

  /** The material recorded against a request that this user can read; the index must have been synced. */
  private materialsOf(requestId: string): StoredMaterial[] {
    return this.index.materialIdsFor(requestId).flatMap((id) => {
      try {
        const material = this.records.get('material', id);
        // Only what is filed against this request (the index checks it too): never another's.
        return material && material.requestId === requestId ? material : [];
      } catch {
        return []; // a damaged material is set aside (and logged), never breaks its request
      }
    });
  }

  /**
   * One page of the requests the signed-in user may see that match `query`, in its order; Member-only
   * ones appear to a PA as locked placeholders at the end (R-USE-2), then any set aside as unreadable,
   * saying so: a request is never silently missing, and a damaged one never breaks the list. Answered
   * from the index alone (request-list.ts), so 50,000 rows cost no decryption.
   */
  listPage(offset: number, limit: number, query: ListQuery = DEFAULT_LIST_QUERY): RequestListPage {
    let page: RequestListPage;
    if (JSON.stringify(query) !== DEFAULT_QUERY_KEY || this.list?.basis === this.basis()) {
      // Search needs every request's words: read once per unlock (usually already, by warmUp).
      if (searchWordsOf(query.search).length > 0) this.synced().loadWords();
      const list = this.currentList();
      const positions = list.answer(query);
      const rows = Array.from(positions.subarray(offset, offset + limit), (i) => list.rows[i]!);
      page = { total: positions.length, all: list.rows.length, rows };
    } else {
      // The default order is the index's own: the first page after unlock or a change needs only its
      // own rows, not all of them (making 50,000 rows held the first paint up by 0.15 s or more).
      const { total, rows } = this.pageOf(offset, limit, ({ row }): RequestListRow => row, listRowOf);
      page = { total, all: total, rows };
    }
    this.warmUp();
    // After this page is on its way: a turn of the event loop later.
    for (const resolve of this.afterPage.splice(0)) this.timers.setTimeout(resolve, 0);
    return page;
  }

  /**
   * The values each list filter offers, from every row. When the rows are still to be made (after
   * unlock or a change), answered in main's first idle moment after the window's first calls (as
   * warmUp is): the window asks for these with the list's first page, and making 50,000 rows at once
   * held that page's paint up by 0.15-0.2 s on the bench machine.
   */
  async filterOptions(): Promise<ListFilterOptions> {
    if (this.list?.basis !== this.basis()) await new Promise<void>((resolve) => this.timers.setTimeout(resolve, WARM_UP_AFTER_MS));
    return this.currentList().filterOptions();
  }

  /**
   * R-ASK-7: requests per service per month over every request the user can read (locked rows carry
   * neither). After unlock, answered once the list's first page is sent (or after VOLUME_WAIT_MS):
   * Today asks for it first, and loading the index and counting every request held that page up.
   */
  async volume(): Promise<VolumeByMonth> {
    if (!this.index.loaded)
      await new Promise<void>((resolve) => {
        this.afterPage.push(resolve);
        this.timers.setTimeout(resolve, VOLUME_WAIT_MS);
      });
    // From the index's entries, not the list's rows: made before any list, when no page is asked for.
    const index = this.synced();
    const sent = index.orderedIds().flatMap((id) => {
      const entry = index.listed(id);
      return entry ? [{ service: entry.list.service, sentOn: entry.lifecycle.sentOn }] : [];
    });
    return requestVolumeByMonth(sent, this.today());
  }

  /** The readable request with this reference, as typed (any case), if there is one. */
  findByReference(reference: string): { id: string } | null {
    const wanted = reference.trim().toUpperCase();
    if (!wanted) return null;
    const row = this.currentList().rows.find((r) => !r.locked && r.reference.toUpperCase() === wanted);
    return row ? { id: row.id } : null;
  }

  /**
   * What the list's rows are made from besides the index: the vault's change mark (any save or
   * deletion, the directory's and material's included), the signed-in user, today and the council's
   * settings and calendar. Taken after syncing: a sync can save the request index, which moves the mark.
   */
  private basis(): string {
    this.synced();
    return JSON.stringify([
      this.records.user.id,
      this.records.changeMark,
      this.today(),
      this.council.get(),
      this.council.holidayEdits(),
      this.modes.get(),
    ]);
  }

  /** Every row in the default order, made again only when its basis changed, so never stale. */
  private currentList(): RequestList {
    const basis = this.basis();
    if (this.list?.basis === basis) return this.list.list;
    const { rows } = this.pageOf(0, Number.MAX_SAFE_INTEGER, ({ row }): RequestListRow => row, listRowOf);
    const index = this.index;
    const hidden = this.hiddenWordsInMode();
    const wordsAt = (i: number) => {
      const id = rows[i]!.id;
      const unsaid = hidden.get(id);
      return unsaid ? [...new Set(searchWordsOf(index.wordsOf(id)))].filter((w) => !unsaid.has(w)).join(' ') : index.wordsOf(id);
    };
    const list = new RequestList(rows, wordsAt);
    this.list = { basis, list };
    return list;
  }

  /** R-USE-1: by request, the words of the material the mode hides (title, file names): a search does not find the request by them. */
  private hiddenWordsInMode(): Map<string, Set<string>> {
    const hidden = new Map<string, Set<string>>();
    if (this.modes.get().kind === 'normal') return hidden;
    for (const m of this.materials.list()) {
      if (this.modes.shows(m)) continue;
      const words = hidden.get(m.requestId) ?? new Set<string>();
      for (const w of searchWordsOf(namesOf(m).join(' '))) words.add(w);
      hidden.set(m.requestId, words);
    }
    return hidden;
  }

  /**
   * In main's idle moments after a page is sent (while the window paints it), one step per turn so
   * the window's next calls are answered between steps: every row, the saved search words, the
   * search text and each sort column's order, so the next filter, search or sort answers at once.
   */
  private warmUp(): void {
    if (this.warming) return;
    this.warming = true;
    const steps: Array<() => void> = [
      () => this.currentList(),
      () => this.synced().loadWords(),
      () => this.currentList().prepare('search'),
      ...LIST_SORT_KEYS.map((key) => () => this.currentList().prepare(key)),
    ];
    const next = () => {
      const step = steps.shift();
      if (!step) {
        this.warming = false;
        return;
      }
      try {
        step();
        this.timers.setTimeout(next, 0);
      } catch {
        // Locked meanwhile, or the vault cannot be read: the next call works it out, and says why.
        this.warming = false;
      }
    };
    // Not at once: the screens' first calls after unlock come in a burst, and are answered first.
    this.timers.setTimeout(next, WARM_UP_AFTER_MS);
  }

  /**
   * Every readable request's status and dates, with its reference (the daily reminder's digest).
   * Made from the index's states, so the check at unlock neither decrypts nor builds rows.
   */
  dueStates(): Array<RequestState & { id: string; reference: string }> {
    const index = this.synced();
    const states = index.statesFor(this.today(), this.council.holidayEdits());
    const out: Array<RequestState & { id: string; reference: string }> = [];
    // In the list's order, so the digest names the most pressing first.
    for (const id of index.orderedIds()) {
      const state = states.get(id);
      const listed = index.listed(id);
      if (state && listed) out.push({ ...state, id, reference: listed.list.reference });
    }
    return out;
  }

  /** As listPage, with each request's question and notes read from its record (reports). */
  page(offset: number, limit: number): { total: number; rows: RequestRow[] } {
    return this.pageOf(
      offset,
      limit,
      (listed) => {
        let r: StoredRequest | undefined;
        try {
          r = this.records.get('request', listed.row.id);
        } catch {
          r = undefined; // damaged since the index was synced: set aside, never breaks the page
        }
        return r ? this.fullRow(r, listed) : placeholderRow(listed.row.id, 'Could not be read');
      },
      (p) => p,
    );
  }

  private pageOf<T>(offset: number, limit: number, make: (listed: ListedRow) => T, placeholder: (row: RequestRow) => T) {
    const index = this.synced();
    const window = this.dueWindow();
    // States first: a request whose status cannot be worked out is set aside there, before the order is read.
    const states = index.statesFor(window.today, this.council.holidayEdits());
    const ids = index.orderedIds();
    const sealed = this.records.sealedIds('request');
    const unreadable = [...index.unreadable.request];
    const directory = this.directoryById();
    const hidden = this.hiddenInMode();
    const total = ids.length + sealed.length + unreadable.length;
    const rows: T[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      if (i >= ids.length + sealed.length)
        rows.push(placeholder(placeholderRow(unreadable[i - ids.length - sealed.length]!, 'Could not be read')));
      else if (i >= ids.length) rows.push(placeholder(placeholderRow(sealed[i - ids.length]!, 'Member only')));
      else if (hidden(ids[i]!)) rows.push(placeholder(placeholderRow(ids[i]!, this.hiddenLabel())));
      else {
        const listed = this.rowOf(ids[i]!, directory, window, states);
        rows.push(listed ? make(listed) : placeholder(placeholderRow(ids[i]!, 'Could not be read')));
      }
    }
    return { total, rows };
  }

  /** "Hidden in public-meeting mode": a hidden request's row says why, and has no words to be found by. */
  private hiddenLabel(): string {
    return `Hidden in ${modeInWords(this.modes.get())}`;
  }

  /**
   * R-USE-1: whether the meeting mode hides a request's subject and question (never in normal use),
   * from the index alone; asked per row, so a page costs its own rows. Material the user cannot open,
   * and Member-only material at an open level (a briefing), count as protected; a pink paper is taken
   * to be for its request's meeting.
   */
  private hiddenInMode(mode: MeetingMode = this.modes.get()): (id: string) => boolean {
    if (mode.kind === 'normal') return () => false;
    const memberOnly = this.records.memberTierIds('request');
    const memberMaterial = this.records.memberTierIds('material');
    const withSealed = new Set(this.records.sealedIds('material').map(requestOfMaterialId));
    return (id) => {
      const levels = this.index.levelsFor(id);
      const materials: ModeRequest['materials'] = this.index.materialIdsFor(id).map((mid, k) => ({
        classification: memberMaterial.has(mid) && levels[k] === 'open' ? null : { level: levels[k] ?? 'confidential' },
      }));
      const request: ModeRequest = {
        memberOnly: memberOnly.has(id),
        meetingId: this.index.listed(id)?.list.meetingId ?? null,
        materials: withSealed.has(id) ? [...materials, { classification: null }] : materials,
      };
      return !isRequestVisibleInMode(request, mode);
    };
  }

  /** R-USE-1: by request, whether public-meeting mode hides its words: a report without protected content names none of them. */
  hiddenInPublicMeeting(): (id: string) => boolean {
    this.synced();
    return this.hiddenInMode({ kind: 'public-meeting' });
  }

  /** A PA cannot open Member-only material, but its id names its request: only this request's are counted. */
  private lockedMaterialsOf(id: string): number {
    return this.records.sealedIds('material').filter((m) => requestOfMaterialId(m) === id).length;
  }

  /** R-USE-1: whether the mode lets this request's own words show (material it cannot open counts as protected). */
  private shownInMode(r: StoredRequest, materials: StoredMaterial[]): boolean {
    if (this.modes.get().kind === 'normal') return true; // (the tier read below costs a pass over every request)
    return this.modes.showsRequest({
      memberOnly: r.memberOnly || this.records.memberTierIds('request').has(r.id),
      meetingId: r.meetingId,
      materials: this.lockedMaterialsOf(r.id) > 0 ? [...materials, { classification: null }] : materials,
    });
  }

  /** Refuses, changing nothing, to act on a request whose words the meeting mode hides (R-USE-1); what it cannot read, the command refuses. */
  requireShown(id: string): string {
    if (!this.isShown(id))
      throw new AppError(
        'refused',
        `This request is hidden in ${modeInWords(this.modes.get())}, so it cannot be opened or changed now. ${WHO_LEAVES_A_MEETING_MODE}`,
      );
    return id;
  }

  /** R-USE-1: whether the meeting mode lets this request's words show; a request this user cannot read is left to whoever asks. */
  isShown(id: string): boolean {
    if (this.modes.get().kind === 'normal') return true;
    const r = this.records.get('request', id);
    if (!r) return !this.records.isSealed('request', id);
    this.synced();
    return this.shownInMode(r, this.materialsOf(id));
  }

  detail(id: string): RequestDetail {
    const r = this.records.require('request', id);
    this.synced();
    const { outcome: _outcome, ...lifecycle } = requestLifecycleState(r.events);
    const all = this.materialsOf(id);
    const foi = foiAlternative(
      { verdict: r.verdict, checks: [], nextSteps: [], needsMonitoringOfficerAcceptance: false, summary: '' },
      r.nation,
    );
    const lockedMaterials = this.lockedMaterialsOf(id);
    // R-USE-1: what the meeting mode hides is withheld here, in main, titles and subjects included.
    const shown = all.filter((m) => this.modes.shows(m));
    const withheldMaterials = all
      .filter((m) => !shown.includes(m))
      .map((m) => ({ id: m.id, name: withheldName(m), receivedOn: m.receivedOn }));
    const row = this.fullRow(r, this.listedRow(id));
    if (!this.shownInMode(r, all)) return this.withheldDetail(row, r, shown, withheldMaterials, lockedMaterials);
    // A hidden item's title or file name is not shown either where the request's own words repeat it.
    const hiddenNames = all.filter((m) => !shown.includes(m)).flatMap(namesOf);
    const detail = withoutNamesInDetail(
      {
        row,
        withheld: null,
        withheldMaterials,
        draft: { ...r },
        events: r.events,
        timeline: timelineItems(r),
        lifecycle: { ...lifecycle, allowed: allowedCommands(lifecycle.state) },
        // R-DUE-5: how a holding reply moved the target, worked out from the corrected timeline.
        explanation: [...r.explanation, ...(effectiveTargets(r, effectiveTimeline(r.events)).explanation ?? [])],
        assessmentSummary: r.assessmentSummary,
        verdict: r.verdict,
        profileName: r.profile.name,
        materials: shown.map(view),
        lockedMaterials,
        foiOffered: foi.offered && r.route !== 'foi',
      },
      hiddenNames,
    );
    return withoutMoAdviceInDetail(detail, [r.moReferral?.reason, r.monitoringOfficerReason], this.modes.get());
  }

  /**
   * R-USE-1: a request the meeting mode hides, as its page may show it: reference, status and dates;
   * never its subject, question, notes, timeline notes or reasons (each can say what protected material is about).
   */
  private withheldDetail(
    row: RequestRow,
    r: StoredRequest,
    shown: StoredMaterial[],
    withheldMaterials: RequestDetail['withheldMaterials'],
    lockedMaterials: number,
  ): RequestDetail {
    const { outcome: _outcome, ...lifecycle } = requestLifecycleState(r.events);
    const label = this.hiddenLabel();
    return {
      row: { ...row, subject: label, question: '', notes: '', ward: '', meetingLabel: '', meetingId: null },
      withheld: `This request’s subject, question and timeline are hidden in ${modeInWords(this.modes.get())}.`,
      withheldMaterials: [
        ...withheldMaterials,
        ...shown.map((m) => ({ id: m.id, name: 'Material on a hidden request', receivedOn: m.receivedOn })),
      ],
      draft: null,
      events: [],
      timeline: [],
      lifecycle: { ...lifecycle, reason: null, allowed: [] },
      explanation: [],
      assessmentSummary: '',
      verdict: r.verdict,
      profileName: r.profile.name,
      materials: [],
      lockedMaterials,
      foiOffered: false,
    };
  }

  /** R-DUE-3: open requests whose due dates would move under `edits`; nothing is changed. */
  affectedByHolidays(edits: HolidayEdits) {
    const open = this.records.list('request').filter((r) => {
      let l: ReturnType<typeof lifecycleOf>;
      try {
        l = lifecycleOf(r);
      } catch {
        return false; // its dates cannot be worked out (set aside in the list too): it never breaks the preview
      }
      return !l.answeredOn && !l.closedOn && !l.withdrawnOn;
    });
    const byId = new Map(open.map((r) => [r.id, r]));
    this.synced();
    const hidden = this.hiddenInMode();
    return requestsAffectedByCalendarChange(open, edits).map((c) => ({
      ...c,
      reference: byId.get(c.id)!.reference,
      // R-USE-1: a subject the meeting mode hides is not listed here either.
      subject: hidden(c.id) ? this.hiddenLabel() : byId.get(c.id)!.subject,
    }));
  }

  dashboard(): Dashboard {
    const window = this.dueWindow();
    const states = this.synced().statesFor(window.today, this.council.holidayEdits());
    return {
      today: window.today,
      ...worklistCounts(states.values(), window),
      retentionDue: retentionDue(this.materials.list(), window.today).length,
      // R-DIS-2: disclosures left waiting for the Monitoring Officer; a PA cannot read disclosures, so 0.
      disclosuresAwaitingMonitoringOfficer: this.records.canReadMemberTier()
        ? disclosureCounts(this.records.list('disclosure').map((d) => d.gate)).awaitingMonitoringOfficer
        : 0,
    };
  }
}
