import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MailDesk } from '../../../electron/main/services/correspondence-ports';
import { seededCase } from './core';

/** The computer's side of drafts, recorded: files opened, text copied, the files "chosen" and the export target. */
export function fakeDesk() {
  const d = {
    opened: [] as Array<{ file: string; content: string; mode: number; dirMode: number }>,
    copied: [] as string[],
    picks: [] as string[],
    target: null as string | null,
  };
  const desk: MailDesk = {
    openPath: async (file) => {
      d.opened.push({
        file,
        content: readFileSync(file, 'utf8'),
        mode: statSync(file).mode & 0o777,
        dirMode: statSync(path.dirname(file)).mode & 0o777,
      });
      return '';
    },
    copyText: (text) => void d.copied.push(text),
    chooseMessages: async () => d.picks,
    chooseExportTarget: async () => d.target,
  };
  return { d, desk };
}

/** A Member with one request (NTK reference), a fake mail desk and a count of the vault's blobs. */
export async function setUp() {
  const fake = fakeDesk();
  const ctx = await seededCase('2026-11-24', { mailDesk: fake.desk });
  const blobs = () => {
    const dir = path.join(ctx.dataFolder, 'vault', 'blobs');
    // The vault lives on the test's in-memory file layer (ctx.files), not on the disk.
    return ctx.files.existsSync(dir) ? ctx.files.readdirSync(dir).filter((f) => f.endsWith('.blob')).length : 0;
  };
  const imp = (files: Array<{ name: string; bytes: Uint8Array }>) => ctx.ok('correspondence:import', { files });
  return { ...ctx, ...fake, blobs, imp, ref: ctx.request.row.reference as string, requestId: ctx.request.row.id as string };
}
