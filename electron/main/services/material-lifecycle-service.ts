import type { z } from 'zod';
import {
  classify,
  holdsPersonalData,
  recordBriefingPermission,
  retentionDue,
  tierFor,
  type Classification,
  type CommitteeResolution,
} from '../../../shared/domain/classification';
import {
  changeClassification,
  checkDisposable,
  checkErasable,
  extendRetention,
  protectedStillHeld,
  recordConsent,
  tombstoneTitle,
} from '../../../shared/domain/material-lifecycle';
import { recordDisposal } from '../../../shared/domain/protection';
import type {
  Material as MaterialView,
  OfficerConfirmation,
  briefingPermissionInputSchema,
  consentInputSchema,
  disposalInputSchema,
  keepUntilInputSchema,
} from '../../../shared/domain/material';
import type { MaterialListItem } from '../../../shared/ipc/views';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { view, type MaterialStore } from './material-store';
import { pinkPaperMeetingId, requestOfMaterialId } from '../../../shared/domain/material';
import type { StoredMaterial } from '../../../shared/domain/material';
import type { StoredRequest } from '../../../shared/domain/requests';
import type { RecordsRepository } from './records-repository';
import { EmailRedaction } from './email-redaction';

/**
 * What happens to material after it arrives: reclassification, third-party consent, retention and
 * erasure, destruction or return. Rules from shared/domain/material-lifecycle.ts; every change is
 * audited (R-USE-3). Reading goes through the material store, so a PA asking for Member-only
 * material gets 'forbidden' before anything here runs (R-USE-2).
 */
export class MaterialLifecycleService {
  /** Takes erased material out of the email it came with (R-CLS-6): see email-redaction.ts. */
  private readonly emails: EmailRedaction;

  constructor(
    private readonly records: RecordsRepository,
    private readonly materials: MaterialStore,
    private readonly today: () => string,
  ) {
    this.emails = new EmailRedaction(records, today);
  }

  /**
   * R-CLS-6, R-USE-4: at the Member's unlock, erasure a PA made (or one a lock or crash cut short)
   * reaches the stored email too. Returns how many emails changed.
   */
  redactGoneMaterialFromEmails(): Promise<number> {
    return this.emails.redactGoneMaterial();
  }

  /** Saves the material (tier and permission decided by the repository) with its audit event. */
  private save(material: StoredMaterial, action: string, detail: Record<string, unknown>): MaterialView {
    return view(this.materials.save(material, action, detail));
  }

  // R-CLS-5 (003 §4.13–4.14): the requesting Member's permission to share a briefing, recorded (who, when, with whom) and audited.
  recordBriefingPermission(input: z.infer<typeof briefingPermissionInputSchema>): MaterialView {
    this.records.requireMember();
    const material = this.materials.get(input.id);
    if (!material.isBriefing || !material.briefing)
      throw new AppError('refused', 'This material is not a briefing given in confidence, so no permission to share it is needed.');
    if (material.erasedOn || material.disposal) throw new AppError('refused', 'This briefing has been erased, destroyed or returned.');
    const permission = recordBriefingPermission(
      material.briefing,
      { givenBy: input.givenBy, givenOn: input.givenOn, sharedWith: input.sharedWith ?? null },
      this.today(),
    );
    return this.save({ ...material, briefing: { ...material.briefing, permission } }, 'briefing-permission', {
      givenBy: permission.givenBy,
      givenOn: permission.givenOn,
      sharedWith: permission.sharedWith ?? null,
    });
  }

  // R-CLS-1/2/3: the classification changes only with the evidence its rule needs.
  async reclassify(
    id: string,
    next: Classification,
    resolution: CommitteeResolution | null,
    confirmation: OfficerConfirmation | null = null,
  ): Promise<MaterialView> {
    const material = this.materials.get(id);
    if (material.erasedOn || material.disposal)
      throw new AppError('refused', 'This material has been erased, destroyed or returned; its classification is kept as it was.');
    const classification = changeClassification(material.classification, classify(next), { resolution, confirmation }, this.today());
    const updated: StoredMaterial = {
      ...material,
      classification,
      meetingId: pinkPaperMeetingId(classification, this.records.list('meeting')),
    };
    const detail = { from: material.classification.level, to: classification.level, resolution, confirmation };
    const to = tierFor(updated);
    if (to === tierFor(material) || material.attachments.length === 0) return this.save(updated, 'reclassified', detail);
    return this.reclassifyWithAttachments(material, updated, to, detail);
  }

