import { randomUUID } from 'node:crypto';
import { type CouncilProfile, builtInProfile } from '../../../shared/domain/profiles';
import { assessNeedToKnow, foiAlternative, monitoringOfficerReferral, CAPACITIES, ROUTES, type Capacity } from '../../../shared/domain/need-to-know';
import { computeDueDates, applyHoldingReply, requestsAffectedByCalendarChange } from '../../../shared/domain/deadlines';
import { chairNoticeFor, checkCopies, checkCouncilEmail, nextEscalation, officerSeniorityWarning, requestStatus, type EscalationLevel } from '../../../shared/domain/requests';
import { classify, effectiveLevel, levelNames, requireRetentionDate, retentionDue, tierFor } from '../../../shared/domain/classification';
import { mustAudit } from '../../../shared/domain/protection';
import { addWorkingDays, type HolidayEdits, type Nation } from '../../../shared/domain/calendar';
import { compareIso, toIsoDate } from '../../../shared/domain/dates';
import type { z } from 'zod';
import type { Dashboard, MaterialView, MeetingView, OfficerView, RequestDetail, RequestDraft, RequestEvent, RequestRow, materialInputSchema, meetingInputSchema, officerInputSchema } from '../../../shared/ipc/casework';
import { AppError } from '../../../shared/ipc/errors';
import type { EventHub } from './events';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';
import type { CouncilSettingsService } from './council-settings-service';

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

