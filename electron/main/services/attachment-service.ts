import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { cleanFileName } from '../../../shared/domain/file-names';
import { pipeline } from 'node:stream/promises';
import { goneReason } from '../../../shared/domain/material-lifecycle';
import { MAX_ATTACHMENT_BYTES, MAX_FILES_PER_ATTACH, attachmentProblem, mayExportAttachment } from '../../../shared/domain/attachments';
import { isMemberOnly, tierFor } from '../../../shared/domain/classification';
import { checkExportConfirmed, mayReleaseForDisclosure } from '../../../shared/domain/disclosure';
import { isVisibleInMode, mustAudit, type MeetingMode } from '../../../shared/domain/protection';
import type { Attachment as AttachmentView, Material as MaterialView } from '../../../shared/domain/material';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { view, type MaterialStore } from './material-store';
import type { StoredMaterial } from '../../../shared/domain/material';
import type { RecordsRepository } from './records-repository';

/**
 * Where attachments come from and copies go to: Electron's dialogs in the app, fixed folders in the
 * dev-only harness. Only main ever holds a path, so the page cannot name a file to read or write.
 */
export interface AttachmentDialogs {
  /** The files the user picked to attach; empty when they cancelled. */
  chooseAttachments(): Promise<string[]>;
  /** Where to save a copy (the user confirmed any overwrite); null when they cancelled. */
  chooseExportTarget(suggestedName: string): Promise<string | null>;
}

/** For a core built without dialogs (some tests): says so rather than pretending the user cancelled. */
export const noAttachmentDialogs: AttachmentDialogs = {
  chooseAttachments: async () => {
    throw new AppError('unavailable', 'Choosing files is not available here.');
  },
  chooseExportTarget: async () => {
    throw new AppError('unavailable', 'Saving files is not available here.');
  },
};

/** A file's own name, safe to show and to suggest in a save dialog: the one file-name rule (shared/domain/file-names.ts). */
export const fileName = (file: string) => cleanFileName(path.basename(file));

export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'it is no longer there';
  if (code === 'EACCES' || code === 'EPERM') return 'permission was refused';
  if (code === 'EISDIR') return 'it is a folder';
  return 'it could not be read';
}

/**
 * Attaching officers' files to material and saving copies out. Files stream straight into (and out
 * of) the vault's chunk-sealed blobs, so a large PDF never sits whole in memory.
 */
