export type { RequestView } from '../../shared/domain/worklist';
import type { RequestView } from '../../shared/domain/worklist';
import type { RequestDraft } from '../../shared/domain/requests';

export type Route =
  | { name: 'today' }
  | { name: 'requests'; view?: RequestView }
  /** `prefill`: a new request started from another (e.g. FOI after the Monitoring Officer refused, R-ASK-5). */
  | { name: 'new-request'; prefill?: Partial<RequestDraft> }
  | { name: 'request'; id: string }
  | { name: 'disclosure'; id: string }
  | { name: 'register' }
  | { name: 'retention' }
  | { name: 'held' }
  | { name: 'unfiled' }
  | { name: 'officers' }
  | { name: 'reports'; requestId?: string }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'about' };

export type Navigate = (route: Route) => void;
