import type { Handlers } from '../router';
import type { DraftsService } from '../../services/correspondence-drafts';
import type { MeetingModeService } from '../../services/meeting-mode-service';
import type { RequestQueries } from '../../services/request-queries';
import type { DraftKind } from '../../../../shared/domain/request-records';

/** Email drafts for a request: the service composes, opens and records them. A draft quotes its request, so a request the meeting mode hides has none (R-USE-1). */
export function draftHandlers(
  drafts: DraftsService,
  queries: Pick<RequestQueries, 'requireShown'>,
  modes: Pick<MeetingModeService, 'requireDraftShown'>,
): Pick<Handlers, `drafts:${string}` & keyof Handlers> {
  const shown = (requestId: string, kind: DraftKind): string => (queries.requireShown(requestId), modes.requireDraftShown(kind), requestId);
  return {
    'drafts:options': ({ requestId }) => drafts.draftOptions(requestId),
    'drafts:preview': ({ requestId, kind }) => drafts.preview(shown(requestId, kind), kind),
    'drafts:open': ({ requestId, kind }) => drafts.open(shown(requestId, kind), kind),
    'drafts:copy': ({ requestId, kind }) => drafts.copy(shown(requestId, kind), kind),
    'drafts:markSent': ({ requestId, kind, on, to }) => (drafts.markSent(requestId, kind, on, to), null),
  };
}
