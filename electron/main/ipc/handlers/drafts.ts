import type { Handlers } from '../router';
import type { DraftsService } from '../../services/correspondence-drafts';

/** Email drafts for a request: the service composes, opens and records them. */
export function draftHandlers(drafts: DraftsService): Pick<Handlers, `drafts:${string}` & keyof Handlers> {
  return {
    'drafts:options': ({ requestId }) => drafts.draftOptions(requestId),
    'drafts:preview': ({ requestId, kind }) => drafts.preview(requestId, kind),
    'drafts:open': ({ requestId, kind }) => drafts.open(requestId, kind),
    'drafts:copy': ({ requestId, kind }) => drafts.copy(requestId, kind),
    'drafts:markSent': ({ requestId, kind, on, to }) => (drafts.markSent(requestId, kind, on, to), null),
  };
}
