// What the requests list's search matches: the words of a request, one spelling for main (which
// sends them with each list row) and the screens (which look up what the user types the same way).

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
