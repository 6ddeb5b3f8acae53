// A command belongs to the session that started it, and a lock during an unlock wins. Each case
// holds a command in its wait (a slow parse worker, an open dialog, a slow key derivation), locks,
// lets someone else (or the same user) unlock, then lets the command finish: it must save nothing,
// in either tier, and say so in plain words; an unlock overtaken by a lock must leave the app locked.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileVaultGateway, type OpenVault } from '../../../../electron/main/services/vault-gateway';
import type { AttachmentDialogs } from '../../../../electron/main/services/attachment-service';
import type { MeetingImportSources } from '../../../../electron/main/calendar/meeting-import-service';
import { MEMBER_PASS, PA_PASS, coreBehindIpc, draft, seededCase } from '../../support/core';
import { fakeDesk } from '../../support/mail';
import { officerReply } from '../../../../tools/fixtures/mail';
import { MODERNGOV_MEETING } from '../calendar/fixtures';
import { workerSource } from '../../../../electron/main/workers/run';
import type { VaultFs } from '../../../../electron/main/vault';
import { keysCleared } from '../vault/support';

/**
 * The parse worker made slow (injected through the core): it notes that it started, then waits for
 * the gate file before the real worker code runs, so the test can lock and unlock while the email is
 * being read. Returns the source and the two files.
 */
function slowParseWorker() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-gate-'));
  const started = path.join(folder, 'started');
  const gate = path.join(folder, 'go');
  const source = `{ const fs = require('node:fs'); fs.writeFileSync(${JSON.stringify(started)}, '');
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (!fs.existsSync(${JSON.stringify(gate)})) Atomics.wait(nap, 0, 0, 20); }\n${workerSource('parse')}`;
  return {
    source,
    started: () => vi.waitFor(() => expect(existsSync(started)).toBe(true), { timeout: 20_000 }),
    open: () => writeFileSync(gate, 'go'),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

type Result = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function expectLockedBefore(result: Result, words: RegExp) {
  expect(result).toMatchObject({ ok: false, error: { code: 'locked' } });
  if (!result.ok) {
    expect(result.error.message).toMatch(/^The app was locked before .+\. Nothing was saved; .+ after unlocking\.$/);
    expect(result.error.message).toMatch(words);
  }
}

/**
 * Every file in the vault folder with a hash of its bytes: unchanged means nothing was saved, in any
 * tier, nor any file sealed. Read from the in-memory file layer the test's vault lives on (ctx.files).
 */
function vaultFiles(ctx: { files: VaultFs; dataFolder: string }): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!ctx.files.existsSync(dir)) return;
    for (const name of ctx.files.readdirSync(dir)) {
      const file = path.join(dir, name);
      let bytes: Buffer;
      try {
        bytes = ctx.files.readFileSync(file);
      } catch {
        walk(file); // a folder
        continue;
      }
      out[path.relative(ctx.dataFolder, file)] = createHash('sha256').update(bytes).digest('hex');
    }
  };
  walk(path.join(ctx.dataFolder, 'vault'));
  // A vault is there to compare: an empty listing would make "unchanged" prove nothing.
  expect(Object.keys(out).length).toBeGreaterThan(0);
  return out;
}

/** A Member with a PA, both able to sign in; `signIn` locks and unlocks as one of them. */
async function memberAndPa(extra: Parameters<typeof seededCase>[1] = {}) {
  const ctx = await seededCase('2026-11-24', extra);
  const member = (await ctx.ok('users:list')).find((u: { role: string }) => u.role === 'member')!;
  const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
  const signIn = async (who: 'member' | 'pa') => {
    await ctx.ok('session:lock');
    await ctx.ok(
      'session:unlock',
      who === 'member' ? { userId: member.id, passphrase: MEMBER_PASS } : { userId: pa.id, passphrase: PA_PASS },
    );
  };
  const auditCount = () => (ctx.core.session.requireVault() as OpenVault).records.auditTrail().length;
  return { ...ctx, member, pa, signIn, auditCount };
}

