import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type CoreDeps } from '../../../electron/main/core';
import { handle } from '../../../electron/main/ipc/handle';
import type { InputOf, InvokeChannel, OutputOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import { ipcMain, resetElectronMock } from '../../mocks/electron';
import { MemoryFiles } from './memory-files';
import { MemorySettingsStore } from './memory-settings-store';
import { draft } from './request-draft';

export { draft };

export const APP_FRAME = { url: 'app://need-to-know/index.html', parent: null };
export const MEMBER_PASS = 'correct horse battery staple';
export const PA_PASS = 'violet kettle harbour ninety';

/**
 * The real core behind the mocked ipcMain: calls go through handle() exactly as the renderer's would.
 * The vault's files are in memory (`files`) unless `extra.files` says otherwise, so saves do not wait
 * on fsync; the data folder itself is a real, empty temp folder for whatever else a test puts there.
 */
export function coreBehindIpc(today = '2026-11-24', extra: Partial<CoreDeps> = {}) {
  resetElectronMock();
  const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'ntk-core-'));
  const settingsStore = new MemorySettingsStore();
  const files = extra.files ?? new MemoryFiles();
  const core = createCore({
    identity: { appName: 'Need to Know', appVersion: 'test', dataFolder, platform: 'test', runtime: 'test' },
    settingsStore,
    dialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => null },
    kdf: { m: 19 * 1024, t: 2, p: 1 },
    // Noon UTC is the same day on the UK clock in summer and winter.
    now: () => new Date(`${today}T12:00:00Z`),
    logger: { error: (m, e) => console.error(m, e) },
    ...extra,
    files,
  });
  handle(ipcMain, core.dispatch);
  /** Any channel, any input, as a hostile page could send: the raw result. */
  const call = async (channel: string, input?: unknown) => ipcMain.invokeFrom(APP_FRAME, channel, input);
  /** A contract channel with its input type; resolves to its output type (the contract is the only source of both). */
  const invoke = async <C extends InvokeChannel>(
    channel: C,
    ...input: undefined extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]
  ): Promise<Result<OutputOf<C>>> => (await call(channel, input[0])) as Result<OutputOf<C>>;
  /** Like invoke, but throws unless the call succeeded and returns the value. */
  function ok<C extends InvokeChannel>(
    channel: C,
    ...input: undefined extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]
  ): Promise<OutputOf<C>>;
  /** Loose form for tests that send deliberately partial or unusual input. */
  function ok<T = any>(channel: string, input?: unknown): Promise<T>;
  async function ok(channel: string, input?: unknown): Promise<unknown> {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  return { core, call, invoke, ok, settingsStore, dataFolder, files };
}

/** A Member with a council set up, an officer, a meeting and one request. */
export async function seededCase(today = '2026-11-24', extra: Partial<CoreDeps> = {}) {
  const ctx = coreBehindIpc(today, extra);
  await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
  await ctx.ok('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
  const officer = await ctx.ok('officers:save', {
    name: 'Sam Green',
    service: 'Estates',
    role: 'Head of Estates',
    seniority: 'head-of-service',
    email: 'sam.green@example-council.gov.uk',
  });
  const meeting = await ctx.ok('meetings:save', { committee: 'Cabinet', date: '2026-12-02', agendaItems: ['Item 9: depot disposal'] });
  const request = await ctx.ok('requests:create', draft({ officerId: officer.id, meetingId: meeting.id }));
  return { ...ctx, officer, meeting, request };
}

/** Adds a PA ("Pat PA") to a Member's case, and `as(role)` to lock and unlock as either with their real passphrase. */
export async function withPa<T extends { ok: ReturnType<typeof coreBehindIpc>['ok'] }>(ctx: T) {
  await ctx.ok('users:addPa', { name: 'Pat PA', passphrase: PA_PASS });
  const users = await ctx.ok('users:list');
  const id = (role: 'member' | 'pa') => users.find((u) => u.role === role)!.id;
  const as = async (role: 'member' | 'pa') => {
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: id(role), passphrase: role === 'pa' ? PA_PASS : MEMBER_PASS });
  };
  return { ...ctx, as, id };
}
