// The PA edits the header's key-derivation settings (theirs or the Member's) to make every unlock
// attempt cost minutes and gigabytes: anything above what this app writes plus a margin is refused at
// once, in plain words that do not blame the passphrase.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../../electron/main/vault';
import { MAX_KDF } from '../../../../electron/main/vault/crypto';
import { canonicalJson } from '../../../../electron/main/vault/header';
import { sha256 } from '../../../../electron/main/vault/crypto';
import { MEMBER_PASS, PA_PASS, TEST_KDF, tempDir } from '../vault/support';
import { attackTable } from './epochs-table';

const table = attackTable();
afterAll(() => console.info(table.print()));

/** Rewrites vault.json as a PA can: any field, with the checksum (which needs no key) made good again. */
function editHeader(dir: string, edit: (header: { users: Array<{ role: string; kdf: Record<string, unknown> }> }) => void) {
  const file = path.join(dir, 'vault.json');
  const { checksum: _old, ...header } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(header as never);
  const checksum = sha256(Buffer.from(canonicalJson(header))).toString('hex');
  writeFileSync(file, JSON.stringify({ ...header, checksum }, null, 2));
}

describe('the KDF cap', () => {
  it('is what the app writes plus a margin: at most 128 MiB and 6 passes', () => {
    expect(MAX_KDF).toEqual({ m: 128 * 1024, t: 6, p: 4 });
  });

  it('a header asking for more is refused at once, saying the settings are outside what the app accepts', async () => {
    const variants: Array<[string, Record<string, number | string>]> = [
      ['1 GiB, 20 passes (the old cap)', { m: 1024 * 1024, t: 20 }],
      ['256 MiB', { m: 256 * 1024 }],
      ['7 passes', { t: 7 }],
      ['8 lanes', { p: 8 }],
      ['2^32 KiB', { m: 2 ** 32 }],
      ['an empty salt', { salt: '' }],
      ['a 4-byte salt', { salt: Buffer.alloc(4, 7).toString('base64') }],
      ['a 96-byte salt', { salt: Buffer.alloc(96, 7).toString('base64') }],
    ];
    for (const role of ['member', 'pa'] as const) {
      for (const [name, cost] of variants) {
        const dir = path.join(tempDir('kdf-cap'), 'vault');
        const member = await Vault.create(dir, { name: 'Cllr Jane Smith', passphrase: MEMBER_PASS }, { kdf: TEST_KDF });
        const pa = await member.addUser({ name: 'Pat Jones', passphrase: PA_PASS, role: 'pa' }, TEST_KDF);
        member.lock();
        editHeader(dir, (h) => {
          const slot = h.users.find((u) => u.role === role)!;
          slot.kdf = { ...slot.kdf, ...cost };
        });
        const started = Date.now();
        let message = '';
        try {
          await Vault.open(dir).unlock(role === 'member' ? member.user.id : pa.id, role === 'member' ? MEMBER_PASS : PA_PASS);
        } catch (error) {
          message = (error as Error).message;
        }
        const ms = Date.now() - started;
        const caught = /outside what the app accepts/.test(message) && !/passphrase is not right/.test(message) && ms < 1000;
        table.add(`KDF settings raised in the ${role === 'member' ? "Member's" : "PA's"} slot (${name})`, { caught });
        expect(message).toContain("this vault's settings are outside what the app accepts");
        expect(message).not.toMatch(/KiB|m = |t = /);
        expect(ms).toBeLessThan(1000);
      }
    }
  }, 120_000);
});
