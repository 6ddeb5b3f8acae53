import { randomUUID } from 'node:crypto';
import { appendToRegister, newGate, registerEntryFor, stepsFor, transition, type Gate, type GateEvent, type RegisterEntry } from '../../../shared/domain/disclosure';
import { isProtected } from '../../../shared/domain/classification';
import { goneReason, thirdPartyDisclosureCheck } from '../../../shared/domain/material-lifecycle';
import type { DisclosureView } from '../../../shared/ipc/views';
import { AppError } from '../../../shared/ipc/errors';
import type { CaseworkService } from './casework-service';
import type { CouncilSettingsService } from './council-settings-service';
import type { EventHub } from './events';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';

interface StoredDisclosure {
  id: string;
  materialId: string;
  gate: Gate;
}

const DISCLOSURE = 'disclosure';
const REGISTER = 'register-entry';

/**
 * R-DIS-3: the disclosure gate is enforced here, in the main process. Every step goes through the
 * pure state machine; an illegal step is refused whatever the renderer sends.
 */
export class DisclosureService {
  constructor(
    private readonly session: SessionService<OpenVault>,
    private readonly casework: CaseworkService,
    private readonly council: CouncilSettingsService,
    private readonly events: EventHub,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get vault() {
    return this.session.requireMember().records;
  }

  private view(d: StoredDisclosure): DisclosureView {
    const material = this.casework.material(d.materialId);
    return { id: d.id, materialId: d.materialId, materialTitle: material.title, gate: d.gate as DisclosureView['gate'], steps: stepsFor(d.gate.ground, this.council.profile()), thirdParty: material.thirdParty };
  }

  start(materialId: string): DisclosureView {
    const material = this.casework.material(materialId);
    if (!isProtected(material.classification)) {
      throw new AppError('refused', 'This material is open: it can be shared without the disclosure process.');
    }
    const gone = goneReason(material);
    if (gone) throw new AppError('refused', gone);
    const stored: StoredDisclosure = { id: randomUUID(), materialId, gate: newGate() };
    this.vault.put({ id: stored.id, tier: 'member', type: DISCLOSURE, data: stored });
    this.events.emit('records:changed', { kind: DISCLOSURE, id: stored.id });
    return this.view(stored);
  }

  list(): DisclosureView[] {
    return this.vault.list<StoredDisclosure>(DISCLOSURE).map((r) => this.view(r.data));
  }

  get(id: string): DisclosureView {
    const record = this.vault.get<StoredDisclosure>(id);
    if (!record) throw new AppError('not-found', 'There is no such disclosure.');
    return this.view(record.data);
  }

  advance(id: string, event: GateEvent): DisclosureView {
    const record = this.vault.get<StoredDisclosure>(id);
    if (!record) throw new AppError('not-found', 'There is no such disclosure.');
    const result = transition(record.data.gate, event, this.council.profile());
    if (!result.ok) throw new AppError('refused', result.reason);
    if (event.type === 'approve' || event.type === 'disclose') {
      // R-ASK-11: checked again at the last two steps, as consent can be refused after the gate started.
      const material = this.casework.material(record.data.materialId);
      const gone = goneReason(material);
      if (gone) throw new AppError('refused', gone);
      const consent = thirdPartyDisclosureCheck(material, result.gate.ground);
      if (!consent.allowed) throw new AppError('refused', consent.reason);
    }
    const stored = { ...record.data, gate: result.gate };
    if (result.gate.state === 'disclosed') {
      // R-DIS-4: the register entry is written once, under its own id, and never overwritten.
      const entry = registerEntryFor(result.gate, stored.materialId, randomUUID(), this.now().toISOString());
      appendToRegister(this.register(), entry);
      this.vault.put({ id: entry.id, tier: 'member', type: REGISTER, data: entry });
      const user = this.session.requireVault().user.name;
      this.vault.appendAudit({ recordId: stored.materialId, action: 'disclosed', tier: 'member', detail: { to: entry.to, on: entry.on, ground: entry.ground, by: user } });
    }
    this.vault.put({ ...record, data: stored });
    this.events.emit('records:changed', { kind: DISCLOSURE, id });
    return this.view(stored);
  }

  register(): RegisterEntry[] {
    return this.vault
      .list<RegisterEntry>(REGISTER)
      .map((r) => r.data)
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  /** R-DIS-3: the gates of every disclosure of one material; none for a PA, who cannot read disclosures. */
  gatesFor(materialId: string): Gate[] {
    const records = this.session.requireVault().records;
    if (!records.canRead('member')) return [];
    return records.list<StoredDisclosure>(DISCLOSURE).filter((r) => r.data.materialId === materialId).map((r) => r.data.gate);
  }

  auditTrail(recordId: string) {
    return this.session
      .requireVault()
      .records.auditTrail(recordId)
      .map((e) => ({ seq: e.seq, recordId: e.recordId, action: e.action, detail: e.detail }));
  }
}
