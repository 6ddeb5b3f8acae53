import type { Handlers } from '../router';
import type { CouncilSettingsService } from '../../services/council-settings-service';

export const councilHandlers = (council: CouncilSettingsService): Pick<Handlers, `council:${string}` & keyof Handlers> => ({
  'council:get': () => council.view(),
  'council:set': (settings) => council.change(settings),
});
