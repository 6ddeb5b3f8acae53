import { randomUUID } from 'node:crypto';
import type { CouncilProfile } from '../../../shared/domain/profiles';
import { assessNeedToKnow, foiAlternative, monitoringOfficerReferral, needsMonitoringOfficerDecision, CAPACITIES, ROUTES, type Capacity } from '../../../shared/domain/need-to-know';
import { computeDueDates, dueDatesForRequest, profileForRoute, applyHoldingReply, requestsAffectedByCalendarChange } from '../../../shared/domain/deadlines';
import { chairNoticeFor, checkCopies, checkCouncilEmail, nextEscalation, officerSeniorityWarning, requestStatus, type EscalationLevel } from '../../../shared/domain/requests';
import { isDueSoon, worklistCounts, worklistFlags, type DueWindow, type WorklistFacts } from '../../../shared/domain/worklist';
import { classify, effectiveLevel, levelNames, requireRetentionDate, retentionDue, tierFor } from '../../../shared/domain/classification';
import { mustAudit } from '../../../shared/domain/protection';
import { addWorkingDays, type HolidayEdits, type Nation } from '../../../shared/domain/calendar';
import { compareIso, formatUk } from '../../../shared/domain/dates';
import type { z } from 'zod';
import type { Dashboard, RequestDetail, RequestRow } from '../../../shared/ipc/views';
import type { Material, materialInputSchema } from '../../../shared/domain/material';
import type { Meeting, Officer, meetingInputSchema, officerInputSchema } from '../../../shared/domain/directory';
import type { RequestDraft, RequestEvent } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/ipc/errors';
import type { EventHub } from './events';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';
import type { CouncilSettingsService } from './council-settings-service';
import { RequestIndex, lifecycleOf } from './request-index';

export interface StoredRequest extends Omit<RequestDraft, 'blindCopies'> {
  id: string;
  reference: string;
  officerName: string;
  service: string;
  events: RequestEvent[];
  acknowledgeBy: string | null;
  respondBy: string;
  explanation: string[];
  profile: CouncilProfile;
  nation: Nation;
  verdict: 'sufficient' | 'weak' | 'refused';
  assessmentSummary: string;
  chairNotice: { text: string; sentOn: string | null } | null;
  moReferral: { reason: string; decision: { accepted: boolean; decidedBy: string; on: string } | null } | null;
  escalatedTo: EscalationLevel | null;
}

type StoredMaterial = Material;

const REQUEST = 'request';
const MATERIAL = 'material';
const OFFICER = 'officer';
const MEETING = 'meeting';

/** Requests, officers, meetings and what came back: use cases over the vault, rules from shared/domain. */
export class CaseworkService {
  constructor(
    private readonly session: SessionService<OpenVault>,
    private readonly council: CouncilSettingsService,
    private readonly events: EventHub,
    private readonly today: () => string,
  ) {
    events.subscribe((channel, payload) => {
      // Locking forgets the index with the keys; the next unlock starts from the saved one.
      if (channel === 'session:changed' && (payload as { state: string }).state !== 'unlocked') this.index.clear();
      // A change to material can change its request's row (its classification), so windows refresh that row.
      if (channel === 'records:changed' && (payload as { kind: string }).kind === MATERIAL) this.materialChanged((payload as { id: string }).id);
    });
  }

  private readonly index = new RequestIndex();

  private materialChanged(id: string) {
    let requestId: string | undefined;
    try {
      requestId = this.vault.get<StoredMaterial>(id)?.data.requestId;
    } catch {
      return; // locked meanwhile: the next unlock reloads everything
    }
    if (requestId) this.changed(REQUEST, requestId);
  }

  /** Brings the request index up to date with the vault (cheap when nothing changed). */
  private synced(): RequestIndex {
    this.index.sync(this.vault);
    return this.index;
  }

  /** Today and the end of "the next three working days" in the council's calendar. */
  private dueWindow(): DueWindow {
    const today = this.today();
    const { nation } = this.council.get();
    return { today, until: addWorkingDays(today, 3, { kind: 'nation', nation }, this.council.holidayEdits()).dueDate };
  }

  private get vault() {
    return this.session.requireVault().records;
  }

  private changed(kind: string, id: string) {
    this.events.emit('records:changed', { kind, id });
  }

  // Officers and meetings ---------------------------------------------------------------------

  officers(): Officer[] {
    return this.vault.list<Officer>(OFFICER).map((r) => r.data).sort((a, b) => a.name.localeCompare(b.name));
  }

  saveOfficer(input: z.infer<typeof officerInputSchema>): Officer {
    const officer: Officer = { ...input, id: input.id ?? randomUUID() };
    this.vault.put({ id: officer.id, tier: 'shared', type: OFFICER, data: officer });
    this.changed(OFFICER, officer.id);
    return officer;
  }

