import { appSettingsSchema, defaultAppSettings, type AppSettings } from '../../../shared/domain/app-settings';
import type { EventHub } from './events';
import type { SettingsStore } from '../settings/settings-store';

/** Reads and changes preferences kept in electron-store. Validation comes from shared/domain. */
export class SettingsService {
  constructor(
    private readonly store: SettingsStore,
    private readonly events: EventHub,
  ) {}

  get(): AppSettings {
    // A value edited by hand into something invalid shows the default; the file is left as it is.
    const result = {} as Record<keyof AppSettings, unknown>;
    for (const key of Object.keys(defaultAppSettings) as (keyof AppSettings)[]) {
      const field = appSettingsSchema.shape[key].safeParse(this.store.get(key));
      result[key] = field.success ? field.data : defaultAppSettings[key];
    }
    return result as AppSettings;
  }

  setAutoLockMinutes(minutes: number): AppSettings {
    const valid = appSettingsSchema.shape.autoLockMinutes.parse(minutes);
    this.store.set('autoLockMinutes', valid);
    const settings = this.get();
    this.events.emit('settings:changed', settings);
    return settings;
  }

  get file(): string {
    return this.store.path;
  }
}
