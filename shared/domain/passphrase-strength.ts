// Passphrase strength: a transparent estimate, shared so the set-up screen can show the same
// verdict live that the main process enforces when the vault is created or a passphrase changed.

export const MIN_PASSPHRASE_LENGTH = 12;
/** Below this estimated strength a passphrase is refused (about 2^45 guesses). */
export const MIN_PASSPHRASE_BITS = 45;

export type StrengthLabel = 'too weak' | 'fair' | 'good' | 'strong';

export interface PassphraseStrength {
  acceptable: boolean;
  label: StrengthLabel;
  /** 0–4, for a meter. */
  score: 0 | 1 | 2 | 3 | 4;
  bits: number;
  /** Plain reasons it is refused or could be better. */
  reasons: string[];
}

// The most common choices, and words that appear in council passwords all the time.
const COMMON = [
  'password',
  'passw0rd',
  'letmein',
  'welcome',
  'qwerty',
  'iloveyou',
  'admin',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno1',
  'abc123',
  '123456',
  '654321',
  'council',
  'councillor',
  'member',
  'london',
  'england',
  'summer',
  'winter',
  'autumn',
  'spring',
  'changeme',
  'secret',
];

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[ ]/.test(text)) pool += 1;
  if (/[^a-zA-Z0-9 ]/.test(text)) pool += 33;
  return Math.max(pool, 1);
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];

function keyboardRuns(text: string): string[] {
  const runs: string[] = [];
  let i = 0;
  while (i < text.length) {
    let best = 0;
    for (const row of [...KEY_ROWS, ...KEY_ROWS.map((r) => [...r].reverse().join(''))]) {
      let len = 0;
      while (i + len < text.length && row.includes(text.slice(i, i + len + 1))) len++;
      best = Math.max(best, len);
    }
    if (best >= 4) {
      runs.push(text.slice(i, i + best));
      i += best;
    } else i++;
  }
  return runs;
}

/** Collapses runs (aaaa), sequences (abcd, 1234) and repeats (abcabc) that add little strength. */
function effectiveLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const prev = text.charCodeAt(i - 1);
    const prev2 = text.charCodeAt(i - 2);
    const isRun = i > 0 && code === prev;
    const isSequence = i > 1 && code - prev === prev - prev2 && Math.abs(code - prev) === 1;
    length += isRun || isSequence ? 0.25 : 1;
  }
  const repeated = /^(.+?)\1+$/.exec(text);
  if (repeated?.[1]) length = Math.min(length, repeated[1].length + 1);
  return length;
}

/** Judges a passphrase (it guards the vault's keys); `personalWords` are the user's own name and the like. */
export function assessPassphrase(passphrase: string, personalWords: string[] = []): PassphraseStrength {
  const reasons: string[] = [];
  const lower = passphrase.toLowerCase();
  let bits = effectiveLength(passphrase) * Math.log2(poolSize(passphrase));

  for (const word of COMMON) {
    if (lower.includes(word)) {
      bits -= word.length * Math.log2(poolSize(passphrase)) - Math.log2(COMMON.length);
      reasons.push(`It contains "${word}", one of the first things an attacker tries.`);
    }
  }
  // Runs along a keyboard row (qwerty, asdf, 1234…) are among the first things tried.
  for (const run of keyboardRuns(lower)) {
    bits -= (run.length - 1) * Math.log2(poolSize(passphrase));
    reasons.push(`It contains a run of keys ("${run}").`);
  }
  for (const word of personalWords.flatMap((w) => w.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3)) {
    if (lower.includes(word)) {
      bits -= word.length * Math.log2(poolSize(passphrase)) - 4;
      reasons.push('It contains your name.');
    }
  }
  bits = Math.max(0, Math.round(bits));

  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    reasons.unshift(`Use at least ${MIN_PASSPHRASE_LENGTH} characters: a few unrelated words work well.`);
  } else if (bits < MIN_PASSPHRASE_BITS) {
    reasons.push('It is too predictable: add another unrelated word or two.');
  }
  const acceptable = passphrase.length >= MIN_PASSPHRASE_LENGTH && bits >= MIN_PASSPHRASE_BITS;
  const score = !acceptable ? (bits >= 28 ? 1 : 0) : bits >= 90 ? 4 : bits >= 65 ? 3 : 2;
  const label: StrengthLabel = !acceptable ? 'too weak' : score === 2 ? 'fair' : score === 3 ? 'good' : 'strong';
  return { acceptable, label, score, bits, reasons: [...new Set(reasons)] };
}
