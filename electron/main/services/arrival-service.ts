import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { z } from 'zod';
import { attachmentProblem } from '../../../shared/domain/attachments';
import {
  MAX_FILES_PER_ARRIVAL,
  arrivalSummary,
  sealedArrivalPayloadSchema,
  type ArrivalSummary,
  type OpenedArrival,
  type RecordArrivalInput,
  type SealedArrivalPayload,
  type StoredArrival,
} from '../../../shared/domain/arrivals';
import { classify, tierFor } from '../../../shared/domain/classification';
import { materialIdFor, type Attachment, type Material, type materialInputSchema } from '../../../shared/domain/material';
import type { MeetingMode } from '../../../shared/domain/protection';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { fileName, readCapped, readProblem, type AttachmentDialogs } from './attachment-service';
import type { MaterialStore } from './material-store';
import type { RecordsRepository } from './records-repository';

export type ClassifyArrivalInput = Omit<z.infer<typeof materialInputSchema>, 'requestId' | 'receivedOn'> & { id: string };

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * "Arrived for the Member" (docs/ARCHITECTURE.md, "Trust model"): a PA records that something came in for the Member
 * on a request. Main seals its title, summary and file names to the Member's public key and its files
 * with attachments.addForMember, so the PA who wrote it can never read any of it back. The Member opens
 * it and classifies it into material, whose files are sealed again under the material's own tier.
 */
