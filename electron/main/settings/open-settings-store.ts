import Store from 'electron-store';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { SettingsStore } from './settings-store';

export interface OpenedSettings {
  store: SettingsStore;
  /** Set when a settings file could not be read and was moved aside (never deleted). */
  warning?: string;
}

/**
 * electron-store holds preferences only (anything a rule reads is in the vault, authenticated). A settings file that cannot be parsed is
 * renamed, not wiped, and the user is told where it went.
 */
export function openSettingsStore(folder: string, now: () => Date = () => new Date()): OpenedSettings {
  const open = () => new Store({ cwd: folder, name: 'settings', clearInvalidConfig: false });
  try {
    return { store: open() };
  } catch (error) {
    const file = path.join(folder, 'settings.json');
    if (!existsSync(file)) throw error;
    const aside = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, aside);
    return {
      store: open(),
      warning: `The settings file could not be read, so default settings are in use. The old file was kept as ${aside}.`,
    };
  }
}
