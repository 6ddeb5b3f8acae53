import type { Handlers } from '../router';
import type { AttachmentService } from '../../services/attachment-service';

/** Attachments of material received: the service opens the dialogs and applies the rules. */
export function attachmentHandlers(attachments: AttachmentService): Pick<Handlers, `attachments:${string}` & keyof Handlers> {
  return {
    'attachments:add': ({ materialId }) => attachments.attach(materialId),
    'attachments:export': ({ materialId, attachmentId, confirmMatchesApproval }) =>
      attachments.export(materialId, attachmentId, confirmMatchesApproval === true),
  };
}
