// Passphrase strength, in the manner of zxcvbn: find the guessable patterns in a passphrase
// (common passwords and words, the user's own name, sequences, repeats, keyboard rows, years and
// dates), then take the cheapest way an attacker could cover it. Pure and import-free, so the
// renderer can run the same estimate live that the vault enforces.

export const MIN_PASSPHRASE_LENGTH = 12;
/** 10^12 guesses: with Argon2id at 64 MiB that is beyond an offline attacker with a GPU farm for years. */
export const MIN_GUESSES_LOG10 = 12;

export interface PassphraseStrength {
  /** 0 (trivial) to 4 (very strong), on zxcvbn's scale (10^3, 10^6, 10^8, 10^10 guesses). */
  score: 0 | 1 | 2 | 3 | 4;
  /** log10 of the estimated number of guesses an informed attacker needs. */
  guessesLog10: number;
  acceptable: boolean;
  /** Why it is refused, in plain words; null when acceptable. */
  reason: string | null;
  /** Patterns found, for a meter's hint ("Contains a common word: summer"). */
  warnings: string[];
}

// Ranked: earlier is more likely. Small on purpose; the brute-force fallback covers the rest.
const COMMON_PASSWORDS = `password 123456 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234
password1 iloveyou 000000 qwerty123 dragon monkey letmein football baseball welcome sunshine princess
master shadow trustno1 superman batman login admin passw0rd starwars hello freedom whatever qazwsx
michael charlie liverpool arsenal chelsea manchester tottenham changeme secret access mustang jordan
hunter ranger buster soccer harley hockey killer george andrew thomas jessica pepper daniel ginger
cheese summer winter autumn spring flower computer internet cookie matrix silver golden chocolate`;

const COMMON_WORDS = `the and for are but not you all any can had her was one our out day get has him his how man new now
old see two way who boy did its let put say she too use with have this will your from they know want been good much
some time very when come here just like long make many over such take than them well only year four five six seven
eight nine ten ninety hundred thousand first last next word words pass phrase secure safe love life home house family
london england britain wales scotland city town council councillor member ward officer mayor cabinet committee
parish county borough district street road lane avenue church school park garden river bridge market castle abbey
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday morning evening night today tomorrow yesterday week month
red blue green yellow black white orange purple pink brown grey
cat dog horse bird fish lion tiger bear rabbit
tea coffee beer wine bread apple orange banana
king queen prince lady lord sir god jesus angel heaven
happy lucky magic money power music dream star moon sun sky rain snow fire water earth`;

const USER_INPUT_RANK = 1; // a name is the first thing someone who knows you tries

function rankedSet(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of text.split(/\s+/)) if (word && !map.has(word)) map.set(word, map.size + 1);
  return map;
}

const PASSWORDS = rankedSet(COMMON_PASSWORDS);
const WORDS = rankedSet(COMMON_WORDS);

const LEET: Record<string, string> = { '4': 'a', '@': 'a', '8': 'b', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't', '2': 'z' };

const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]', "asdfghjkl;'#", '\\zxcvbnm,./'];

type Kind = 'password' | 'word' | 'name' | 'sequence' | 'repeat' | 'keyboard' | 'year' | 'date';

interface Match {
  start: number;
  /** Exclusive. */
  end: number;
  log10: number;
  kind: Kind;
  token: string;
}

const log10 = Math.log10;

function caseVariations(token: string): number {
  const upper = (token.match(/[A-Z]/g) ?? []).length;
  const lower = (token.match(/[a-z]/g) ?? []).length;
  if (upper === 0) return 0;
  if (lower === 0 || /^[A-Z][^A-Z]+$/.test(token)) return log10(2); // ALL CAPS or Capitalised: tried early
  return Math.min(upper, lower) * log10(2);
}

