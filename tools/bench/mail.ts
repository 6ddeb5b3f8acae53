// Officers' email: importing a 10 MB .msg and a 10 MB .eml through the real core (parse,
// match, seal in the vault), and matching 1,000 messages against 50,000 requests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/main/core';
import type { SettingsStore } from '../../electron/main/settings/settings-store';
import { buildMatchIndex, matchMessage } from '../../shared/domain/correspondence';
import { buildMsg, filler, officerReply } from '../fixtures/mail';

const mb = (n: number) => Math.round(n / 1024 / 1024);

class MemoryStore implements SettingsStore {
  readonly path = '/memory/settings.json';
  private readonly values = new Map<string, unknown>();
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

export async function runMailBench(): Promise<Array<Record<string, unknown>>> {
  const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'ntk-mail-bench-'));
  const core = createCore({
    identity: { appName: 'Need to Know', appVersion: 'bench', dataFolder, platform: 'bench', runtime: 'bench' },
    settingsStore: new MemoryStore(),
    dialogs: { chooseBackupTarget: async () => null, chooseBackupSource: async () => null },
    kdf: { m: 19 * 1024, t: 2, p: 1 },
    logger: { error: () => undefined },
  });
  const call = async <T = { imported: unknown[]; refused: unknown[] }>(channel: string, input?: unknown): Promise<T> => {
    const r = await core.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  const rows: Array<Record<string, unknown>> = [];
  try {
    await call('session:setUp', { memberName: 'Cllr Bench', passphrase: 'correct horse battery staple' });
    await call('council:set', { profileId: '000', nation: 'england-and-wales', emailDomain: 'example-council.gov.uk' });
    // A 10 MB file each: the .eml's attachment is base64, a third larger on disk, so it carries 3/4 of the bytes.
    const attachment = filler(10 * 1024 * 1024 - 64 * 1024);
    const files = {
      '.msg': buildMsg({
        subject: 'RE: plans',
        from: { name: 'Sam', email: 'sam@example-council.gov.uk' },
        to: [{ name: 'Cllr', email: 'cllr@example-council.gov.uk' }],
        body: 'See attached.',
        attachments: [{ name: 'plans.pdf', content: attachment }],
      }),
      '.eml': await officerReply({
        from: 'sam@example-council.gov.uk',
        to: 'cllr@example-council.gov.uk',
        subject: 'RE: plans',
        messageId: '<bench@x>',
        attachments: [{ filename: 'plans.pdf', content: Buffer.from(attachment.subarray(0, Math.floor((attachment.length * 3) / 4))) }],
      }),
    };
    for (const [ext, bytes] of Object.entries(files)) {
      global.gc?.();
      const before = process.memoryUsage().rss;
      const start = performance.now();
      const result = await call('correspondence:import', { files: [{ name: `bench${ext}`, bytes }] });
      const ms = performance.now() - start;
      if (result.imported.length !== 1) throw new Error(`${ext} was not imported: ${JSON.stringify(result.refused)}`);
      rows.push({
        case: `import ${ext}`,
        size_mb: (bytes.length / 1024 / 1024).toFixed(1),
        ms: Math.round(ms),
        rss_mb: mb(process.memoryUsage().rss),
        rss_growth_mb: mb(process.memoryUsage().rss - before),
      });
    }
  } finally {
    core.dispose();
    rmSync(dataFolder, { recursive: true, force: true });
  }

  // Matching: 50,000 requests, each with a recorded draft; 1,000 replies found by each route in turn.
  const requests = Array.from({ length: 50_000 }, (_, i) => ({ id: `r${i}`, reference: `NTK-2026-${String(i + 1).padStart(5, '0')}` }));
  const threadIndex = (i: number) => Buffer.concat([Buffer.alloc(6, 1), Buffer.from(String(i).padStart(16, '0'))]).toString('base64');
  const drafts = requests.map((r, i) => ({
    requestId: r.id,
    messageId: `<d${i}@example-council.gov.uk>`,
    threadIndex: threadIndex(i),
    subject: `Subject ${i} [${r.reference}]`,
  }));
  const startIndex = performance.now();
  const index = buildMatchIndex(requests, drafts);
  const indexMs = performance.now() - startIndex;
  const messages = Array.from({ length: 1_000 }, (_, k) => {
    const i = (k * 49) % 50_000;
    const base = {
      subject: 'RE: your email',
      text: 'Dear Councillor, '.repeat(200),
      inReplyTo: null as string | null,
      references: [] as string[],
      threadIndex: null as string | null,
      threadTopic: null as string | null,
    };
    if (k % 4 === 0) return { ...base, subject: `RE: Subject ${i} [${requests[i]!.reference}]` };
    if (k % 4 === 1) return { ...base, inReplyTo: `<d${i}@example-council.gov.uk>` };
    if (k % 4 === 2)
      return { ...base, threadIndex: Buffer.concat([Buffer.from(threadIndex(i), 'base64'), Buffer.alloc(5, 2)]).toString('base64') };
    return base;
  });
  const startMatch = performance.now();
  const matched = messages.filter((m) => matchMessage(m, index)).length;
  const matchMs = performance.now() - startMatch;
  rows.push({
    case: 'match 1,000 vs 50,000',
    size_mb: '-',
    ms: `${Math.round(indexMs)} index + ${matchMs.toFixed(1)} match (${matched} matched)`,
    rss_mb: mb(process.memoryUsage().rss),
    rss_growth_mb: '-',
  });
  return rows;
}