  meetings(): Meeting[] {
    return this.vault.list<Meeting>(MEETING).map((r) => r.data).sort((a, b) => compareIso(a.date, b.date));
  }

  saveMeeting(input: z.infer<typeof meetingInputSchema>): Meeting {
    const meeting: Meeting = { ...input, id: input.id ?? randomUUID() };
    this.vault.put({ id: meeting.id, tier: 'shared', type: MEETING, data: meeting });
    this.changed(MEETING, meeting.id);
    return meeting;
  }

  // Requests ----------------------------------------------------------------------------------

  /** Checks a draft against every asking rule; returns the officer and what the rules said. Throws 'refused' with reasons. */
  private vet(draft: RequestDraft, profile: CouncilProfile) {
    const officer = this.vault.get<Officer>(draft.officerId)?.data;
    if (!officer) throw new AppError('invalid-input', 'Choose an officer from the directory.');
    const problems: string[] = [];
    // R-ASK-9 and R-ASK-10: council address only, no blind copies.
    const email = checkCouncilEmail(draft.fromEmail, this.council.get().emailDomain ? [this.council.get().emailDomain] : []);
    if (!email.ok) problems.push(email.reason);
    const copies = checkCopies({ cc: draft.copies, bcc: draft.blindCopies });
    if (!copies.ok) problems.push(copies.reason);
    if (draft.route === 'statutory-inspection' && draft.meetingId && !this.vault.get(draft.meetingId)) problems.push('Choose the meeting from the list.');
    const assessment = assessNeedToKnow({ ...draft, meeting: draft.meetingId ? { meetingId: draft.meetingId, agendaItem: draft.agendaItem ?? '' } : null }, profile);
    // R-ASK-4: a refused or weak case may only go forward as a request for the Monitoring Officer's decision.
    let moReferral: StoredRequest['moReferral'] = null;
    if (needsMonitoringOfficerDecision(draft.route, assessment)) {
      if (draft.monitoringOfficerReason?.trim()) {
        try {
          moReferral = { reason: monitoringOfficerReferral(assessment, draft.monitoringOfficerReason).reason, decision: null };
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      } else {
        problems.push(assessment.summary);
      }
    }
    if (problems.length) throw new AppError('refused', problems.join(' '));
    return { officer, assessment, moReferral };
  }

  createRequest(draft: RequestDraft): RequestDetail {
    const council = this.council.get();
    const calendar = { profile: this.council.profile(), nation: council.nation, holidayEdits: this.council.holidayEdits() };
    const profile = profileForRoute(draft.route, calendar.profile, calendar.nation);
    const { officer, assessment, moReferral } = this.vet(draft, profile);
    const id = randomUUID();
    // R-DUE-1/R-DUE-3: due dates fixed now, with the profile and calendar in force recorded on the request.
    const due = dueDatesForRequest(draft, calendar);
    const count = this.synced().size + this.vault.sealedIds(REQUEST).length;
    const notice = chairNoticeFor({ id, subject: draft.subject, meetingId: draft.meetingId, agendaItem: draft.agendaItem, mayBeRaisedAtMeeting: draft.mayBeRaisedAtMeeting }, profile);
    const { blindCopies: _none, ...kept } = draft;
    const stored: StoredRequest = {
      ...kept,
      id,
      reference: `NTK-${draft.sentOn.slice(0, 4)}-${String(count + 1).padStart(5, '0')}`,
      officerName: officer.name,
      service: officer.service,
      events: [],
      acknowledgeBy: due.acknowledgeBy,
      respondBy: due.respondBy,
      explanation: due.explanation,
      profile,
      nation: council.nation,
      verdict: assessment.verdict,
      assessmentSummary: assessment.summary,
      chairNotice: notice ? { text: notice.text, sentOn: null } : null,
      moReferral,
      escalatedTo: null,
    };
    this.vault.put({ id, tier: draft.memberOnly ? 'member' : 'shared', type: REQUEST, data: stored });
    this.changed(REQUEST, id);
    return this.detail(id);
  }

  /** Advice for the form: the seniority warning for an officer (R-ASK-6). */
  officerWarning(officerId: string): string | null {
    const officer = this.vault.get<Officer>(officerId)?.data;
    if (!officer) return null;
    return officerSeniorityWarning(officer, this.officers(), this.council.profile())?.warning ?? null;
  }

  logEvent(id: string, event: RequestEvent): RequestDetail {
    const record = this.vault.get<StoredRequest>(id);
    if (!record) throw new AppError('not-found', 'There is no such request (or it is Member-only).');
    const request = record.data;
    if (compareIso(event.on, request.sentOn) < 0) throw new AppError('invalid-input', 'That date is before the request was sent.');
    if (event.type === 'holding') {
      // R-DUE-5: the promised date becomes the target.
      applyHoldingReply({ respondBy: request.respondBy }, { receivedOn: event.on, whatIsHappening: event.note, promisedBy: event.promisedBy });
    }
    if (event.type === 'escalated') request.escalatedTo = nextEscalation(request.escalatedTo, event.informationWithheld).level;
    if (event.type === 'mo-decision') {
      if (!request.moReferral) throw new AppError('invalid-input', 'This request was not referred to the Monitoring Officer.');
      request.moReferral.decision = { accepted: event.accepted, decidedBy: event.decidedBy, on: event.on };
    }
    request.events.push(event);
    this.vault.put({ ...record, data: request });
    this.changed(REQUEST, id);
    return this.detail(id);
  }

  markChairNoticeSent(id: string, on: string): RequestDetail {
    const record = this.vault.get<StoredRequest>(id);
    if (!record?.data.chairNotice) throw new AppError('not-found', 'This request has no chair notice.');
    record.data.chairNotice.sentOn = on;
    this.vault.put(record);
    this.changed(REQUEST, id);
    return this.detail(id);
  }

  private row(r: StoredRequest, meetings: Map<string, Meeting>, materials: StoredMaterial[], window: DueWindow, known?: WorklistFacts): RequestRow {
    const status = known ?? requestStatus(lifecycleOf(r), window.today, r.profile, r.nation, this.council.holidayEdits());
    const meeting = r.meetingId ? meetings.get(r.meetingId) : undefined;
    const levels = materials.map((m) => effectiveLevel(m.classification));
    const classification = (['pink-paper', 'exempt', 'confidential', 'open'] as const).find((l) => levels.includes(l));
    return {
      id: r.id,
      reference: r.reference,
      locked: false,
      subject: r.subject,
      question: r.informationSought,
      notes: r.events.map((e) => e.note).join(' '),
      officerName: r.officerName,
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
      dueSoon: isDueSoon({ locked: false, ...status, acknowledgeBy: r.acknowledgeBy, awaitingMonitoringOfficer: false, chairNoticePending: false }, window),
    };
  }

  /** The material recorded against a request; the index must have been synced by the caller. */
  private materialsOf(requestId: string): StoredMaterial[] {
    return this.index
      .materialIdsFor(requestId)
      .flatMap((id) => this.vault.get<StoredMaterial>(id)?.data ?? []);
  }

  /**
   * One page of the requests the signed-in user may see, in due-date order; Member-only ones appear
   * to a PA as locked placeholders at the end (R-USE-2). Only the page's records are decrypted.
   */
  requestsPage(offset: number, limit: number): { total: number; rows: RequestRow[] } {
    const index = this.synced();
    const ids = index.orderedIds();
    const sealed = this.vault.sealedIds(REQUEST);
    const window = this.dueWindow();
    const states = index.statesFor(window.today, this.council.holidayEdits());
    const meetings = new Map(this.meetings().map((m) => [m.id, m]));
    const total = ids.length + sealed.length;
    const rows: RequestRow[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) {
      if (i >= ids.length) {
        rows.push(lockedRow(sealed[i - ids.length]!.id));
        continue;
      }
      const record = this.vault.get<StoredRequest>(ids[i]!);
      if (record) rows.push(this.row(record.data, meetings, this.materialsOf(record.id), window, states.get(record.id)));
    }
    return { total, rows };
  }

  detail(id: string): RequestDetail {
    const record = this.vault.get<StoredRequest>(id);
    if (!record) {
      if (this.vault.sealedIds(REQUEST).some((s) => s.id === id)) throw new AppError('forbidden', 'This request is Member only.');
      throw new AppError('not-found', 'There is no such request.');
    }
    const r = record.data;
    this.synced();
    const all = this.materialsOf(id);
    const meetings = new Map(this.meetings().map((m) => [m.id, m]));
    const lockedMaterials = this.vault.sealedIds(MATERIAL).length ? this.countLockedMaterials(id) : 0;
    const foi = foiAlternative({ verdict: r.verdict, checks: [], nextSteps: [], needsMonitoringOfficerAcceptance: false, summary: '' }, r.nation);
    return {
      row: this.row(r, meetings, all, this.dueWindow()),
      draft: { ...r },
      events: r.events,
      explanation: r.explanation,
      assessmentSummary: r.assessmentSummary,
      verdict: r.verdict,
      profileName: r.profile.name,
      materials: all,
      lockedMaterials,
      foiOffered: foi.offered && r.route !== 'foi',
    };
  }

  private countLockedMaterials(_requestId: string): number {
    // A PA cannot read which request a Member-only material belongs to; it shows the count of all of them.
    return this.vault.sealedIds(MATERIAL).length;
  }

  // Material received -------------------------------------------------------------------------

  addMaterial(input: z.infer<typeof materialInputSchema>): Material {
    const request = this.vault.get<StoredRequest>(input.requestId)?.data;
    if (!request) throw new AppError('not-found', 'There is no such request.');
    const classification = classify(input.classification);
    const personalData = requireRetentionDate(input.personalData);
    const material: StoredMaterial = {
      id: randomUUID(),
      requestId: input.requestId,
      title: input.title,
      receivedOn: input.receivedOn,
      summary: input.summary,
      classification,
      personalData,
      isBriefing: input.isBriefing,
      // R-CLS-4: bound to the capacity and purpose it was asked for.
      givenForCapacity: (request.capacity ?? 'general') as Capacity,
      givenForPurpose: request.purpose,
      meetingId: classification.level === 'pink-paper' ? request.meetingId : null,
      thirdParty: input.thirdPartyName?.trim() ? { name: input.thirdPartyName.trim(), consent: 'not-asked' } : null,
      attachments: [],
      erasedOn: null,
    };
    const tier = tierFor(material);
    if (tier === 'member' && this.session.requireVault().user.role !== 'member') {
      throw new AppError('forbidden', 'Protected material goes in the Member-only part of the vault; only the Member can record it.');
    }
    this.vault.put({ id: material.id, tier, type: MATERIAL, data: material });
    this.audit(material, 'classified', { level: classification.level });
    this.changed(MATERIAL, material.id);
    return material;
  }

  /** Opening protected material is recorded in the audit trail (R-USE-3). */
  viewMaterial(id: string): Material {
    const material = this.material(id);
    if (mustAudit('viewed', material.classification)) this.audit(material, 'viewed', {});
    return material;
  }

  material(id: string): Material {
    const record = this.vault.get<StoredMaterial>(id);
    if (!record) {
      if (this.vault.sealedIds(MATERIAL).some((s) => s.id === id)) throw new AppError('forbidden', 'This material is Member only.');
      throw new AppError('not-found', 'There is no such material.');
    }
    return record.data;
  }

  private audit(material: StoredMaterial, action: string, detail: Record<string, unknown>) {
    const vault = this.session.requireVault();
    vault.records.appendAudit({ recordId: material.id, action, tier: tierFor(material), detail: { ...detail, by: vault.user.name, at: new Date().toISOString() } });
  }

  /** R-DUE-3: open requests whose due dates would move under `edits`; nothing is changed. */
  affectedByHolidays(edits: HolidayEdits) {
    const open = this.vault
      .list<StoredRequest>(REQUEST)
      .map((r) => r.data)
      .filter((r) => !r.events.some((e) => e.type === 'answered'));
    const byId = new Map(open.map((r) => [r.id, r]));
    return requestsAffectedByCalendarChange(open, edits).map((c) => ({ ...c, reference: byId.get(c.id)!.reference, subject: byId.get(c.id)!.subject }));
  }

  /** R-DUE-3: recomputes only the requests the user accepted, noting it in each explanation. */
  recomputeDueDates(ids: string[], edits: HolidayEdits): number {
    let count = 0;
    for (const id of ids) {
      const record = this.vault.get<StoredRequest>(id);
      if (!record) continue;
      const r = record.data;
      const due = computeDueDates(r.sentOn, r.profile, r.nation, edits);
      if (due.respondBy === r.respondBy && due.acknowledgeBy === r.acknowledgeBy) continue;
      const note = `Recomputed on ${this.today()} after the holiday list changed (was: answer by ${r.respondBy}).`;
      this.vault.put({ ...record, data: { ...r, acknowledgeBy: due.acknowledgeBy, respondBy: due.respondBy, explanation: [...due.explanation, note] } });
      this.changed(REQUEST, id);
      count++;
    }
    return count;
  }

  dashboard(): Dashboard {
    const window = this.dueWindow();
    const states = this.synced().statesFor(window.today, this.council.holidayEdits());
    return {
      today: window.today,
      ...worklistCounts(states.values(), window),
      retentionDue: retentionDue(this.vault.list<StoredMaterial>(MATERIAL).map((m) => m.data), window.today).length,
    };
  }
}

function lockedRow(id: string): RequestRow {
  return {
    id,
    reference: 'Member only',
    locked: true,
    subject: 'Member only',
    question: '',
    notes: '',
    officerName: '',
    service: '',
    ward: '',
    meetingId: null,
    meetingLabel: '',
    capacity: '',
    route: '',
    classification: 'Member only',
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