function dictionaryMatches(text: string, userWords: Map<string, number>): Match[] {
  const out: Match[] = [];
  const lower = text.toLowerCase();
  const unleeted = [...lower].map((c) => LEET[c] ?? c).join('');
  const n = Math.min(text.length, 256);
  for (let i = 0; i < n; i++) {
    for (let j = i + 3; j <= Math.min(n, i + 24); j++) {
      const token = text.slice(i, j);
      const candidates: Array<[string, number]> = [[lower.slice(i, j), 0]];
      const plain = unleeted.slice(i, j);
      if (plain !== lower.slice(i, j)) {
        const subs = [...lower.slice(i, j)].filter((c) => LEET[c]).length;
        candidates.push([plain, subs * log10(2)]);
      }
      const reversed = [...lower.slice(i, j)].reverse().join('');
      candidates.push([reversed, log10(2)]);
      for (const [word, extra] of candidates) {
        for (const [dict, kind] of [
          [userWords, 'name'],
          [PASSWORDS, 'password'],
          [WORDS, 'word'],
        ] as const) {
          const rank = dict.get(word);
          if (rank !== undefined) out.push({ start: i, end: j, log10: log10(rank) + extra + caseVariations(token), kind, token });
        }
      }
    }
  }
  return out;
}

function sequenceMatches(text: string): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < text.length - 2) {
    const delta = text.charCodeAt(i + 1) - text.charCodeAt(i);
    if (Math.abs(delta) !== 1 && Math.abs(delta) !== 2) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + 1 < text.length && text.charCodeAt(j + 1) - text.charCodeAt(j) === delta) j++;
    const length = j - i + 1;
    if (length >= 3) {
      const first = text.charAt(i);
      const base = /[aAzZ019]/.test(first) ? 4 : /\d/.test(first) ? 10 : 26;
      out.push({ start: i, end: j + 1, log10: log10(base * length * (delta < 0 ? 2 : 1)), kind: 'sequence', token: text.slice(i, j + 1) });
      i = j;
    } else i++;
  }
  return out;
}

function keyboardMatches(text: string): Match[] {
  const out: Match[] = [];
  const lower = text.toLowerCase();
  const position = (c: string): [number, number] | null => {
    for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
      const col = KEYBOARD_ROWS[r]!.indexOf(c);
      if (col >= 0) return [r, col];
    }
    return null;
  };
  let i = 0;
  while (i < lower.length - 3) {
    let j = i;
    let turns = 0;
    let lastDir = 0;
    for (;;) {
      const a = position(lower.charAt(j));
      const b = j + 1 < lower.length ? position(lower.charAt(j + 1)) : null;
      if (!a || !b || a[0] !== b[0] || Math.abs(a[1] - b[1]) !== 1) break;
      const dir = b[1] - a[1];
      if (lastDir && dir !== lastDir) turns++;
      lastDir = dir;
      j++;
    }
    const length = j - i + 1;
    if (length >= 4) {
      out.push({ start: i, end: j + 1, log10: log10(47 * length * 2) + turns * log10(4), kind: 'keyboard', token: text.slice(i, j + 1) });
      i = j + 1;
    } else i++;
  }
  return out;
}

function dateMatches(text: string): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(/\d+/g)) {
    const digits = m[0];
    const at = m.index ?? 0;
    for (let i = 0; i < digits.length; i++) {
      for (const len of [4, 6, 8]) {
        const token = digits.slice(i, i + len);
        if (token.length !== len) continue;
        if (len === 4 && /^(19|20)\d\d$/.test(token)) out.push({ start: at + i, end: at + i + 4, log10: log10(120), kind: 'year', token });
        const dayMonth = (d: string, mo: string) => +d >= 1 && +d <= 31 && +mo >= 1 && +mo <= 12;
        if (len >= 6 && (dayMonth(token.slice(0, 2), token.slice(2, 4)) || dayMonth(token.slice(2, 4), token.slice(0, 2)))) {
          out.push({ start: at + i, end: at + i + len, log10: log10(365 * (len === 8 ? 120 : 100)), kind: 'date', token });
        }
      }
    }
  }
  return out;
}

