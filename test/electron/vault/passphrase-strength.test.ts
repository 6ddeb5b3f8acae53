import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../../electron/main/vault/passphrase-strength';

describe('passphrase strength', () => {
  it.each(['correct horse battery staple', 'violet kettle harbour ninety', 'new passphrase with four words', 'kx9#Lm2$qPz7'])('accepts %j', (p) => {
    const s = passphraseStrength(p);
    expect(s).toMatchObject({ acceptable: true, reason: null });
    expect(s.score).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['password', /at least 12 characters/],
    ['short one', /at least 12 characters/],
    ['password123456', /most common passwords/],
    ['P@ssw0rd2024!', /P@ssw0rd.*most common/],
    ['qwertyuiop12', /run of keys/],
    ['abcdefghijklmnop', /Sequences/],
    ['aaaaaaaaaaaaaaaa', /Repeats/],
    ['Summer2024Summer2024!', /Repeats/],
    ['123456789012', /common passwords|Sequences/],
  ])('refuses %j with a reason', (p, reason) => {
    const s = passphraseStrength(p);
    expect(s.acceptable).toBe(false);
    expect(s.reason).toMatch(reason);
  });

  it("refuses a passphrase built on the user's own name", () => {
    expect(passphraseStrength('Jane Smith 2024!!', ['Cllr Jane Smith'])).toMatchObject({ acceptable: false, reason: expect.stringMatching(/your name/) });
    expect(passphraseStrength('Jane Smith 2024!!').guessesLog10).toBeGreaterThan(passphraseStrength('Jane Smith 2024!!', ['Jane Smith']).guessesLog10);
  });

  it('scores monotonically with added unrelated words and counts characters, not UTF-16 units', () => {
    const a = passphraseStrength('violet kettle').guessesLog10;
    const b = passphraseStrength('violet kettle harbour').guessesLog10;
    expect(b).toBeGreaterThan(a);
    expect(passphraseStrength('🔑'.repeat(MIN_PASSPHRASE_LENGTH - 1)).reason).toMatch(/at least 12/);
  });

  it('stays fast on long input', () => {
    const t = performance.now();
    passphraseStrength('x'.repeat(200) + ' the quick brown fox jumps over the lazy dog '.repeat(5));
    expect(performance.now() - t).toBeLessThan(500);
  });
});