describe('a command belongs to the session that started it', () => {
  it('an email import of a Member-only reply, still parsing when the Member locks and the PA unlocks, saves nothing anywhere', async () => {
    const { desk } = fakeDesk();
    const worker = slowParseWorker();
    const ctx = await memberAndPa({ mailDesk: desk, parseWorkerSource: worker.source });
    const secret = await ctx.ok(
      'requests:create',
      draft({ officerId: ctx.officer.id, meetingId: ctx.meeting.id, subject: 'Whistleblowing complaint', memberOnly: true }),
    );
    const reply = await officerReply({
      subject: `RE: Whistleblowing complaint [${secret.row.reference}]`,
      from: 'sam.green@example-council.gov.uk',
      to: 'cllr.smith@example-council.gov.uk',
      text: 'The complainant is named in the attached note.',
    });
    const auditBefore = ctx.auditCount();
    const filesBefore = vaultFiles(ctx);

    const importing = ctx.call('correspondence:import', { files: [{ name: 'reply.eml', bytes: reply }] }) as Promise<Result>;
    await worker.started();
    await ctx.signIn('pa');
    worker.open(); // the worker may answer now (on the old code it did, into the PA's session)
    const result = await importing;

    expectLockedBefore(result, /the email was imported.*import it again/);
    expect(vaultFiles(ctx)).toEqual(filesBefore);
    expect(await ctx.ok('correspondence:unfiled')).toEqual({ items: [], memberOnlyCount: 0 });
    await ctx.signIn('member');
    expect(await ctx.ok('correspondence:unfiled')).toEqual({ items: [], memberOnlyCount: 0 });
    expect(await ctx.ok('correspondence:forRequest', { requestId: secret.row.id })).toEqual([]);
    expect(ctx.auditCount()).toBe(auditBefore);
  });

  it('a lock stops the parse worker at once: the import answers without waiting for the worker', async () => {
    const { desk } = fakeDesk();
    const worker = slowParseWorker();
    const ctx = await memberAndPa({ mailDesk: desk, parseWorkerSource: worker.source });
    const importing = ctx.call('correspondence:import', {
      files: [{ name: 'reply.eml', bytes: await officerReply({ subject: `RE: [${ctx.request.row.reference}]` }) }],
    }) as Promise<Result>;
    await worker.started();
    const t0 = Date.now();
    await ctx.ok('session:lock');
    // The gate never opens: only terminating the worker lets the import answer (before its time limit).
    expectLockedBefore(await importing, /the email was imported/);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('a meetings preview whose file dialog was open across a lock is refused, and nothing can be applied in the next session', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-meetings-'));
    const file = path.join(folder, 'council.xml');
    writeFileSync(file, MODERNGOV_MEETING);
    let dialog = deferred<string | null>();
    const sources: MeetingImportSources = { chooseFile: () => dialog.promise };
    const ctx = coreBehindIpc('2026-11-28', { meetingImport: sources });
    await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
    const member = (await ctx.ok('users:list'))[0]!;
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });

    // The Member locks and unlocks again while the dialog is open: the old preview must not carry over.
    const previewing = ctx.call('meetings:importPreview', { from: 'moderngov-file' }) as Promise<Result>;
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS });
    dialog.resolve(file);
    expectLockedBefore(await previewing, /the meetings were imported.*import them again/);
    expect(await ctx.ok('meetings:list')).toEqual([]);

    // The same with the PA signing in meanwhile.
    dialog = deferred<string | null>();
    const again = ctx.call('meetings:importPreview', { from: 'moderngov-file' }) as Promise<Result>;
    await ctx.ok('session:lock');
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
    dialog.resolve(file);
    expectLockedBefore(await again, /the meetings were imported/);
    expect(await ctx.ok('meetings:list')).toEqual([]);
  });

  it('files picked to attach while the Member locks and the PA unlocks are not attached, sealed or audited', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-attach-'));
    const picked = path.join(folder, 'valuation.pdf');
    writeFileSync(picked, '%PDF-1.4 valuation');
    const dialog = deferred<string[]>();
    const dialogs: AttachmentDialogs = { chooseAttachments: () => dialog.promise, chooseExportTarget: async () => null };
    const ctx = await memberAndPa({ attachmentDialogs: dialogs });
    await ctx.signIn('member');
    const material = await ctx.ok('materials:add', {
      requestId: ctx.request.row.id,
      title: 'Depot site plan',
      receivedOn: '2026-11-20',
      summary: 'The plan',
      classification: { level: 'open' },
      isBriefing: false,
      personalData: { personal: false, specialCategory: false, retainUntil: null },
    });
    const auditBefore = ctx.auditCount();
    const filesBefore = vaultFiles(ctx);
    const attaching = ctx.call('attachments:add', { materialId: material.id }) as Promise<Result>;
    await ctx.signIn('pa');
    dialog.resolve([picked]);
    expectLockedBefore(await attaching, /the files were attached.*attach them again/);
    expect(vaultFiles(ctx)).toEqual(filesBefore);
    expect((await ctx.ok('materials:view', { id: material.id })).attachments).toEqual([]);
    await ctx.signIn('member');
    expect(ctx.auditCount()).toBe(auditBefore);
  });

  it('what a PA records as arrived, with the dialog open across a lock and the Member’s unlock, is not recorded for the Member', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-arrival-'));
    const picked = path.join(folder, 'letter.pdf');
    writeFileSync(picked, '%PDF-1.4 letter');
    const dialog = deferred<string[]>();
    const dialogs: AttachmentDialogs = { chooseAttachments: () => dialog.promise, chooseExportTarget: async () => null };
    const ctx = await memberAndPa({ attachmentDialogs: dialogs });
    await ctx.signIn('pa');
    const filesBefore = vaultFiles(ctx);
    const recording = ctx.call('arrivals:record', {
      requestId: ctx.request.row.id,
      title: 'Letter from the Director',
      summary: '',
      files: [],
      pick: true,
    }) as Promise<Result>;
    await ctx.signIn('member');
    dialog.resolve([picked]);
    expectLockedBefore(await recording, /the item was recorded.*record it again/);
    expect(vaultFiles(ctx)).toEqual(filesBefore);
    expect(await ctx.ok('arrivals:list', {})).toEqual([]);
  });
});

