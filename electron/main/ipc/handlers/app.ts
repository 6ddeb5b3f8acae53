import type { Handlers } from '../router';
import type { StatusService } from '../../services/status-service';

export const appHandlers = (status: StatusService): Pick<Handlers, 'app:getStatus'> => ({
  'app:getStatus': () => status.status(),
});
