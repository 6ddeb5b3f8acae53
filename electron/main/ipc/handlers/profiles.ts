import type { Handlers } from '../router';
import type { CouncilProfileService } from '../../services/council-profile-service';

export const profileHandlers = (profiles: CouncilProfileService): Pick<Handlers, 'profiles:list' | 'profiles:copy' | 'profiles:save'> => ({
  'profiles:list': () => profiles.list(),
  'profiles:copy': ({ sourceId, name }) => profiles.copy(sourceId, name),
  'profiles:save': (profile) => profiles.save(profile),
});