export class ArrivalService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly materials: MaterialStore,
    private readonly mode: () => MeetingMode,
    private readonly dialogs: AttachmentDialogs,
    private readonly today: () => string,
  ) {}

  /** Any signed-in user: records the arrival; what it says is sealed before anything is saved. */
  async record(input: RecordArrivalInput): Promise<ArrivalSummary> {
    // The request must be one this user can see: a PA cannot record against a Member-only request.
    this.records.require('request', input.requestId);
    // The dialog, the files and the sealing wait: what is recorded belongs to the session that began it.
    const guard = this.records.begin(lockedBefore('the item was recorded', 'record it again'));
    const picked = input.pick ? await this.dialogs.chooseAttachments() : [];
    if (picked.length + input.files.length > MAX_FILES_PER_ARRIVAL)
      throw new AppError('refused', `Record at most ${MAX_FILES_PER_ARRIVAL} files with one item. Nothing was recorded.`);
    for (const f of input.files) {
      const problem = attachmentProblem({ name: fileName(f.name), size: f.bytes.length });
      if (problem) throw new AppError('refused', `${problem} Nothing was recorded.`);
    }
    // Every picked file is checked before any is sealed, so a bad pick records nothing.
    const pickedFiles: Array<{ file: string; name: string }> = [];
    for (const file of picked) {
      const name = fileName(file);
      let info;
      try {
        info = await stat(file);
      } catch (error) {
        throw new AppError('io', `“${name}” cannot be recorded: ${readProblem(error)}. Nothing was recorded.`);
      }
      if (!info.isFile()) throw new AppError('refused', `“${name}” is not a file. Nothing was recorded.`);
      const problem = attachmentProblem({ name, size: info.size });
      if (problem) throw new AppError('refused', `${problem} Nothing was recorded.`);
      pickedFiles.push({ file, name });
    }
    guard.check();

    const id = `arrival-${randomUUID()}`;
    const blobs = this.records.blobs;
    const sealedFiles: Array<{ blobId: string; size: number; name: string }> = [];
    const discardAll = () => sealedFiles.forEach((f) => blobs.discard(f.blobId, id));
    try {
      for (const f of input.files) {
        const blob = await blobs.addForMember(once(f.bytes), id);
        sealedFiles.push({ blobId: blob.id, size: blob.size, name: fileName(f.name) });
        guard.check();
      }
      for (const { file, name } of pickedFiles) {
        const failure: { error?: AppError } = {};
        try {
          const blob = await blobs.addForMember(readCapped(file, name, failure), id);
          sealedFiles.push({ blobId: blob.id, size: blob.size, name });
        } catch (error) {
          throw failure.error ?? error;
        }
        guard.check();
      }
      const payload: SealedArrivalPayload = {
        title: input.title.trim(),
        summary: input.summary,
        files: sealedFiles.map((f) => ({ blobId: f.blobId, name: f.name })),
      };
      const sealed = this.records.sealForMember(Buffer.from(JSON.stringify(payload), 'utf8'), id).toString('base64');
      const arrival: StoredArrival = {
        id,
        requestId: input.requestId,
        arrivedOn: this.today(),
        sealed,
        files: sealedFiles.map((f) => ({ blobId: f.blobId, size: f.size })),
        materialId: null,
        classifiedOn: null,
      };
      return arrivalSummary(this.records.save('arrival', arrival));
    } catch (error) {
      discardAll();
      if (!guard.current) throw guard.explain(error);
      if (error instanceof AppError || (error as Error)?.name === 'VaultError') throw error;
      throw new AppError('io', 'What arrived could not be recorded. Nothing was recorded.');
    }
  }

  /** What anyone signed in sees: which request, when, how many files, whether classified; never what it says. */
  list(requestId?: string): ArrivalSummary[] {
    return this.records
      .list('arrival')
      .filter((a) => requestId === undefined || a.requestId === requestId)
      .map(arrivalSummary)
      .sort((a, b) => b.arrivedOn.localeCompare(a.arrivedOn) || a.id.localeCompare(b.id));
  }

  /** Member only: what arrived, opened from its seal. */
  open(id: string): OpenedArrival {
    const { arrival, payload } = this.opened(id);
    return {
      ...arrivalSummary(arrival),
      title: payload.title,
      summary: payload.summary,
      files: payload.files.map((f) => ({ name: f.name, size: arrival.files.find((s) => s.blobId === f.blobId)?.size ?? 0 })),
    };
  }

  private opened(id: string): { arrival: StoredArrival; payload: SealedArrivalPayload } {
    this.records.requireMember();
    // Not yet classified, it may be a pink paper: never opened while the public may see the screen (R-USE-1).
    if (this.mode().kind !== 'normal')
      throw new AppError('forbidden', 'Items that arrived are not yet classified, so they open only outside meeting modes.');
    const arrival = this.records.require('arrival', id);
    if (arrival.sealed === null) throw new AppError('refused', 'This item has already been classified; open it from its request.');
    let parsed;
    try {
      parsed = sealedArrivalPayloadSchema.safeParse(
        JSON.parse(this.records.openSealed(Buffer.from(arrival.sealed, 'base64'), id).toString('utf8')),
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'cannot-open',
        'This item could not be opened: it was altered after it was sealed, or belongs to another record. Nothing was changed.',
      );
    }
    if (!parsed.success)
      throw new AppError('cannot-open', 'This item could not be opened: what was sealed is damaged. Nothing was changed.');
    // The record's file list is the PA's to write: only files the seal names, with this arrival as owner, are used.
    const sealedIds = new Set(parsed.data.files.map((f) => f.blobId));
    if (arrival.files.some((f) => !sealedIds.has(f.blobId)) || arrival.files.length !== parsed.data.files.length) {
      throw new AppError(
        'cannot-open',
        'This item could not be opened: its list of files was changed after it was sealed. Nothing was changed.',
      );
    }
    return { arrival, payload: parsed.data };
  }

  /**
   * Member only: classify what arrived into material. Its files are read as this arrival's own (the
   * owner is bound into every chunk) and sealed again under the material's tier with the material as
   * owner; only then is the material saved and the arrival marked done, its sealed copy let go.
   */
  async classify(input: ClassifyArrivalInput): Promise<{ material: Material; arrival: ArrivalSummary }> {
    const { arrival, payload } = this.opened(input.id);
    const request = this.records.require('request', arrival.requestId);
    const classification = classify(input.classification);
    const tier = tierFor({ classification, isBriefing: input.isBriefing, onMemberOnlyRequest: request.memberOnly });
    const materialId = materialIdFor(request.id, randomUUID());
    const guard = this.records.begin(lockedBefore('the item was classified', 'classify it again'));
    const blobs = this.records.blobs;
    const resealed: Attachment[] = [];
    const discardNew = () => resealed.forEach((a) => blobs.discard(a.id, materialId));
    let material: Material;
    try {
      for (const f of payload.files) {
        // Only a file sealed for the Member with this arrival as its owner: what the PA recorded, never a
        // file already in the vault (an old-format one has no owner to check, so it is refused outright).
        const blob = await blobs.add(blobs.read(f.blobId, arrival.id, { sealedForMember: true }), tier, materialId);
        resealed.push({ id: blob.id, name: f.name, size: blob.size, addedOn: this.today() });
        guard.check();
      }
      // Streaming took time: if the arrival was classified meanwhile, change nothing.
      const now = this.records.require('arrival', arrival.id);
      if (now.materialId !== null || now.sealed !== arrival.sealed)
        throw new AppError('conflict', 'This item changed while its files were being moved. Nothing was changed; please try again.');
      material = this.materials.add(
        { ...input, requestId: request.id, receivedOn: arrival.arrivedOn },
        { id: materialId, attachments: resealed },
      );
    } catch (error) {
      discardNew();
      if (!guard.current) throw guard.explain(error);
      if (error instanceof AppError || (error as Error)?.name === 'VaultError') throw error;
      throw new AppError('io', 'The files that arrived could not be moved to the material. Nothing was changed.');
    }
    // Done: the material now holds it; the sealed copy and files are let go, so erasing the material later leaves no copy behind.
    const done = this.records.save('arrival', { ...arrival, sealed: null, files: [], materialId: material.id, classifiedOn: this.today() });
    for (const f of arrival.files) blobs.discard(f.blobId, arrival.id);
    return { material, arrival: arrivalSummary(done) };
  }
}
