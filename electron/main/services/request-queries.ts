import { addWorkingDays, type HolidayEdits } from '../../../shared/domain/calendar';
import { effectiveLevel, levelNames, retentionDue } from '../../../shared/domain/classification';
import { formatUk } from '../../../shared/domain/dates';
import { effectiveTargets, requestsAffectedByCalendarChange } from '../../../shared/domain/deadlines';
import { CAPACITIES, ROUTES, foiAlternative } from '../../../shared/domain/need-to-know';
import { requestStatus } from '../../../shared/domain/requests';
import {
  disclosureCounts,
  isDueSoon,
  worklistCounts,
  worklistFlags,
  type DueWindow,
  type WorklistFacts,
} from '../../../shared/domain/worklist';
import {
  listRowOf,
  type Dashboard,
  type RequestDetail,
  type RequestListRow,
  type RequestRow,
  type TimelineItem,
} from '../../../shared/ipc/views';
import { effectiveTimeline, timelineKindNames } from '../../../shared/domain/timeline';
import { allowedCommands, requestLifecycleState } from '../../../shared/domain/request-lifecycle';
import type { Meeting as MeetingView } from '../../../shared/domain/directory';
import type { CouncilSettingsService } from './council-settings-service';
import type { EventHub } from './events';
import { view, type MaterialStore } from './material-store';
import { requestOfMaterialId } from '../../../shared/domain/material';
import type { StoredMaterial } from '../../../shared/domain/material';
import type { StoredRequest } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';
import { RequestIndex, lifecycleOf } from './request-index';

interface Directory {
  meetings: Map<string, MeetingView>;
  officers: Map<string, string>;
}

/** What the screens read about requests: the list, one request's details, the Today counts. */
export class RequestQueries {
  private readonly index = new RequestIndex();

