// What the requests list's search matches: the words of a request, one spelling for main (which
// sends them with each list page) and the screens (which look up what the user types the same way).

/** Lower-case words of two or more letters or digits, as search reads them. */
export const searchWordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);

/** The distinct words of what a request itself says (reference, subject, question, notes), space-separated. */
export const requestTextWords = (r: { reference: string; subject: string; question: string; notes: string }): string =>
  [...new Set(searchWordsOf(`${r.reference} ${r.subject} ${r.question} ${r.notes}`))].join(' ');

/**
 * The words a list row is found by: its request's own words and the officer's name as the directory
 * spells it now (a corrected name is found at once, without re-reading the request).
 */
export function rowSearchWords(textWords: string, officerName: string): string {
  let words = textWords;
  for (const w of searchWordsOf(officerName)) if (!` ${words} `.includes(` ${w} `)) words = words ? `${words} ${w}` : w;
  return words;
}

/**
 * A page of list rows' search words, inverted: each distinct word once, with the positions of the
 * page's rows found by it. Sent with each list page so the window stores it as its word index without
 * working it out again, and no row carries its words (at 50,000 requests, words sent and stored per
 * row cost the window about 0.7 s of its load). Numbers travel as text (`packCounts`): as JSON
 * arrays, 400,000 of them a page cost main and the window more than the words did.
 */
export interface PageWords {
  /** The distinct words, sorted, space-separated. */
  terms: string;
  /** How many rows each term has, packed. */
  counts: string;
  /** Each term's row positions in ascending order, as gaps (the first from -1, each next from the one before), packed. */
  gaps: string;
}

// A packed number is its base-32 digits, most significant first: the last digit from '#' (35) up,
// any before it from ']' (93) up. Neither range holds a quote or a backslash, so JSON carries them unescaped.
const LAST_DIGIT = 35;
const MORE_DIGIT = 93;

/** Non-negative whole numbers as text, a character or two each for the small ones (most gaps are under 32). */
export function packCounts(numbers: ArrayLike<number>): string {
  const chars: number[] = [];
  let out = '';
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    let rest = Math.floor(n / 32);
    const digits = [LAST_DIGIT + (n % 32)];
    while (rest > 0) {
      digits.push(MORE_DIGIT + (rest % 32));
      rest = Math.floor(rest / 32);
    }
    for (let d = digits.length - 1; d >= 0; d--) chars.push(digits[d]!);
    // Flushed in slices: fromCharCode takes only so many arguments.
    if (chars.length > 8192) {
      out += String.fromCharCode(...chars);
      chars.length = 0;
    }
  }
  return out + String.fromCharCode(...chars);
}

/** The numbers `packCounts` packed; a character outside both digit ranges ends the reading (so bad text gives fewer numbers, never wrong large ones). */
export function unpackCounts(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let at = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= MORE_DIGIT && c < MORE_DIGIT + 32) value = value * 32 + (c - MORE_DIGIT);
    else if (c >= LAST_DIGIT && c < LAST_DIGIT + 32) {
      out[at++] = value * 32 + (c - LAST_DIGIT);
      value = 0;
    } else break;
    if (value > 0x3ffffff) break; // past any page's size: not ours
  }
  return out.subarray(0, at);
}

/**
 * Inverts a page's words: row i is found by the words of `textWords[i]` (its request's own, from
 * `requestTextWords`; '' for none) and of `officerNames[i]`, as `rowSearchWords` joins them.
 * Occurrences are gathered as numbers first and sorted into place by counting: per-word arrays made
 * main's garbage collector the largest cost of a page.
 */
export function pageWordsOf(textWords: readonly string[], officerNames: readonly string[]): PageWords {
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  let lastRow = new Int32Array(1024).fill(-1);
  let occurrences = new Int32Array(16_384);
  let rowsOf = new Int32Array(16_384);
  let count = 0;
  const officerWords = new Map<string, string[]>();
  const add = (word: string, row: number) => {
    let id = idOf.get(word);
    if (id === undefined) {
      id = terms.length;
      idOf.set(word, id);
      terms.push(word);
      if (id >= lastRow.length) {
        const grown = new Int32Array(lastRow.length * 2).fill(-1);
        grown.set(lastRow);
        lastRow = grown;
      }
    }
    if (lastRow[id] === row) return; // already found by this word
    lastRow[id] = row;
    if (count === occurrences.length) {
      const o = new Int32Array(count * 2);
      o.set(occurrences);
      occurrences = o;
      const r = new Int32Array(count * 2);
      r.set(rowsOf);
      rowsOf = r;
    }
    occurrences[count] = id;
    rowsOf[count++] = row;
  };
  textWords.forEach((text, row) => {
    // Read word by word without splitting: the array split makes cost as much again.
    for (let start = 0; start < text.length;) {
      const end = text.indexOf(' ', start);
      if (end !== start) add(end < 0 ? text.slice(start) : text.slice(start, end), row);
      if (end < 0) break;
      start = end + 1;
    }
    const name = officerNames[row] ?? '';
    if (!name) return;
    let words = officerWords.get(name);
    if (!words) officerWords.set(name, (words = searchWordsOf(name)));
    for (const word of words) add(word, row);
  });
  // Terms in sorted order; each one's rows come out ascending, as occurrences are in row order.
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
  const counts = new Int32Array(terms.length);
  for (let i = 0; i < count; i++) counts[occurrences[i]!]!++;
  const next = new Int32Array(terms.length);
  let at = 0;
  for (const id of order) {
    next[id] = at;
    at += counts[id]!;
  }
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[next[occurrences[i]!]!++] = rowsOf[i]!;
  const gaps = new Int32Array(count);
  at = 0;
  for (const id of order) {
    let last = -1;
    for (let n = 0; n < counts[id]!; n++, at++) {
      gaps[at] = positions[at]! - last;
      last = positions[at]!;
    }
  }
  return { terms: order.map((id) => terms[id]).join(' '), counts: packCounts(order.map((id) => counts[id]!)), gaps: packCounts(gaps) };
}

/**
 * The positions under each term, packed: those of terms[i] are positions[starts[i]] … positions[starts[i + 1] - 1].
 * Counts or gaps that do not add up, or a gap that is 0 or too large, end the reading there (the terms
 * after it have none): never read past, never wrapped. Only main writes this text; the window is careful anyway.
 */
export function pagePositions(words: PageWords): { terms: string[]; starts: Int32Array; positions: Int32Array } {
  const terms = words.terms ? words.terms.split(' ') : [];
  const counts = unpackCounts(words.counts);
  const gaps = unpackCounts(words.gaps);
  const starts = new Int32Array(terms.length + 1);
  const positions = new Int32Array(gaps.length);
  let at = 0;
  let broken = false;
  for (let i = 0; i < terms.length; i++) {
    starts[i] = at;
    let position = -1;
    for (let n = 0; !broken && n < (counts[i] ?? 0); n++) {
      const next = position + (gaps[at] ?? 0);
      // Gaps are at least 1 and positions stay small; anything else is not ours.
      broken = at >= positions.length || next <= position || next > 0x3ffffff;
      if (broken) break;
      position = next;
      positions[at++] = position;
    }
  }
  starts[terms.length] = at;
  return { terms, starts, positions: positions.subarray(0, at) };
}
