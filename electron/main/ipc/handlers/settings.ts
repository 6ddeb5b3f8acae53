import type { Handlers } from '../router';
import type { SettingsService } from '../../services/settings-service';

export const settingsHandlers = (settings: SettingsService): Pick<Handlers, 'settings:get' | 'settings:setAutoLockMinutes'> => ({
  'settings:get': () => settings.get(),
  'settings:setAutoLockMinutes': ({ minutes }) => settings.setAutoLockMinutes(minutes),
});
