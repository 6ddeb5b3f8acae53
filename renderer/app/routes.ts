export type { RequestView } from '../../shared/domain/worklist';
import type { RequestView } from '../../shared/domain/worklist';

export type Route =
  | { name: 'today' }
  | { name: 'requests'; view?: RequestView }
  | { name: 'new-request' }
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
