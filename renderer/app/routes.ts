export type RequestView = 'all' | 'overdue' | 'due-soon' | 'awaiting-mo' | 'chair-notices';

export type Route =
  | { name: 'today' }
  | { name: 'requests'; view?: RequestView }
  | { name: 'new-request' }
  | { name: 'request'; id: string }
  | { name: 'disclosure'; id: string }
  | { name: 'register' }
  | { name: 'retention' }
  | { name: 'held' }
  | { name: 'officers' }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'about' };

export type Navigate = (route: Route) => void;