  constructor(
    private readonly records: RecordsRepository,
    private readonly council: CouncilSettingsService,
    private readonly materials: MaterialStore,
    private readonly events: EventHub,
    private readonly today: () => string,
  ) {
    events.subscribe((channel, payload) => {
      // Locking forgets the index with the keys; the next unlock starts from the saved one.
      if (channel === 'session:changed' && (payload as { state: string }).state !== 'unlocked') this.index.clear();
      // A change to material can change its request's row (its classification), so windows refresh that row.
      if (channel === 'records:changed' && (payload as { kind: string }).kind === 'material')
        this.materialChanged((payload as { id: string }).id);
      // A corrected officer's name shows on every request sent to them, so those rows refresh too.
      if (channel === 'records:changed' && (payload as { kind: string }).kind === 'officer')
        this.officerChanged((payload as { id: string }).id);
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
    for (const id of this.index.unreadable) this.records.noteUnreadable('request', id);
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

  private row(r: StoredRequest, directory: Directory, materials: StoredMaterial[], window: DueWindow, known?: WorklistFacts): RequestRow {
    const status = known ?? requestStatus(lifecycleOf(r), window.today, r.profile, r.nation, this.council.holidayEdits());
    const meeting = r.meetingId ? directory.meetings.get(r.meetingId) : undefined;
    const levels = materials.map((m) => effectiveLevel(m.classification));
    const classification = (['pink-paper', 'exempt', 'confidential', 'open'] as const).find((l) => levels.includes(l));
    return {
      id: r.id,
      reference: r.reference,
      locked: false,
      subject: r.subject,
      question: r.informationSought,
      notes: r.events.flatMap((e) => (e.note ? [e.note] : [])).join(' '),
      // The directory's name, so a corrected spelling shows everywhere; the name it was sent under if the officer is gone.
      officerName: directory.officers.get(r.officerId) ?? r.officerName,
      service: r.service,
      ward: r.ward,
      meetingId: r.meetingId,
      meetingLabel: meeting ? `${meeting.committee}, ${formatUk(meeting.date)}` : '',
      capacity: r.capacity ? CAPACITIES[r.capacity] : '',
      route: r.route ? ROUTES[r.route] : '',
      classification: classification ? levelNames[classification] : 'Nothing received yet',
      status: status.status,
      sentOn: r.sentOn,
      acknowledgeBy: r.acknowledgeBy,
      target: status.target,
      workingDaysLate: status.workingDaysLate,
      ...worklistFlags(r),
      dueSoon: isDueSoon(
        { locked: false, ...status, acknowledgeBy: r.acknowledgeBy, awaitingMonitoringOfficer: false, chairNoticePending: false },
        window,
      ),
    };
  }

  /** The material recorded against a request that this user can read; the index must have been synced. */
  private materialsOf(requestId: string): StoredMaterial[] {
    return this.index.materialIdsFor(requestId).flatMap((id) => {
      try {
        return this.records.get('material', id) ?? [];
      } catch {
        return []; // a damaged material is set aside (and logged), never breaks its request
      }
    });
  }

  /**
   * One page of the requests the signed-in user may see, in due-date order; Member-only ones appear
   * to a PA as locked placeholders at the end (R-USE-2). Only the page's records are decrypted. A
   * request that cannot be read shows as a placeholder saying so; it never breaks the list.
   */
  /** One page of the requests list, as the list holds its rows. */
  listPage(offset: number, limit: number): { total: number; rows: RequestListRow[] } {
    const { total, rows } = this.page(offset, limit);
    return { total, rows: rows.map(listRowOf) };
  }

  page(offset: number, limit: number): { total: number; rows: RequestRow[] } {
    const index = this.synced();
    const ids = index.orderedIds();
    const sealed = this.records.sealedIds('request');
    const window = this.dueWindow();
    const states = index.statesFor(window.today, this.council.holidayEdits());
    const directory = this.directoryById();
    const total = ids.length + sealed.length;
    const rows: RequestRow[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      if (i >= ids.length) {
        rows.push(placeholderRow(sealed[i - ids.length]!, 'Member only'));
        continue;
      }
      const id = ids[i]!;
      let r: StoredRequest | undefined;
      try {
        r = this.records.get('request', id);
      } catch {
        rows.push(placeholderRow(id, 'Could not be read'));
        continue;
      }
      if (r) rows.push(this.row(r, directory, this.materialsOf(id), window, states.get(id)));
    }
    return { total, rows };
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
    return {
      row: this.row(r, this.directoryById(), all, this.dueWindow()),
      draft: { ...r },
      events: r.events,
      timeline: timelineItems(r),
      lifecycle: { ...lifecycle, allowed: allowedCommands(lifecycle.state) },
      // R-DUE-5: how a holding reply moved the target, worked out from the corrected timeline.
      explanation: [...r.explanation, ...(effectiveTargets(r, effectiveTimeline(r.events)).explanation ?? [])],
      assessmentSummary: r.assessmentSummary,
      verdict: r.verdict,
      profileName: r.profile.name,
      materials: all.map(view),
      // A PA cannot open Member-only material, but its id names its request: only this request's are counted.
      lockedMaterials: this.records.sealedIds('material').filter((m) => requestOfMaterialId(m) === id).length,
      foiOffered: foi.offered && r.route !== 'foi',
    };
  }

  /** R-DUE-3: open requests whose due dates would move under `edits`; nothing is changed. */
  affectedByHolidays(edits: HolidayEdits) {
    const open = this.records.list('request').filter((r) => {
      const l = lifecycleOf(r);
      return !l.answeredOn && !l.closedOn && !l.withdrawnOn;
    });
    const byId = new Map(open.map((r) => [r.id, r]));
    return requestsAffectedByCalendarChange(open, edits).map((c) => ({
      ...c,
      reference: byId.get(c.id)!.reference,
      subject: byId.get(c.id)!.subject,
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

/** R-DUE-5 (000 §17.8.2): the timeline as the request page shows it: date order, corrections applied, the original kept beside each. */
function timelineItems(r: StoredRequest): TimelineItem[] {
  return effectiveTimeline(r.events).map((e) => {
    const x = e as typeof e & {
      promisedBy?: string;
      to?: string;
      decidedBy?: string;
      accepted?: boolean;
      changes?: Array<{ label: string; fromText?: string; toText?: string }>;
    };
    const details: string[] = [];
    if (x.to) details.push(`Sent to ${x.to}`);
    if (x.decidedBy) details.push(`${x.accepted ? 'Accepted' : 'Refused'} by ${x.decidedBy}`);
    if (x.type === 'edited') for (const c of x.changes ?? []) details.push(`${c.label}: was “${c.fromText}”, now “${c.toText}”`);
    return {
      id: e.id,
      type: e.type,
      label: (timelineKindNames as Record<string, string>)[e.type] ?? e.type,
      on: e.on,
      note: e.note ?? '',
      promisedBy: x.promisedBy ?? null,
      details,
      correctable: e.type !== 'edited',
      corrections: e.corrections.map((c) => ({
        on: c.on,
        reason: c.reason,
        changes: c.changes.map((ch) => ({ label: ch.label, from: ch.from, to: ch.to })),
      })),
    };
  });
}

function placeholderRow(id: string, label: string): RequestRow {
  return {
    id,
    reference: label,
    locked: true,
    subject: label,
    question: '',
    notes: '',
    officerName: '',
    service: '',
    ward: '',
    meetingId: null,
    meetingLabel: '',
    capacity: '',
    route: '',
    classification: label,
    status: 'awaiting-acknowledgement',
    sentOn: '',
    acknowledgeBy: null,
    target: '',
    workingDaysLate: 0,
    awaitingMonitoringOfficer: false,
    chairNoticePending: false,
    dueSoon: false,
  };
}