export class AttachmentService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly materials: MaterialStore,
    /** The meeting mode in force (R-USE-1). */
    private readonly mode: () => MeetingMode,
    private readonly dialogs: AttachmentDialogs = noAttachmentDialogs,
    private readonly today: () => string,
  ) {}

  /** The material, if this user may work on it now; a PA gets 'forbidden' for Member-only material (R-USE-2). */
  private usable(materialId: string): StoredMaterial {
    const material = this.materials.get(materialId);
    // R-USE-1: nothing protected is handled while the public can see the screen.
    if (!isVisibleInMode(material, this.mode())) throw new AppError('forbidden', 'Hidden in the current meeting mode.');
    const gone = goneReason(material);
    if (gone) throw new AppError('refused', `${gone} Nothing can be attached to it.`);
    return material;
  }

  async attach(materialId: string): Promise<{ material: MaterialView; added: number }> {
    const before = this.usable(materialId);
    // The dialog and the sealing wait: what is attached belongs to the session that began it.
    const guard = this.records.begin(lockedBefore('the files were attached', 'attach them again'));
    const files = await this.dialogs.chooseAttachments();
    if (files.length === 0) return { material: view(this.materials.get(materialId)), added: 0 };
    if (files.length > MAX_FILES_PER_ATTACH) throw new AppError('refused', `Choose at most ${MAX_FILES_PER_ATTACH} files at a time.`);
    // Check every file before sealing any, so a bad pick changes nothing.
    const picked: Array<{ file: string; name: string }> = [];
    for (const file of files) {
      const name = fileName(file);
      let info;
      try {
        info = await stat(file);
      } catch (error) {
        throw new AppError('io', `“${name}” cannot be attached: ${readProblem(error)}. Nothing was attached.`);
      }
      if (!info.isFile()) throw new AppError('refused', `“${name}” is not a file. Nothing was attached.`);
      const problem = attachmentProblem({ name, size: info.size });
      if (problem) throw new AppError('refused', `${problem} Nothing was attached.`);
      picked.push({ file, name });
    }
    guard.check();

    const blobs = this.records.blobs;
    const tier = tierFor(before);
    const sealed: AttachmentView[] = [];
    const discardAll = () => sealed.forEach((a) => blobs.discard(a.id, materialId));
    for (const { file, name } of picked) {
      const failure: { error?: AppError } = {};
      try {
        // The material owns the blob (bound into every chunk): a record naming another material's blob cannot open it.
        const blob = await blobs.add(readCapped(file, name, failure), tier, materialId);
        sealed.push({ id: blob.id, name, size: blob.size, addedOn: this.today() });
        guard.check();
      } catch (error) {
        discardAll();
        if (!guard.current) throw guard.explain(error);
        throw (
          failure.error ??
          (error instanceof AppError || (error as Error)?.name === 'VaultError'
            ? error
            : new AppError('io', `“${name}” could not be attached. Nothing was attached.`))
        );
      }
    }

    // Streaming took time: re-read the material, which may have been reclassified, erased or
    // destroyed meanwhile, or the app locked; then the sealed files go, and nothing is attached.
    let record;
    try {
      record = this.materials.find(materialId);
    } catch (error) {
      discardAll();
      throw error;
    }
    if (!record || record.tier !== tier || goneReason(record.data)) {
      discardAll();
      throw new AppError('conflict', 'The material changed while the files were being attached. Nothing was attached; please try again.');
    }
    let material: StoredMaterial;
    try {
      material = this.materials.save({ ...record.data, attachments: [...record.data.attachments, ...sealed] });
    } catch (error) {
      discardAll();
      throw error;
    }
    if (mustAudit('attached', material.classification, material.isBriefing)) {
      for (const a of sealed) this.materials.audit(material, 'attached', { attachmentId: a.id, name: a.name, size: a.size });
    }
    return { material: view(material), added: sealed.length };
  }

  /** R-DIS-3: may this attachment leave the vault now? Throws 'refused' with the reason. */
  private exportable(materialId: string, attachmentId: string, confirmMatchesApproval: boolean) {
    const material = this.materials.get(materialId);
    const attachment = material.attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw new AppError('not-found', 'There is no such attachment on this material.');
    const gates = this.materials.gatesFor(materialId);
    const decision = mayExportAttachment(material, gates, this.mode());
    if (!decision.allowed) throw new AppError('refused', decision.reason);
    if (isMemberOnly(material)) {
      // R-DIS-1 (000 §17.9.2): when every approval leaves something out, saving the whole file needs the Member's confirmation.
      const released = gates.filter(mayReleaseForDisclosure);
      const partial = released.length > 0 && released.every((g) => !!g.withheld) ? released[released.length - 1]! : null;
      // The router turns the refusal (a DomainError) into its plain-words message.
      if (partial) checkExportConfirmed(partial, 'whole-file', confirmMatchesApproval);
    }
    return { material, attachment };
  }

  async export(materialId: string, attachmentId: string, confirmMatchesApproval = false): Promise<{ file: string | null; bytes: number }> {
    const { attachment } = this.exportable(materialId, attachmentId, confirmMatchesApproval);
    // The copy belongs to the session that asked for it: checked, and audited as its user, in that session only.
    const guard = this.records.begin(lockedBefore('the copy was saved', 'save it again'));
    const target = await this.dialogs.chooseExportTarget(fileName(attachment.name));
    if (!target) return { file: null, bytes: 0 };
    guard.check();
    // The dialog may have stayed open a while: the mode, the classification or the lock may have changed.
    const { material } = this.exportable(materialId, attachmentId, confirmMatchesApproval);
    // Read as this material's own file: a record naming another record's file (an email's attachment, a
    // pink paper's) cannot open it, nor an old-format file through a record the Member did not write.
    const files = this.materials.files(materialId);
    // Decrypted into a temp file beside the target, so a failed check never leaves a partial copy under the chosen name.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await pipeline(files.read(attachmentId), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      const bytes = (await stat(temp)).size;
      guard.check();
      // R-USE-3: recorded before the copy appears under its name, so no copy exists unaudited; material
      // that was ever protected is audited even once open, so lowering its level cannot hide a copy.
      if (this.materials.everProtected(material) || mustAudit('exported', material.classification, material.isBriefing))
        this.materials.audit(material, 'exported', { attachmentId, name: attachment.name, file: path.basename(target), bytes });
      await rename(temp, target);
      return { file: target, bytes };
    } catch (error) {
      await rm(temp, { force: true });
      if (!guard.current) throw guard.explain(error);
      if (error instanceof AppError || (error as Error)?.name === 'VaultError') throw error;
      throw new AppError('io', `The copy could not be saved: ${readProblem(error)}. Nothing was saved.`);
    }
  }
}

/**
 * The file's bytes as they stream, stopping if it grows past the limit after it was checked. Read
 * failures and the limit are noted in `failure` so the user sees them rather than a vault error.
 */
export async function* readCapped(file: string, name: string, failure: { error?: AppError }): AsyncGenerator<Buffer> {
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > MAX_ATTACHMENT_BYTES) {
        failure.error = new AppError('refused', `${attachmentProblem({ name, size: total })} Nothing was attached.`);
        throw failure.error;
      }
      yield chunk as Buffer;
    }
  } catch (error) {
    failure.error ??= new AppError('io', `“${name}” cannot be attached: ${readProblem(error)}. Nothing was attached.`);
    throw failure.error;
  } finally {
    stream.destroy();
  }
}