describe('other commands that wait for the user: the mail program, the save dialogs', () => {
  it('a draft whose mail program opens across a lock and the PA’s unlock is not recorded in the PA’s session', async () => {
    const { desk } = fakeDesk();
    const opening = deferred<string>();
    const ctx = await memberAndPa({ mailDesk: { ...desk, openPath: () => opening.promise } });
    await ctx.signIn('member');
    const filesBefore = vaultFiles(ctx);
    const drafting = ctx.call('drafts:open', { requestId: ctx.request.row.id, kind: 'request' }) as Promise<Result>;
    await ctx.signIn('pa');
    opening.resolve('');
    expectLockedBefore(await drafting, /the draft was opened.*open it again/);
    expect(vaultFiles(ctx)).toEqual(filesBefore);
  });

  it('a report saved as PDF across a lock and the PA’s unlock writes no file and no audit event', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-report-'));
    const target = path.join(folder, 'report.pdf');
    const chosen = deferred<string | null>();
    const ctx = await memberAndPa({
      reportPrinter: { chooseTarget: () => chosen.promise, printToPdf: async () => Buffer.from('%PDF-1.7\n%%EOF\n') },
    });
    await ctx.signIn('member');
    await ctx.ok('requests:create', draft({ officerId: ctx.officer.id, subject: 'Whistleblowing concern', memberOnly: true }));
    const auditBefore = ctx.auditCount();
    const saving = ctx.call('reports:savePdf', { kind: 'outstanding', includeMemberOnly: true }) as Promise<Result>;
    await ctx.signIn('pa');
    chosen.resolve(target);
    expectLockedBefore(await saving, /the report was saved.*save it again/);
    expect(existsSync(target)).toBe(false);
    await ctx.signIn('member');
    expect(ctx.auditCount()).toBe(auditBefore);
  });

  it('a backup whose save dialog was open across a lock and the PA’s unlock is not made, nor audited as the PA’s', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ntk-backup-'));
    const target = path.join(folder, 'backup.ntkbackup');
    const chosen = deferred<string | null>();
    const ctx = await memberAndPa({ dialogs: { chooseBackupTarget: () => chosen.promise, chooseBackupSource: async () => null } });
    await ctx.signIn('member');
    const auditBefore = ctx.auditCount();
    const backingUp = ctx.call('vault:backup') as Promise<Result>;
    await ctx.signIn('pa');
    chosen.resolve(target);
    expectLockedBefore(await backingUp, /the backup was made.*make it again/);
    expect(ctx.files.existsSync(target)).toBe(false);
    await ctx.signIn('member');
    expect(ctx.auditCount()).toBe(auditBefore);
  });
});

