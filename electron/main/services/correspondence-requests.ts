import { mayExportAttachment } from '../../../shared/domain/attachments';
import { CAPACITIES, ROUTES } from '../../../shared/domain/need-to-know';
import { mustAudit } from '../../../shared/domain/protection';
import { tierFor } from '../../../shared/domain/classification';
import { formatUk } from '../../../shared/domain/dates';
import type { Material as MaterialView } from '../../../shared/domain/material';
import { AppError } from '../../../shared/ipc/errors';
import type { CaseworkService, StoredRequest } from './casework-service';
import type { DisclosureService } from './disclosure-service';
import type { MeetingModeService } from './meeting-mode-service';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';
import type { EventHub } from './events';
import type { RequestLookup } from './correspondence-service';

const isMo = (role: string) => /monitoring officer/i.test(role);

/** The correspondence seam implemented over today's casework services (the only file that knows them). */
export function caseworkRequestLookup(session: SessionService<OpenVault>, casework: CaseworkService, disclosures: DisclosureService, meetingMode: MeetingModeService, events: EventHub): RequestLookup {
  const vault = () => session.requireVault().records;
  const stored = (id: string): StoredRequest => {
    const record = vault().get<StoredRequest>(id);
    if (!record || record.type !== 'request') {
      if (vault().sealedIds('request').some((s) => s.id === id)) throw new AppError('forbidden', 'This request is Member only.');
      throw new AppError('not-found', 'There is no such request.');
    }
    return record.data;
  };
  return {
    draftFacts(requestId) {
      const detail = casework.detail(requestId);
      const r = stored(requestId);
      const officers = casework.officers();
      const officer = officers.find((o) => o.id === r.officerId);
      const meeting = r.meetingId ? casework.meetings().find((m) => m.id === r.meetingId) : undefined;
      // R-DUE-4: the next level up is a senior officer in the same service, then the chief officer.
      const senior = officers.find((o) => o.service === officer?.service && (o.seniority === 'head-of-service' || o.seniority === 'director') && o.id !== officer?.id);
      const chief = officers.find((o) => o.seniority === 'chief-officer' && !isMo(o.role));
      const mo = officers.find((o) => isMo(o.role));
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
        memberName: session.requireVault().users().find((u) => u.role === 'member')?.name ?? '',
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
      for (const r of vault().iterate<StoredRequest>('request')) yield { id: r.id, reference: r.data.reference, memberOnly: r.data.memberOnly, fromEmail: r.data.fromEmail };
    },
    summary(requestId) {
      const r = stored(requestId);
      return { id: r.id, reference: r.reference, memberOnly: r.memberOnly, fromEmail: r.fromEmail, sentOn: r.sentOn };
    },
    logEvent: (id, event) => void casework.logEvent(id, event),
    markChairNoticeSent: (id, on) => void casework.markChairNoticeSent(id, on),
    addUnknownMaterial(requestId, m) {
      const material = casework.addMaterial({
        requestId,
        title: m.title.slice(0, 200),
        receivedOn: m.receivedOn,
        summary: m.summary,
        classification: { level: 'unsure' },
        personalData: { personal: false, specialCategory: false, retainUntil: null },
        isBriefing: false,
      });
      const withFile: MaterialView = { ...material, attachments: [m.attachment] };
      vault().put({ id: material.id, tier: tierFor(withFile), type: 'material', data: withFile });
      events.emit('records:changed', { kind: 'material', id: material.id });
      return material.id;
    },
    removeMaterial(materialId) {
      vault().delete(materialId);
      events.emit('records:changed', { kind: 'material', id: materialId });
    },
    mayExport(materialId) {
      const material = casework.material(materialId);
      return mayExportAttachment(material, disclosures.gatesFor(materialId), meetingMode.get());
    },
    auditExport(materialId, detail) {
      const material = casework.material(materialId);
      if (!mustAudit('exported', material.classification)) return;
      const v = session.requireVault();
      v.records.appendAudit({ recordId: materialId, action: 'exported', tier: tierFor(material), detail: { ...detail, by: v.user.name, at: new Date().toISOString() } });
    },
  };
}