  /**
   * R-USE-2: material recorded against a Member-only request before such material was Member-only
   * goes under the Member key, files and all; run at the Member's unlock. Returns how many moved.
   * A lock meanwhile, or a failure, leaves the rest for the next unlock; nothing is lost either way.
   */
  async moveMaterialOfMemberOnlyRequests(): Promise<number> {
    if (!this.records.isMember) return 0;
    // A Member-only request is the one kind of request under the Member key; neither list decrypts
    // anything, so this costs next to nothing at an unlock once everything has moved.
    const memberOnly = this.records.memberTierIds('request');
    // Moving files waits: once this session ends, what is left is for the next unlock, never moved in another session.
    const guard = this.records.begin(lockedBefore('the material was moved under the Member key', 'it is moved'));
    let moved = 0;
    for (const id of this.records.readableIds('material')) {
      if (!guard.current) return moved;
      const named = requestOfMaterialId(id);
      if (named !== null && !memberOnly.has(named)) continue; // filed under an ordinary request
      let material: StoredMaterial | undefined;
      try {
        material = this.records.get('material', id);
      } catch {
        continue; // damaged: set aside and reported by the read
      }
      if (!material || !memberOnly.has(material.requestId) || material.onMemberOnlyRequest) continue;
      const updated: StoredMaterial = { ...material, onMemberOnlyRequest: true };
      const detail = { reason: 'recorded against a Member-only request' };
      try {
        if (tierFor(material) === 'member' || material.attachments.length === 0) this.save(updated, 'made Member-only', detail);
        else await this.reclassifyWithAttachments(material, updated, 'member', detail, 'made Member-only');
        moved++;
      } catch {
        // Locked: the rest waits for the next unlock. Otherwise (its files could not be read) only this
        // one waits: a forged record naming a file it cannot open never holds the others back.
        if (!guard.current) return moved;
      }
    }
    return moved;
  }

  /**
   * R-USE-2: files go under the key of the material's new tier, so a PA never holds the key to a
   * file of material that became confidential (and can use one that became open). Each file is
   * sealed again as it streams; the old files go only once the material is saved.
   */
  private async reclassifyWithAttachments(
    before: StoredMaterial,
    updated: StoredMaterial,
    to: 'shared' | 'member',
    detail: Record<string, unknown>,
    action = 'reclassified',
  ): Promise<MaterialView> {
    if (to === 'member' && !this.records.isMember) {
      throw new AppError('forbidden', 'Protected material goes in the Member-only part of the vault; only the Member can classify it so.');
    }
    const guard = this.records.begin(lockedBefore('the material was reclassified', 'reclassify it again'));
    const blobs = this.records.blobs;
    // Judged on the record as it is now, before the save below makes this user its author.
    const old = this.materials.files(before.id);
    const resealed: MaterialView['attachments'] = [];
    const discardNew = () => resealed.forEach((a) => blobs.discard(a.id, before.id));
    try {
      for (const a of before.attachments) {
        // Read as this material's own blob and sealed again as its own: a forged record naming another
        // material's blob (say a pink paper's) fails here instead of re-sealing that file under the shared key.
        const blob = await blobs.add(old.read(a.id), to, before.id);
        resealed.push({ ...a, id: blob.id, size: blob.size });
        guard.check();
      }
      // Streaming took time: if the material changed meanwhile, change nothing.
      const now = this.materials.get(before.id);
      if (JSON.stringify(now) !== JSON.stringify(before))
        throw new AppError('conflict', 'The material changed while its files were being moved. Nothing was changed; please try again.');
      const saved = this.save({ ...updated, attachments: resealed }, action, detail);
      for (const a of before.attachments) old.discard(a.id);
      return saved;
    } catch (error) {
      discardNew();
      throw guard.explain(error);
    }
  }

  // R-ASK-11: consent asked, given or refused, with the date and a note.
  recordConsent(input: z.infer<typeof consentInputSchema>): MaterialView {
    const material = this.materials.get(input.id);
    if (material.erasedOn || material.disposal) throw new AppError('refused', 'This material has been erased, destroyed or returned.');
    const thirdParty = recordConsent(material.thirdParty, { status: input.status, on: input.on, note: input.note }, this.today());
    return this.save({ ...material, thirdParty }, 'consent-recorded', { status: input.status, on: input.on });
  }

