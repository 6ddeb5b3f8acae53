import type { Handlers } from '../router';
import type { DirectoryService } from '../../services/directory-service';

export const officerHandlers = (directory: DirectoryService): Pick<Handlers, `officers:${string}` & keyof Handlers> => ({
  'officers:list': () => directory.officers(),
  'officers:save': (input) => directory.saveOfficer(input),
  'officers:warning': ({ officerId }) => ({ warning: directory.officerWarning(officerId) }),
  'officers:retire': ({ id }) => directory.retireOfficer(id),
  'officers:reinstate': ({ id }) => directory.reinstateOfficer(id),
  'officers:requestCounts': () => directory.officerRequestCounts(),
});
