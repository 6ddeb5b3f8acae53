import { appSettingsSchema, defaultAppSettings, type AppSettings } from '../../../shared/domain/app-settings';
import type { EventHub } from './events';
import type { SettingsStore } from '../settings/settings-store';

/** Reads and changes preferences kept in electron-store. Validation comes from shared/domain. */
export class SettingsService {
  private readonly warned = new Set<string>();

  constructor(
    private readonly store: SettingsStore,
    private readonly events: EventHub,
    private readonly logger: { warn(message: string): void } = { warn: (m) => console.warn(m) },
  ) {}

  get(): AppSettings {
    // A value edited by hand into something invalid shows the default, with a warning in the log
    // (once per key); the file is left as it is. Only own keys of the defaults are read.
    const result = Object.create(null) as Record<keyof AppSettings, unknown>;
    for (const key of Object.keys(defaultAppSettings) as (keyof AppSettings)[]) {
      const saved = this.store.get(key);
      const field = appSettingsSchema.shape[key].safeParse(saved);
      if (!field.success && saved !== undefined && !this.warned.has(key)) {
        this.warned.add(key);
        this.logger.warn(`The setting "${key}" in the settings file is not valid; the default is used.`);
      }
      result[key] = field.success ? field.data : defaultAppSettings[key];
    }
    return { ...result } as AppSettings;
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
