import type { Handlers } from '../router';
import type { RequestCommands } from '../../services/request-commands';
import type { RequestQueries } from '../../services/request-queries';

export const requestHandlers = (commands: RequestCommands, queries: RequestQueries): Pick<Handlers, `requests:${string}` & keyof Handlers> => ({
  'requests:list': ({ offset, limit }) => queries.page(offset, limit),
  'requests:get': ({ id }) => queries.detail(id),
  'requests:create': (draft) => queries.detail(commands.create(draft)),
  'requests:logEvent': ({ id, event }) => queries.detail(commands.logEvent(id, event)),
  'requests:edit': ({ id, changes, reason }) => queries.detail(commands.edit(id, changes, reason)),
  'requests:withdraw': ({ id, ...input }) => queries.detail(commands.withdraw(id, input)),
  'requests:close': ({ id, ...input }) => queries.detail(commands.close(id, input)),
  'requests:reopen': ({ id, ...input }) => queries.detail(commands.reopen(id, input)),
  'requests:correctEvent': ({ id, ...input }) => queries.detail(commands.correctEvent(id, input)),
  'requests:markChairNoticeSent': ({ id, on }) => queries.detail(commands.markChairNoticeSent(id, on)),
});
