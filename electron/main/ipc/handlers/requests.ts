import type { Handlers } from '../router';
import type { RequestCommands } from '../../services/request-commands';
import type { RequestQueries } from '../../services/request-queries';
import type { RequestFollowUp } from '../../services/request-follow-up';

export const requestHandlers = (
  commands: RequestCommands,
  queries: RequestQueries,
  followUp: RequestFollowUp,
): Pick<Handlers, `requests:${string}` & keyof Handlers> => ({
  'requests:list': ({ offset, limit, query }) => queries.listPage(offset, limit, query),
  'requests:filterOptions': () => queries.filterOptions(),
  'requests:volume': () => queries.volume(),
  'requests:findByReference': ({ reference }) => queries.findByReference(reference),
  'requests:get': ({ id }) => queries.detail(id),
  'requests:create': (draft) => queries.detail(commands.create(draft)),
  'requests:logEvent': ({ id, event }) => queries.detail(followUp.logEvent(id, event)),
  'requests:edit': ({ id, changes, reason }) => queries.detail(commands.edit(id, changes, reason)),
  'requests:withdraw': ({ id, ...input }) => queries.detail(commands.withdraw(id, input)),
  'requests:close': ({ id, ...input }) => queries.detail(commands.close(id, input)),
  'requests:reopen': ({ id, ...input }) => queries.detail(commands.reopen(id, input)),
  'requests:correctEvent': ({ id, ...input }) => queries.detail(commands.correctEvent(id, input)),
  'requests:markChairNoticeSent': (input) => queries.detail(followUp.markChairNoticeSent(input)),
  // R-USE-1: the chair notice and the referral say what the request is about, so a hidden request's are refused.
  'requests:followUp': ({ id }) => followUp.view(queries.requireShown(id)),
  'requests:recordMoDecision': (input) => followUp.recordMoDecision({ ...input, id: queries.requireShown(input.id) }),
  'requests:escalate': (input) => followUp.escalate({ ...input, id: queries.requireShown(input.id) }),
});
