import type { Handlers } from '../router';
import type { RequestCommands } from '../../services/request-commands';
import type { RequestQueries } from '../../services/request-queries';
import type { RequestFollowUp } from '../../services/request-follow-up';

export const requestHandlers = (commands: RequestCommands, queries: RequestQueries, followUp: RequestFollowUp): Pick<Handlers, `requests:${string}` & keyof Handlers> => ({
  'requests:list': ({ offset, limit }) => queries.page(offset, limit),
  'requests:get': ({ id }) => queries.detail(id),
  'requests:create': (draft) => queries.detail(commands.create(draft)),
  'requests:logEvent': ({ id, event }) => queries.detail(followUp.logEvent(id, event)),
  'requests:markChairNoticeSent': (input) => queries.detail(followUp.markChairNoticeSent(input)),
  'requests:followUp': ({ id }) => followUp.view(id),
  'requests:recordMoDecision': (input) => followUp.recordMoDecision(input),
  'requests:escalate': (input) => followUp.escalate(input),
});
