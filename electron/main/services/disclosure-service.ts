import { randomUUID } from 'node:crypto';
import {
  appendToRegister,
  newGate,
  registerEntryFor,
  stepsFor,
  transition,
  type Gate,
  type GateEvent,
  type RegisterEntry,
} from '../../../shared/domain/disclosure';
import { canShareBriefing, checkCapacityUse, isMemberOnly } from '../../../shared/domain/classification';
import type { Capacity } from '../../../shared/domain/need-to-know';
import { disclosureToResume } from '../../../shared/domain/worklist';
import { ukDateOf } from '../../../shared/domain/dates';
import { goneReason, thirdPartyDisclosureCheck } from '../../../shared/domain/material-lifecycle';
import type { CouncilProfile } from '../../../shared/domain/profiles';
import type { DisclosureView } from '../../../shared/ipc/views';
import { AppError } from '../../../shared/ipc/errors';
import type { CouncilSettingsService } from './council-settings-service';
import type { MaterialStore } from './material-store';
import type { StoredDisclosure } from '../../../shared/domain/disclosure';
import type { RecordData } from './record-schemas';
import type { RecordsRepository } from './records-repository';

/**
 * R-DIS-3: the disclosure gate is enforced here, in the main process. Every step goes through the
 * pure state machine; an illegal step is refused whatever the renderer sends. The council profile in
 * force when the disclosure starts is pinned on it (R-DIS-2), so switching profile mid-way changes
 * nothing for that disclosure.
 */
export class DisclosureService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly materials: MaterialStore,
    private readonly council: CouncilSettingsService,
    private readonly now: () => Date = () => new Date(),
    /** The Member's name, who makes every disclosure (R-CLS-5: they may share a briefing they asked for). */
    private readonly memberName: () => string = () => '',
  ) {}

  private today(): string {
    return ukDateOf(this.now());
  }

  /** The profile this disclosure follows: pinned at its start (older disclosures get today's, pinned at their next step). */
  private profileOf(d: StoredDisclosure): CouncilProfile {
    return d.profile ?? this.council.profile();
  }

  private view(d: StoredDisclosure): DisclosureView {
    const material = this.materials.get(d.materialId);
    return {
      id: d.id,
      materialId: d.materialId,
      materialTitle: material.title,
      gate: d.gate as DisclosureView['gate'],
      steps: stepsFor(d.gate.ground, this.profileOf(d)),
      thirdParty: material.thirdParty,
    };
  }

  /**
   * Starts the disclosure of Member-only material, or resumes the one already in progress for it
   * (R-DIS-2: one waiting for the Monitoring Officer is left and picked up again, never doubled).
   * R-CLS-4: the capacity it is for must be the one the material was given for.
   */
  start(materialId: string, intended: { capacity?: Capacity; purpose?: string } = {}): DisclosureView {
    this.records.requireMember();
    const material = this.materials.get(materialId);
    if (!isMemberOnly(material)) throw new AppError('refused', 'This material is open: it can be shared without the disclosure process.');
    const gone = goneReason(material);
    if (gone) throw new AppError('refused', gone);
    const inProgress = disclosureToResume(
      this.records
        .list('disclosure')
        .filter((d) => d.materialId === materialId)
        .map((d) => ({ ...d, state: d.gate.state })),
    );
    if (inProgress) return this.view(inProgress);
    const capacity = intended.capacity ?? material.givenForCapacity;
    const purpose = intended.purpose?.trim() || material.givenForPurpose;
    const use = checkCapacityUse(material, { capacity, purpose, use: 'disclosure' });
    if (!use.allowed) throw new AppError('refused', use.reason);
    const stored = this.records.save('disclosure', {
      id: randomUUID(),
      materialId,
      gate: newGate(),
      profile: this.council.profile(),
      capacity,
      purpose,
    });
    return this.view(stored);
  }

  list(): DisclosureView[] {
    this.records.requireMember();
    return this.records.list('disclosure').map((d) => this.view(d));
  }

  get(id: string): DisclosureView {
    this.records.requireMember();
    return this.view(this.records.require('disclosure', id));
  }

  advance(id: string, step: GateEvent): DisclosureView {
    this.records.requireMember();
    // An abandoned draft is dated today unless the Member says otherwise.
    const event: GateEvent = step?.type === 'abandon' && !step.on ? { ...step, on: this.today() } : step;
    const current = this.records.require('disclosure', id);
    const profile = this.profileOf(current);
    // Dates after today (the UK date of the injected clock) are refused, as is advice dated before it was asked.
    const result = transition(current.gate as Gate, event, profile, this.today());
    if (!result.ok) throw new AppError('refused', result.reason);
    if (event.type === 'approve' || event.type === 'disclose') {
      // R-ASK-11: checked again at the last two steps, as consent can be refused after the gate started.
      const material = this.materials.get(current.materialId);
      const gone = goneReason(material);
      if (gone) throw new AppError('refused', gone);
      const consent = thirdPartyDisclosureCheck(material, result.gate.ground);
      if (!consent.allowed) throw new AppError('refused', consent.reason);
    }
    if (event.type === 'disclose') {
      // R-CLS-5 (003 §4.13–4.14): a briefing goes to another Member only with the requesting Member's recorded permission.
      const material = this.materials.get(current.materialId);
      if (material.isBriefing) {
        const briefing = {
          requestedBy: material.briefing?.requestedBy || this.memberName(),
          permission: material.briefing?.permission ?? null,
        };
        const share = canShareBriefing(briefing, { by: this.memberName(), to: event.to });
        if (!share.allowed) throw new AppError('refused', share.reason);
      }
    }
    const stored: StoredDisclosure = { ...current, gate: result.gate as StoredDisclosure['gate'], profile };
    if (result.gate.state === 'disclosed') {
      // R-DIS-4: the register entry is written once, under its own id, and never overwritten.
      const entry = registerEntryFor(result.gate, stored.materialId, randomUUID(), this.now().toISOString());
      appendToRegister(this.register(), entry);
      this.records.save('register-entry', entry as unknown as RecordData<'register-entry'> & { id: string });
      this.records.audit(stored.materialId, 'disclosed', 'member', { to: entry.to, on: entry.on, ground: entry.ground });
    }
    return this.view(this.records.save('disclosure', stored));
  }

  register(): RegisterEntry[] {
    this.records.requireMember();
    return (this.records.list('register-entry') as unknown as RegisterEntry[]).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  /** R-DIS-3: the gates of every disclosure of one material; none for a PA, who cannot read disclosures. */
  gatesFor(materialId: string): Gate[] {
    return this.materials.gatesFor(materialId);
  }

  auditTrail(recordId: string) {
    return this.records.auditTrail(recordId);
  }
}