describe('a lock during an unlock wins', () => {
  /** Holds the gateway's answer (the keys, derived) until the test lets it go: a slow key derivation. */
  function slowGateway(method: 'unlock' | 'create') {
    const release = deferred();
    const opened: OpenVault[] = [];
    const real = FileVaultGateway.prototype[method] as (...args: unknown[]) => Promise<OpenVault>;
    vi.spyOn(FileVaultGateway.prototype, method).mockImplementation(async function (this: FileVaultGateway, ...args: unknown[]) {
      const vault = await real.apply(this, args);
      opened.push(vault);
      await release.promise;
      return vault;
    } as never);
    return { release: release.resolve, opened };
  }

  it('the OS lock screen during the key derivation of an unlock: the keys are wiped and the app stays locked', async () => {
    const ctx = coreBehindIpc();
    await ctx.ok('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS });
    const member = (await ctx.ok('users:list'))[0]!;
    await ctx.ok('session:lock');
    const slowKdf = slowGateway('unlock');
    const unlocking = ctx.call('session:unlock', { userId: member.id, passphrase: MEMBER_PASS }) as Promise<Result>;
    await vi.waitFor(() => expect(slowKdf.opened).toHaveLength(1));
    await ctx.core.session.lock('os-lock');
    slowKdf.release();
    const result = await unlocking;

    expect(result).toMatchObject({ ok: true, value: { state: 'locked', reason: 'Locked because this computer was locked.' } });
    expect(keysCleared(slowKdf.opened[0]!.records)).toBe(true);
    expect(await ctx.ok('session:getState')).toMatchObject({ state: 'locked' });
    expect(await ctx.call('officers:list')).toMatchObject({ ok: false, error: { code: 'locked' } });
    // Unlocking again afterwards works as usual.
    vi.restoreAllMocks();
    expect(await ctx.ok('session:unlock', { userId: member.id, passphrase: MEMBER_PASS })).toMatchObject({ state: 'unlocked' });
  });

  it('sleep during the key derivation of a new vault: the vault is made, but the app stays locked with its keys wiped', async () => {
    const ctx = coreBehindIpc();
    const slowKdf = slowGateway('create');
    const creating = ctx.call('session:setUp', { memberName: 'Cllr Jane Smith', passphrase: MEMBER_PASS }) as Promise<Result>;
    await vi.waitFor(() => expect(slowKdf.opened).toHaveLength(1));
    await ctx.core.session.lock('suspend');
    slowKdf.release();

    expect(await creating).toMatchObject({ ok: true, value: { state: 'locked', reason: 'Locked because this computer went to sleep.' } });
    expect(keysCleared(slowKdf.opened[0]!.records)).toBe(true);
    expect(await ctx.call('officers:list')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