  // R-CLS-6: personal data whose erase-by date is reached, that this user can see.
  retentionDue(): MaterialListItem[] {
    const materials = this.materials.list();
    const due = new Set(retentionDue(materials, this.today()).map((d) => d.id));
    return this.listItems(materials.filter((m) => due.has(m.id))).sort((a, b) => (a.retainUntil ?? '').localeCompare(b.retainUntil ?? ''));
  }

  // R-CLS-6: wipe the personal content; the tombstone keeps when it came, its classification and when it was erased.
  erase(id: string): Promise<MaterialView> {
    const material = this.materials.get(id);
    checkErasable(material);
    const on = this.today();
    return this.wipe(material, { title: tombstoneTitle('erased'), erasedOn: on }, 'erased', { on });
  }

  // R-CLS-6: keep it longer, with the reason.
  keepUntil(input: z.infer<typeof keepUntilInputSchema>): MaterialView {
    const material = this.materials.get(input.id);
    const personalData = extendRetention(material, input.until, input.reason, this.today());
    return this.save({ ...material, personalData }, 'retention-extended', {
      from: material.personalData.retainUntil,
      to: input.until,
      reason: input.reason.trim(),
    });
  }

  // R-USE-4 (000 §17.9.5): destroyed or returned, recorded; the content goes as with erasure. Member only.
  recordDisposal(input: z.infer<typeof disposalInputSchema>): Promise<MaterialView> {
    this.records.requireMember();
    const material = this.materials.get(input.id);
    checkDisposable(material);
    const disposal = recordDisposal(
      { materialId: material.id, how: input.how, on: input.on, returnedTo: input.returnedTo, reason: input.reason },
      this.today(),
    );
    const { materialId: _id, ...kept } = disposal;
    return this.wipe(material, { title: tombstoneTitle(input.how), disposal: kept }, input.how, kept);
  }

  // R-USE-4: protected material still held, for the Member to work through at end of term.
  protectedHeld(): MaterialListItem[] {
    this.records.requireMember();
    const held = protectedStillHeld(this.materials.list());
    return this.listItems(held).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  }

  /**
   * Attachments are deleted first (removing one already gone is harmless, so a retry after a failure
   * finishes the job), then the tombstone replaces the record, then the journal is compacted twice so
   * the earlier sealed copy leaves this vault's files too (compaction keeps one previous generation).
   * Material that came by email is then taken out of the stored email as well, in the Member's app
   * (in a PA's, at the Member's next unlock). Backups made earlier still hold it; the screen says so.
   */
  private async wipe(
    material: StoredMaterial,
    changes: Partial<StoredMaterial>,
    action: string,
    detail: Record<string, unknown>,
  ): Promise<MaterialView> {
    const files = this.materials.files(material.id);
    for (const a of material.attachments) files.remove(a.id);
    const tombstone: StoredMaterial = { ...material, ...changes, summary: '', attachments: [], thirdParty: null };
    const saved = this.save(tombstone, action, { ...detail, attachmentsDeleted: material.attachments.length });
    // The redaction compacts twice itself when it changes an email; otherwise compact here.
    if ((await this.emails.redactGoneMaterial()) === 0) {
      this.records.compact();
      this.records.compact();
    }
    return saved;
  }

  private listItems(materials: StoredMaterial[]): MaterialListItem[] {
    const requests = new Map<string, StoredRequest | undefined>();
    return materials.map((m) => {
      if (!requests.has(m.requestId)) requests.set(m.requestId, this.getRequest(m.requestId));
      const r = requests.get(m.requestId);
      return {
        id: m.id,
        requestId: m.requestId,
        requestReference: r?.reference ?? 'Member only',
        requestSubject: r?.subject ?? '',
        title: m.title,
        receivedOn: m.receivedOn,
        classification: m.classification,
        retainUntil: holdsPersonalData(m.personalData) ? m.personalData.retainUntil : null,
        specialCategory: m.personalData.specialCategory,
      };
    });
  }

  /** The request a material came for, if this user can read it (a damaged one reads as unknown). */
  private getRequest(id: string): StoredRequest | undefined {
    try {
      return this.records.get('request', id);
    } catch {
      return undefined;
    }
  }
}
