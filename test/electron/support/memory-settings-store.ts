import type { SettingsStore } from '../../../electron/main/settings/settings-store';

export class MemorySettingsStore implements SettingsStore {
  readonly path = '/memory/settings.json';
  readonly values = new Map<string, unknown>();
  get(key: string) {
    return this.values.get(key);
  }
  set(key: string, value: unknown) {
    this.values.set(key, value);
  }
  delete(key: string) {
    this.values.delete(key);
  }
}
