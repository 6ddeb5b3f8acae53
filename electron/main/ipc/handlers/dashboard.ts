import type { Handlers } from '../router';
import type { RequestQueries } from '../../services/request-queries';

export const dashboardHandlers = (queries: RequestQueries): Pick<Handlers, `dashboard:${string}` & keyof Handlers> => ({
  'dashboard:get': () => queries.dashboard(),
});
