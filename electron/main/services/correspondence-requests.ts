import { mayExportAttachment } from '../../../shared/domain/attachments';
import { CAPACITIES, ROUTES } from '../../../shared/domain/need-to-know';
import { mustAudit } from '../../../shared/domain/protection';
import { formatUk } from '../../../shared/domain/dates';
import { offeredForNewChoices } from '../../../shared/domain/directory';
import type { StoredRequest } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';
import type { DirectoryService } from './directory-service';
import type { RequestFollowUp } from './request-follow-up';
import type { RequestQueries } from './request-queries';
import type { MaterialStore } from './material-store';
import type { DisclosureService } from './disclosure-service';
import type { MeetingModeService } from './meeting-mode-service';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';
import type { RequestLookup } from './correspondence-service';

const isMo = (role: string) => /monitoring officer/i.test(role);

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
export function caseworkRequestLookup({
  session,
  records,
  directory,
  followUp,
  queries,
  materials,
  disclosures,
  meetingMode,
}: CaseworkServices): RequestLookup {
  // The repository checks the record's type and tier and says "Member only" or "no such request" in words.
  const stored = (id: string): StoredRequest => records.require('request', id) as StoredRequest;
  return {
    draftFacts(requestId) {
      const detail = queries.detail(requestId);
      const r = stored(requestId);
      const officers = directory.officers();
      // The request's own officer is found even if retired; whom to escalate to is a new choice (shared/domain/directory.ts).
      const officer = officers.find((o) => o.id === r.officerId);
      const current = offeredForNewChoices(officers);
      const meeting = r.meetingId ? directory.meeting(r.meetingId) : undefined;
      // R-DUE-4: the next level up is a senior officer in the same service, then the chief officer.
      const senior = current.find(
        (o) => o.service === officer?.service && (o.seniority === 'head-of-service' || o.seniority === 'director') && o.id !== officer?.id,
      );
      const chief = current.find((o) => o.seniority === 'chief-officer' && !isMo(o.role));
      const mo = current.find((o) => isMo(o.role));
      const level = r.escalatedTo;
      const escalationTo = level === null || level === 'officer' ? senior : level === 'head-of-service' ? chief : mo;
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
        escalationAddress: escalationTo ? { name: escalationTo.name, email: escalationTo.email } : null,
        monitoringOfficer: mo ? { name: mo.name, email: mo.email } : null,
        memberOnly: r.memberOnly,
      };
    },
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
    addUnknownMaterial(requestId, m) {
      const material = materials.add({
        requestId,
        title: m.title.slice(0, 200),
        receivedOn: m.receivedOn,
        summary: m.summary,
        classification: { level: 'unsure' },
        personalData: { personal: false, specialCategory: false, retainUntil: null },
        isBriefing: false,
      });
      // Saved through the store: the repository works out the tier from the classification ("not yet known" is Member only).
      materials.save({ ...materials.get(material.id), attachments: [m.attachment] });
      return material.id;
    },
    removeMaterial(materialId) {
      records.remove('material', materialId);
    },
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