/** Cheapest cover of text[0..n): matches where they help, 10 guesses a character elsewhere (as zxcvbn). */
function cheapestCover(text: string, matches: Match[]): { log10: number; used: Match[] } {
  const n = text.length;
  const best: number[] = new Array<number>(n + 1).fill(Infinity);
  const via: Array<Match | null> = new Array<Match | null>(n + 1).fill(null);
  best[0] = 0;
  const byEnd = new Map<number, Match[]>();
  for (const m of matches) byEnd.set(m.end, [...(byEnd.get(m.end) ?? []), m]);
  for (let k = 1; k <= n; k++) {
    best[k] = best[k - 1]! + 1;
    via[k] = null;
    for (const m of byEnd.get(k) ?? []) {
      const cost = best[m.start]! + Math.max(m.log10, 0);
      if (cost < best[k]!) {
        best[k] = cost;
        via[k] = m;
      }
    }
  }
  const used: Match[] = [];
  for (let k = n; k > 0; ) {
    const m = via[k];
    if (m) {
      used.push(m);
      k = m.start;
    } else k--;
  }
  return { log10: best[n]!, used: used.reverse() };
}

function repeatMatches(text: string, userWords: Map<string, number>): Match[] {
  const out: Match[] = [];
  const re = /(.+?)\1+/g;
  for (const m of text.matchAll(re)) {
    const unit = m[1]!;
    if (m[0].length < 3) continue;
    const count = m[0].length / unit.length;
    // The unit is strictly shorter than the text, so this recursion ends.
    const unitGuesses = estimateLog10(unit, userWords).log10;
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, log10: unitGuesses + log10(count), kind: 'repeat', token: m[0] });
  }
  return out;
}

function estimateLog10(text: string, userWords: Map<string, number>): { log10: number; used: Match[] } {
  const matches = [...dictionaryMatches(text, userWords), ...sequenceMatches(text), ...keyboardMatches(text), ...dateMatches(text), ...repeatMatches(text, userWords)];
  return cheapestCover(text, matches);
}

const WARNING: Record<Kind, (token: string) => string> = {
  password: (t) => `"${t}" is one of the most common passwords.`,
  word: (t) => `"${t}" is a common word, among the first an attacker tries.`,
  name: () => 'It contains your name.',
  sequence: (t) => `Sequences like "${t}" are easy to guess.`,
  repeat: (t) => `Repeats like "${t}" are barely stronger than saying it once.`,
  keyboard: (t) => `"${t}" is a straight run of keys.`,
  year: (t) => `Years like ${t} are easy to guess.`,
  date: (t) => `Dates like ${t} are easy to guess.`,
};

/**
 * Judges a passphrase. `userInputs` are words an attacker who knows the user would try first: their
 * name, the council's name. Acceptable = at least 12 characters and about 10^12 guesses.
 */
export function passphraseStrength(passphrase: string, userInputs: readonly string[] = []): PassphraseStrength {
  const userWords = new Map<string, number>();
  for (const input of userInputs) for (const w of input.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) userWords.set(w, USER_INPUT_RANK);
  const { log10: guessesLog10, used } = estimateLog10(passphrase, userWords);
  const rounded = Math.round(guessesLog10 * 10) / 10;
  const score = (rounded < 3 ? 0 : rounded < 6 ? 1 : rounded < 8 ? 2 : rounded < 10 ? 3 : 4) as PassphraseStrength['score'];
  const warnings = [...new Set(used.sort((a, b) => a.log10 - b.log10).map((m) => WARNING[m.kind](m.token)))];
  let reason: string | null = null;
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    reason = `Use at least ${MIN_PASSPHRASE_LENGTH} characters: three or four unrelated words work well.`;
  } else if (guessesLog10 < MIN_GUESSES_LOG10) {
    reason = `It would be guessed too quickly. ${warnings[0] ?? ''} Add another unrelated word or two.`.replace(/\s+/g, ' ').trim();
  }
  return { score, guessesLog10: rounded, acceptable: reason === null, reason, warnings };
}
