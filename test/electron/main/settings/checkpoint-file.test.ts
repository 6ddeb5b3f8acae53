// The Member's rollback checkpoint lives in the OS user's own folder, outside the data folder, in a
// small file written atomically with owner-only permissions; a checkpoint an earlier version kept in
// the settings file is read until the first one is written in the new place.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointFolder, openCheckpointFile } from '../../../../electron/main/settings/checkpoint-file';
import { settingsCheckpointStore } from '../../../../electron/main/services/vault-gateway';
import { MemorySettingsStore } from '../../support/memory-settings-store';
import { tempDir } from '../vault/support';

describe('the checkpoint file', () => {
  it('is in a per-user folder outside the data folder on every platform', () => {
    expect(checkpointFolder('win32', { LOCALAPPDATA: 'C:\\Users\\jane\\AppData\\Local' }, 'C:\\Users\\jane')).toBe(
      path.join('C:\\Users\\jane\\AppData\\Local', 'Need to Know (this computer)'),
    );
    expect(checkpointFolder('win32', {}, '/home/jane')).toBe(path.join('/home/jane', 'AppData', 'Local', 'Need to Know (this computer)'));
    expect(checkpointFolder('linux', {}, '/home/jane')).toBe('/home/jane/.local/state/Need to Know (this computer)');
    expect(checkpointFolder('linux', { XDG_STATE_HOME: '/state' }, '/home/jane')).toBe('/state/Need to Know (this computer)');
    expect(checkpointFolder('darwin', {}, '/Users/jane')).toBe('/Users/jane/Library/Application Support/Need to Know (this computer)');
    // Never the data folder (Electron's userData, "Need to Know").
    for (const platform of ['win32', 'linux', 'darwin'])
      expect(path.basename(checkpointFolder(platform, {}, '/h'))).not.toBe('Need to Know');
  });

  it('keeps values across opens, owner-only, and reads a missing or damaged file as empty', () => {
    const folder = path.join(tempDir('cp-file'), 'nested');
    const store = openCheckpointFile(folder);
    expect(store.get('vaultCheckpoints')).toBeUndefined();
    store.set('vaultCheckpoints', { v1: 'one' });
    expect(openCheckpointFile(folder).get('vaultCheckpoints')).toEqual({ v1: 'one' });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toEqual({ vaultCheckpoints: { v1: 'one' } });
    writeFileSync(store.path, '{ not json');
    expect(openCheckpointFile(folder).get('vaultCheckpoints')).toBeUndefined();
  });

  it('reads a checkpoint the settings file kept until one is written to the file, and never writes the settings file', () => {
    const legacy = new MemorySettingsStore();
    legacy.set('vaultCheckpoints', { v1: 'from settings' });
    const file = openCheckpointFile(path.join(tempDir('cp-legacy'), 'cp'));
    const checkpoints = settingsCheckpointStore(file, undefined, legacy);
    expect(checkpoints.read('v1')).toBe('from settings');
    expect(checkpoints.read('v2')).toBeNull();
    checkpoints.write('v1', 'from the file');
    expect(checkpoints.read('v1')).toBe('from the file');
    expect(legacy.get('vaultCheckpoints')).toEqual({ v1: 'from settings' });
  });
});
