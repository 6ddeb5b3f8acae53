// What the requests list's search matches: the words of a request (its reference, subject, question
// and notes) and of its officer's name as the directory spells it now. Main keeps each request's
// words and answers every search (electron/main/services/request-list.ts); the page only sends
// what was typed.

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
 * Every row's words in one text, so a search is a scan of it rather than a test per row: row i is
 * `text.slice(starts[i], starts[i + 1])`, each of its words after a space, and a row with no words
 * (null: a locked placeholder) has none to be found by.
 */
export interface SearchText {
  text: string;
  starts: Int32Array;
}

/** The search text of rows, each given as its space-separated word lists (its own words, its officer's). */
export function searchTextOf(rows: ReadonlyArray<readonly string[] | null>): SearchText {
  const parts = new Array<string>(rows.length);
  const starts = new Int32Array(rows.length + 1);
  let at = 0;
  rows.forEach((words, i) => {
    starts[i] = at;
    parts[i] = words ? ` ${words.join(' ')}\n` : '\n';
    at += parts[i]!.length;
  });
  starts[rows.length] = at;
  return { text: parts.join(''), starts };
}

/** Marks (in `found`, one per row) the rows with a word that starts with `word` ("pot" finds "potholes"). */
export function markRowsFound(search: SearchText, word: string, found: Uint8Array): void {
  const { text, starts } = search;
  const needle = ` ${word}`;
  for (let at = text.indexOf(needle); at >= 0;) {
    // The row holding this place: the last start at or before it.
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    found[low] = 1;
    // One word is enough: the rest of the row is not read.
    at = text.indexOf(needle, starts[low + 1]!);
  }
}
