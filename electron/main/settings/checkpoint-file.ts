// Where the Member's rollback checkpoints are kept: a small file in a folder of the operating-system
// user's own, outside the data folder, so a PA with their own login and the data folder cannot delete
// or replay it (docs/IT-GUIDE.md, "Where the data lives"). A PA who shares the Member's login can:
// nothing a program stores under one login is out of reach of another person using the same login.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SettingsStore } from './settings-store';

const FOLDER = 'Need to Know (this computer)';
const FILE = 'checkpoints.json';

/**
 * The per-user folder for this computer's checkpoints: local (never roaming) application data on
 * Windows, the state folder on Linux, the user's Application Support on macOS. Never the data folder.
 */
export function checkpointFolder(platform: string, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', FOLDER);
  return path.join(env.XDG_STATE_HOME || path.join(home, '.local', 'state'), FOLDER);
}

/** A tiny key-value file (get/set, as the settings store), written atomically with owner-only permissions. */
export function openCheckpointFile(folder: string): Pick<SettingsStore, 'get' | 'set' | 'path'> {
  const file = path.join(folder, FILE);
  const all = (): Record<string, unknown> => {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      // Missing or unreadable: no checkpoint, which the vault reports at the Member's unlock.
      return {};
    }
  };
  return {
    path: file,
    get: (key) => {
      const values = all();
      return Object.hasOwn(values, key) ? values[key] : undefined;
    },
    set: (key, value) => {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const next = { ...all(), [key]: value };
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
  };
}
