import type { Handlers } from '../router';
import type { DraftsService } from '../../services/correspondence-drafts';
import type { RequestQueries } from '../../services/request-queries';

/** Email drafts for a request: the service composes, opens and records them. A draft quotes its request, so a request the meeting mode hides has none (R-USE-1). */
export function draftHandlers(
  drafts: DraftsService,
  queries: Pick<RequestQueries, 'requireShown'>,
): Pick<Handlers, `drafts:${string}` & keyof Handlers> {
  return {
    'drafts:options': ({ requestId }) => drafts.draftOptions(requestId),
    'drafts:preview': ({ requestId, kind }) => drafts.preview(queries.requireShown(requestId), kind),
    'drafts:open': ({ requestId, kind }) => drafts.open(queries.requireShown(requestId), kind),
    'drafts:copy': ({ requestId, kind }) => drafts.copy(queries.requireShown(requestId), kind),
    'drafts:markSent': ({ requestId, kind, on, to }) => (drafts.markSent(requestId, kind, on, to), null),
  };
}
