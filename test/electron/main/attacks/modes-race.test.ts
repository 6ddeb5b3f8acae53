// R-USE-1 with a race: the Member turns public-meeting mode on while a save dialog is open (the page
// asked in normal use). Whatever was asked, nothing the mode now hides is written, printed or audited as saved.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARIES, seeded, type Seeded } from './modes-support';

const attempts: Array<{ name: string; run: (s: Seeded) => Promise<unknown> }> = [
  {
    name: 'a pink paper’s file, approved for disclosure',
    run: (s) => s.call('attachments:export', { materialId: s.ids.materials[0], attachmentId: s.ids.attachments[0] }),
  },
  { name: 'a Member-only email’s original', run: (s) => s.call('correspondence:exportOriginal', { id: s.ids.emails[0] }) },
  {
    name: 'the pink paper’s request, with protected content',
    run: (s) => s.call('reports:savePdf', { kind: 'request', requestId: s.ids.requests[0], includeProtected: true }),
  },
  {
    name: 'the pink paper’s request, without protected content',
    run: (s) => s.call('reports:savePdf', { kind: 'request', requestId: s.ids.requests[0], includeProtected: false }),
  },
  {
    name: 'the open request holding special category data',
    run: (s) => s.call('reports:savePdf', { kind: 'request', requestId: s.ids.requests[1], includeProtected: false }),
  },
  {
    name: 'outstanding requests with Member-only ones',
    run: (s) => s.call('reports:savePdf', { kind: 'outstanding', includeMemberOnly: true }),
  },
];

const secret = new RegExp(Object.values(CANARIES).join('|'), 'i');

describe('a meeting mode turned on while a save dialog is open', () => {
  for (const a of attempts)
    it(`${a.name}: refused or saved without anything the mode hides`, async () => {
      const s = await seeded();
      s.printed.length = 0;
      s.hooks.onDialog = () => void s.core.meetingMode.set({ kind: 'public-meeting' });
      const r = (await a.run(s)) as { ok: boolean; error?: { code: string } };
      expect(r.ok ? 'saved' : r.error?.code).not.toBe('internal');
      const files = readdirSync(s.out).map((f) => readFileSync(path.join(s.out, f), 'latin1'));
      for (const text of [...files, ...s.printed]) expect(text).not.toMatch(secret);
      expect(s.core.meetingMode.get()).toEqual({ kind: 'public-meeting' });
    }, 60_000);
});
