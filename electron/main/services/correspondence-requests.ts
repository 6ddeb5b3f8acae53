import { mayExportAttachment } from '../../../shared/domain/attachments';
import { CAPACITIES, ROUTES } from '../../../shared/domain/need-to-know';
import { mustAudit } from '../../../shared/domain/protection';
import { formatUk } from '../../../shared/domain/dates';
import { offeredForNewChoices, type Officer } from '../../../shared/domain/directory';
import type { DraftFacts } from '../../../shared/domain/correspondence';
import { nextEscalation, type StoredRequest } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';
import type { DirectoryService } from './directory-service';
import type { RequestFollowUp } from './request-follow-up';
import type { RequestQueries } from './request-queries';
import type { MaterialStore } from './material-store';
import type { DisclosureService } from './disclosure-service';
import type { MeetingModeService } from './meeting-mode-service';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';
import type { RequestLookup } from './correspondence-ports';

interface CaseworkServices {
  session: SessionService<OpenVault>;
  records: RecordsRepository;
  directory: DirectoryService;
  followUp: RequestFollowUp;
  queries: RequestQueries;
  materials: MaterialStore;
  disclosures: DisclosureService;
  meetingMode: MeetingModeService;
}

/** The correspondence seam over the casework services (the only file that knows them). */
export function caseworkRequestLookup(services: CaseworkServices): RequestLookup {
  const { records, followUp } = services;
  // The repository checks the record's type and tier and says "Member only" or "no such request" in words.
  const stored = (id: string): StoredRequest => records.require('request', id) as StoredRequest;
  return {
    draftFacts: (requestId) => draftFacts(services, stored(requestId)),
    *references() {
      for (const r of records.list('request') as StoredRequest[])
        yield { id: r.id, reference: r.reference, memberOnly: r.memberOnly, fromEmail: r.fromEmail };
    },
    summary(requestId) {
      const r = stored(requestId);
      return { id: r.id, reference: r.reference, memberOnly: r.memberOnly, fromEmail: r.fromEmail, sentOn: r.sentOn };
    },
    // Through the follow-up rules, as the request page's own buttons go.
    logEvent: (id, event) => void followUp.logEvent(id, event),
    markChairNoticeSent: (input) => void followUp.markChairNoticeSent(input),
    escalate: ({ id, on, to }) =>
      void followUp.escalate({ id, on, name: to, officerId: null, informationWithheld: false, note: 'Sent by email.' }),
    ...materialSteps(services),
  };
}

/** The facts a draft is written from, read through the casework services' own checks. */
function draftFacts(
  { session, directory, queries }: CaseworkServices,
  r: StoredRequest,
): Omit<DraftFacts, 'today'> & { memberOnly: boolean } {
  const detail = queries.detail(r.id);
  const officers = directory.officers();
  // The request's own officer is found even if retired; whom to escalate to is a new choice (offeredForNewChoices).
  const officer = officers.find((o) => o.id === r.officerId);
  const meeting = r.meetingId ? directory.meeting(r.meetingId) : undefined;
  return {
    reference: r.reference,
    subject: r.subject,
    question: r.informationSought,
    needToKnow: [r.purpose, r.justification].filter((s) => s?.trim()).join('\n'),
    capacity: r.capacity ? CAPACITIES[r.capacity] + (r.capacityDetail ? ` (${r.capacityDetail})` : '') : null,
    route: r.route ? ROUTES[r.route] : null,
    routeId: r.route,
    meeting: meeting ? `${meeting.committee}, ${formatUk(meeting.date)}` : null,
    agendaItem: r.agendaItem,
    fromEmail: r.fromEmail,
    memberName:
      session
        .requireVault()
        .users()
        .find((u) => u.role === 'member')?.name ?? '',
    officer: officer ? { name: officer.name, email: officer.email } : null,
    copies: r.copies,
    sentOn: r.sentOn,
    acknowledgeBy: r.acknowledgeBy,
    target: detail.row.target,
    status: detail.row.status,
    acknowledged: r.events.some((e) => e.type === 'acknowledged' || e.type === 'holding' || e.type === 'answered'),
    escalatedTo: r.escalatedTo,
    chairNotice: r.chairNotice,
    moReferral: r.moReferral ? { reason: r.moReferral.reason } : null,
    ...escalationAddresses(r, officers),
    memberOnly: r.memberOnly,
  };
}

/**
 * R-DUE-4 (000 §17.8.2; 004 §11.10): whom the escalation and the referral go to, picked by the same
 * ladder and from the same directory as the request page's "Escalate to…" (RequestFollowUp.view):
 * current officers only, never the officer first asked.
 */
function escalationAddresses(r: StoredRequest, officers: Officer[]): Pick<DraftFacts, 'escalationAddress' | 'monitoringOfficer'> {
  const context = { directory: offeredForNewChoices(officers).filter((o) => o.id !== r.officerId), service: r.service };
  const address = (o: Officer | null) => (o ? { name: o.name, email: o.email } : null);
  return {
    escalationAddress: address(nextEscalation(r.escalatedTo, false, context).suggested),
    monitoringOfficer: address(nextEscalation(r.escalatedTo, true, context).suggested),
  };
}

/** Material an email brings or carries out: added as "not yet known", removed on a failed step, gated and audited on export. */
function materialSteps({
  records,
  materials,
  disclosures,
  meetingMode,
}: CaseworkServices): Pick<RequestLookup, 'addUnknownMaterial' | 'removeMaterial' | 'mayExport' | 'auditExport' | 'meetingMode'> {
  return {
    addUnknownMaterial(requestId, m) {
      const material = materials.add(
        {
          requestId,
          title: m.title.slice(0, 200),
          receivedOn: m.receivedOn,
          summary: m.summary,
          classification: { level: 'unsure' },
          personalData: { personal: false, specialCategory: false, retainUntil: null },
          isBriefing: false,
        },
        { id: m.id },
      );
      // Saved through the store: the repository works out the tier from the classification ("not yet known" is Member only).
      materials.save({ ...materials.get(material.id), attachments: [m.attachment] });
      return material.id;
    },
    removeMaterial(materialId) {
      records.remove('material', materialId);
    },
    meetingMode: () => meetingMode.get(),
    mayExport(materialId) {
      const material = materials.get(materialId);
      return mayExportAttachment(material, disclosures.gatesFor(materialId), meetingMode.get());
    },
    auditExport(materialId, detail) {
      const material = materials.get(materialId);
      // R-USE-3: material that was ever protected is audited when a copy leaves, even after it became open.
      if (!mustAudit('exported', material.classification, material.isBriefing) && !materials.everProtected(material)) return;
      materials.audit(material, 'exported', detail);
    },
  };
}
