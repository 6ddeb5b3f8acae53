import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { classify, isMemberOnly, requireRetentionDate, tierFor } from '../../../shared/domain/classification';
import type { Gate } from '../../../shared/domain/disclosure';
import type { Capacity } from '../../../shared/domain/need-to-know';
import { isVisibleInMode, mustAudit, type MeetingMode } from '../../../shared/domain/protection';
import {
  materialIdFor,
  pinkPaperMeetingId,
  type Attachment,
  type Material as MaterialView,
  type materialInputSchema,
} from '../../../shared/domain/material';
import { AppError } from '../../../shared/ipc/errors';
import type { StoredMaterial } from '../../../shared/domain/material';
import type { RecordsRepository } from './records-repository';
import { filesOf, type OwnedFiles } from './record-files';

/**
 * Material received, as the disclosure, attachment and lifecycle services use it: read with the
 * Member-only check, saved with its audit event, and remembered as "ever protected" so every later
 * export of it is audited even once it is open (R-USE-3).
 */
export class MaterialStore {
  constructor(
    private readonly records: RecordsRepository,
    /** The meeting mode in force (R-USE-1), from the meeting-mode service. */
    private readonly mode: () => MeetingMode,
    /** The Member's name: who asked for a briefing when the form does not say (R-CLS-5). */
    private readonly memberName: () => string = () => '',
  ) {}

  /** The material; 'forbidden' for a PA asking for Member-only material (R-USE-2), 'not-found' otherwise. */
  get(id: string): StoredMaterial {
    return this.records.require('material', id);
  }

  /** With its tier as stored, for callers that must see whether it changed while they worked. */
  find(id: string) {
    return this.records.find('material', id);
  }

  /** The material's own files, judged on the record as it is now (see record-files.ts); 'not found' in words. */
  files(id: string): OwnedFiles {
    const record = this.records.find('material', id);
    if (!record) throw new AppError('not-found', 'There is no such material.');
    return filesOf(this.records, { type: 'material', id, tier: record.tier });
  }

  list(): StoredMaterial[] {
    return this.records.list('material');
  }

  /** R-DIS-3: the gates of every disclosure of one material; none for a PA, who cannot read disclosures. */
  gatesFor(materialId: string): Gate[] {
    if (!this.records.canReadMemberTier()) return [];
    return this.records
      .list('disclosure')
      .filter((d) => d.materialId === materialId)
      .map((d) => d.gate as Gate);
  }

  /** Was this material protected (or a briefing) at any time? */
  everProtected(material: StoredMaterial): boolean {
    return material.everProtected === true || isMemberOnly(material);
  }

  /**
   * Saves the material (the repository works out its tier and refuses a PA the Member-only tier) and,
   * when `action` is given, appends its audit event under the new tier.
   */
  save(material: StoredMaterial, action?: string, detail: Record<string, unknown> = {}): StoredMaterial {
    const before = this.records.get('material', material.id);
    const everProtected = (before ? this.everProtected(before) : false) || this.everProtected(material);
    const saved = this.records.save('material', { ...material, everProtected });
    if (action) this.audit(saved, action, detail);
    return saved;
  }

  audit(material: StoredMaterial, action: string, detail: Record<string, unknown>): void {
    this.records.audit(material.id, action, tierFor(material), detail);
  }

  /** Record material received against a request, with its classification (R-CLS-1). */
  add(input: z.infer<typeof materialInputSchema>, made: { id?: string; attachments?: Attachment[] } = {}): MaterialView {
    const request = this.records.require('request', input.requestId);
    const classification = classify(input.classification);
    const personalData = requireRetentionDate(input.personalData);
    const material: StoredMaterial = {
      id: made.id ?? materialIdFor(input.requestId, randomUUID()),
      requestId: input.requestId,
      title: input.title,
      receivedOn: input.receivedOn,
      summary: input.summary,
      classification,
      personalData,
      isBriefing: input.isBriefing,
      // R-CLS-5: a briefing records who asked for it; only they can permit sharing it with another Member.
      briefing: input.isBriefing ? { requestedBy: input.briefingRequestedBy?.trim() || this.memberName(), permission: null } : null,
      // R-CLS-4: bound to the capacity and purpose it was asked for.
      givenForCapacity: (request.capacity ?? 'general') as Capacity,
      givenForPurpose: request.purpose,
      meetingId: pinkPaperMeetingId(classification, this.records.list('meeting')),
      thirdParty: input.thirdPartyName?.trim() ? { name: input.thirdPartyName.trim(), consent: 'not-asked' } : null,
      attachments: made.attachments ?? [],
      erasedOn: null,
      // R-USE-2: what is recorded against a Member-only request is Member-only too, open or not.
      onMemberOnlyRequest: request.memberOnly,
    };
    return view(this.save(material, 'classified', { level: classification.level, ...(material.isBriefing ? { briefing: true } : {}) }));
  }

  /** Opening material: hidden while the public may see the screen (R-USE-1); protected opening audited (R-USE-3). */
  open(id: string): MaterialView {
    const material = this.get(id);
    if (!isVisibleInMode(material, this.mode())) throw new AppError('forbidden', 'Hidden in the current meeting mode.');
    if (mustAudit('viewed', material.classification, material.isBriefing)) this.audit(material, 'viewed', {});
    return view(material);
  }
}

/** What the screens see of material: the stored record without its bookkeeping. */
export function view(material: StoredMaterial): MaterialView {
  const { everProtected: _kept, ...shown } = material;
  return shown;
}