type StoredMaterial = MaterialView;

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
    private readonly today: () => string = () => toIsoDate(new Date()),
  ) {}

  private get vault() {
    return this.session.requireVault().records;
  }

  private changed(kind: string, id: string) {
    this.events.emit('records:changed', { kind, id });
  }

  // Officers and meetings ---------------------------------------------------------------------

  officers(): OfficerView[] {
    return this.vault.list<OfficerView>(OFFICER).map((r) => r.data).sort((a, b) => a.name.localeCompare(b.name));
  }

  saveOfficer(input: z.infer<typeof officerInputSchema>): OfficerView {
    const officer: OfficerView = { ...input, id: input.id ?? randomUUID() };
    this.vault.put({ id: officer.id, tier: 'shared', type: OFFICER, data: officer });
    this.changed(OFFICER, officer.id);
    return officer;
  }

  meetings(): MeetingView[] {
    return this.vault.list<MeetingView>(MEETING).map((r) => r.data).sort((a, b) => compareIso(a.date, b.date));
  }

  saveMeeting(input: z.infer<typeof meetingInputSchema>): MeetingView {
    const meeting: MeetingView = { ...input, id: input.id ?? randomUUID() };
    this.vault.put({ id: meeting.id, tier: 'shared', type: MEETING, data: meeting });
    this.changed(MEETING, meeting.id);
    return meeting;
  }

  // Requests ----------------------------------------------------------------------------------

  /** Checks a draft against every asking rule; returns the officer and what the rules said. Throws 'refused' with reasons. */
  private vet(draft: RequestDraft, profile: CouncilProfile) {
    const officer = this.vault.get<OfficerView>(draft.officerId)?.data;
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
    if (assessment.verdict !== 'sufficient' || assessment.needsMonitoringOfficerAcceptance) {
      if (draft.route === 'foi') {
        // FOI is anyone's right: no need to know is tested (R-ASK-5).
      } else if (draft.monitoringOfficerReason?.trim()) {
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
    const profile = draft.route === 'foi' ? builtInProfile(council.nation === 'scotland' ? 'foi-scotland' : 'foi') : this.council.profile();
    const { officer, assessment, moReferral } = this.vet(draft, profile);
    const id = randomUUID();
    // R-DUE-1/R-DUE-3: due dates fixed now, with the profile and calendar in force recorded on the request.
    const due = computeDueDates(draft.sentOn, profile, council.nation, this.council.holidayEdits());
    const count = this.vault.list(REQUEST).length + this.vault.sealedIds(REQUEST).length;
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
    const officer = this.vault.get<OfficerView>(officerId)?.data;
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

  private facts(r: StoredRequest) {
    const on = (type: RequestEvent['type']) => r.events.find((e) => e.type === type)?.on ?? null;
    const holding = [...r.events].reverse().find((e): e is Extract<RequestEvent, { type: 'holding' }> => e.type === 'holding');
    return {
      sentOn: r.sentOn,
      acknowledgeBy: r.acknowledgeBy,
      respondBy: r.respondBy,
      acknowledgedOn: on('acknowledged'),
      holdingReply: holding ? { receivedOn: holding.on, promisedBy: holding.promisedBy } : null,
      answeredOn: on('answered'),
      escalatedTo: r.escalatedTo,
    };
  }

  private row(r: StoredRequest, meetings: Map<string, MeetingView>, materials: StoredMaterial[]): RequestRow {
    const status = requestStatus(this.facts(r), this.today(), r.profile, r.nation);
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
      meetingLabel: meeting ? `${meeting.committee}, ${meeting.date}` : '',
      capacity: r.capacity ? CAPACITIES[r.capacity] : '',
      route: r.route ? ROUTES[r.route] : '',
      classification: classification ? levelNames[classification] : 'Nothing received yet',
      status: status.status,
      sentOn: r.sentOn,
      acknowledgeBy: r.acknowledgeBy,
      target: status.target,
      workingDaysLate: status.workingDaysLate,
      awaitingMonitoringOfficer: !!r.moReferral && !r.moReferral.decision,
      chairNoticePending: !!r.chairNotice && !r.chairNotice.sentOn,
    };
  }

  /** Every request the signed-in user may see; Member-only ones appear to a PA as locked placeholders (R-USE-2). */
  rows(): RequestRow[] {
    const meetings = new Map(this.meetings().map((m) => [m.id, m]));
    const materialsByRequest = new Map<string, StoredMaterial[]>();
    for (const m of this.vault.list<StoredMaterial>(MATERIAL)) {
      const list = materialsByRequest.get(m.data.requestId) ?? [];
      list.push(m.data);
      materialsByRequest.set(m.data.requestId, list);
    }
    const rows = this.vault.list<StoredRequest>(REQUEST).map((r) => this.row(r.data, meetings, materialsByRequest.get(r.id) ?? []));
    for (const sealed of this.vault.sealedIds(REQUEST)) rows.push(lockedRow(sealed.id));
    return rows;
  }

  detail(id: string): RequestDetail {
    const record = this.vault.get<StoredRequest>(id);
    if (!record) {
      if (this.vault.sealedIds(REQUEST).some((s) => s.id === id)) throw new AppError('forbidden', 'This request is Member only.');
      throw new AppError('not-found', 'There is no such request.');
    }
    const r = record.data;
    const all = this.vault.list<StoredMaterial>(MATERIAL).filter((m) => m.data.requestId === id).map((m) => m.data);
    const meetings = new Map(this.meetings().map((m) => [m.id, m]));
    const lockedMaterials = this.vault.sealedIds(MATERIAL).length ? this.countLockedMaterials(id) : 0;
    const foi = foiAlternative({ verdict: r.verdict, checks: [], nextSteps: [], needsMonitoringOfficerAcceptance: false, summary: '' }, r.nation);
    return {
      row: this.row(r, meetings, all),
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

  addMaterial(input: z.infer<typeof materialInputSchema>): MaterialView {
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
  viewMaterial(id: string): MaterialView {
    const material = this.material(id);
    if (mustAudit('viewed', material.classification)) this.audit(material, 'viewed', {});
    return material;
  }

  material(id: string): MaterialView {
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
    const today = this.today();
    const rows = this.rows().filter((r) => !r.locked);
    const council = this.council.get();
    const soon = addWorkingDays(today, 3, { kind: 'nation', nation: council.nation }, this.council.holidayEdits()).dueDate;
    const open = rows.filter((r) => r.status !== 'answered' && r.status !== 'closed');
    return {
      today,
      overdue: open.filter((r) => r.status === 'overdue' || r.status === 'very-overdue' || r.workingDaysLate > 0).length,
      dueSoon: open.filter((r) => r.workingDaysLate === 0 && compareIso(r.target, today) >= 0 && compareIso(r.target, soon) <= 0).length,
      awaitingMonitoringOfficer: rows.filter((r) => r.awaitingMonitoringOfficer).length,
      chairNoticesPending: rows.filter((r) => r.chairNoticePending).length,
      retentionDue: retentionDue(this.vault.list<StoredMaterial>(MATERIAL).map((m) => m.data), today).length,
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
  };
}
