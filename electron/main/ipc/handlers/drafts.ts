import type { Handlers } from '../router';
import type { CorrespondenceService } from '../../services/correspondence-service';

/** Email drafts for a request: the service composes, opens and records them. */
export function draftHandlers(correspondence: CorrespondenceService): Pick<Handlers, `drafts:${string}` & keyof Handlers> {
  return {
    'drafts:options': ({ requestId }) => correspondence.draftOptions(requestId),
    'drafts:preview': ({ requestId, kind }) => correspondence.preview(requestId, kind),
    'drafts:open': ({ requestId, kind }) => correspondence.open(requestId, kind),
    'drafts:copy': ({ requestId, kind }) => correspondence.copy(requestId, kind),
    'drafts:markSent': ({ requestId, kind, on, to }) => (correspondence.markSent(requestId, kind, on, to), null),
  };
}
