import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../../electron/main/settings/open-settings-store';
import { EventHub } from '../../../../electron/main/services/events';
import { SettingsService } from '../../../../electron/main/services/settings-service';

const freshFolder = () => mkdtempSync(path.join(os.tmpdir(), 'ntk-settings-'));

describe('settings in electron-store', () => {
  it('keeps the auto-lock minutes across a reopen', () => {
    const folder = freshFolder();
    const first = new SettingsService(openSettingsStore(folder).store, new EventHub());
    expect(first.get().autoLockMinutes).toBe(5);
    first.setAutoLockMinutes(15);
    const again = new SettingsService(openSettingsStore(folder).store, new EventHub());
    expect(again.get().autoLockMinutes).toBe(15);
  });

  it('refuses a bad value and leaves the saved one alone', () => {
    const folder = freshFolder();
    const service = new SettingsService(openSettingsStore(folder).store, new EventHub());
    service.setAutoLockMinutes(10);
    expect(() => service.setAutoLockMinutes(0)).toThrow(/at least 1 minute/);
    expect(() => service.setAutoLockMinutes(61)).toThrow(/at most 60/);
    expect(JSON.parse(readFileSync(path.join(folder, 'settings.json'), 'utf8')).autoLockMinutes).toBe(10);
  });

  it('moves an unreadable settings file aside instead of wiping it', () => {
    const folder = freshFolder();
    writeFileSync(path.join(folder, 'settings.json'), '{ not json');
    const opened = openSettingsStore(folder, () => new Date('2026-11-24T10:00:00Z'));
    expect(opened.warning).toMatch(/could not be read/);
    const aside = readdirSync(folder).find((f) => f.startsWith('settings.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(folder, aside!), 'utf8')).toBe('{ not json');
  });

  it('shows the default for a value edited by hand into nonsense, without rewriting the file', () => {
    const folder = freshFolder();
    writeFileSync(path.join(folder, 'settings.json'), JSON.stringify({ autoLockMinutes: 'never' }));
    const service = new SettingsService(openSettingsStore(folder).store, new EventHub());
    expect(service.get().autoLockMinutes).toBe(5);
    expect(JSON.parse(readFileSync(path.join(folder, 'settings.json'), 'utf8')).autoLockMinutes).toBe('never');
  });
});
