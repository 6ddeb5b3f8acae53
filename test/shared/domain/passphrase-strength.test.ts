import { describe, expect, it } from 'vitest';
import { assessPassphrase } from '../../../shared/domain/passphrase-strength';

describe('passphrase strength', () => {
  it.each([
    ['', 'empty'],
    ['short', 'too short'],
    ['password1234', 'a common password'],
    ['aaaaaaaaaaaaaaaa', 'one character repeated'],
    ['abcdefghijklmnop', 'a sequence'],
    ['abcabcabcabcabc', 'a repeated chunk'],
    ['1234567890123', 'digits in order'],
    ['janesmith2026', "the user's own name and a year"],
  ])('refuses %j (%s) with a reason', (passphrase) => {
    const verdict = assessPassphrase(passphrase, ['Jane Smith']);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.label).toBe('too weak');
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it.each(['correct horse battery staple', 'violet kettle harbour ninety', 'Tr4m-L1ne!Quartz#Owl'])('accepts %j', (passphrase) => {
    const verdict = assessPassphrase(passphrase, ['Jane Smith']);
    expect(verdict.acceptable).toBe(true);
    expect(verdict.score).toBeGreaterThanOrEqual(2);
  });

  it('scores a longer passphrase at least as well as its prefix', () => {
    const short = assessPassphrase('violet kettle harbour');
    const long = assessPassphrase('violet kettle harbour ninety');
    expect(long.bits).toBeGreaterThan(short.bits);
    expect(long.score).toBeGreaterThanOrEqual(short.score);
  });
});
