// R-USE-2: a PA forges an open material naming an old-format (ownerless) Member-only email file; the Member then
// touches that material (keeps it longer, reclassifies it, erases it). Whatever the Member does, the file never
// comes under the shared key, is never read through the PA's record, and is not deleted on its word.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearHeader, expectPlainRefusal, forgeOpenMaterial, memberCase } from './blobs-support';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a Member’s action on a PA-forged record naming an ownerless Member-only file', () => {
  for (const how of ['keepUntil', 'reclassify-open', 'erase'] as const)
    it(`R-USE-2 after ${how}, the file stays Member only and the PA cannot export it`, async () => {
      const t = await memberCase();
      const target = t.targets['an old-format email (no owner)']!;
      const matId = forgeOpenMaterial(t, target, true);
      await t.as('member');
      await pause(300);
      if (how === 'keepUntil') await t.call('materials:keepUntil', { id: matId, until: '2027-06-01', reason: 'still needed' });
      // the file is not the forged record's to delete, so the erasure is refused and the file stays
      else if (how === 'erase') expectPlainRefusal(await t.call('materials:erase', { id: matId }));
      else await t.call('materials:reclassify', { id: matId, classification: { level: 'open' }, resolution: null });
      // the next Member unlock gives old-format files their owners where the rule allows
      await t.as('member');
      await pause(500);
      expect(t.blobFiles()).toContain(`${target}.blob`);
      expect(clearHeader(t.blobBytes(target))).toMatchObject({ owner: null, tierCode: 1 });
      const data = t.raw().get<{ attachments: Array<{ id: string }> }>(matId)?.data;
      expect(data?.attachments[0]?.id).toBe(target);
      if (how === 'erase') return;
      await t.as('pa');
      const e = await t.call('attachments:export', { materialId: matId, attachmentId: target });
      expectPlainRefusal(e);
      for (const file of t.exported) expect(existsSync(file)).toBe(false);
    }, 120_000);
});
