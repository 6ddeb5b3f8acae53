// Test support: list pages as main sends them, made from whole rows, and read back per row.
import { pagePositions, pageWordsOf, requestTextWords } from '../../../shared/domain/search';
import { listRowOf, type RequestListPage, type RequestRow } from '../../../shared/ipc/views';

/** The page main would send for these rows: each row without its question and notes, and the page's words. */
export function listPageOf(total: number, rows: readonly RequestRow[]): RequestListPage {
  return {
    total,
    rows: rows.map(listRowOf),
    words: pageWordsOf(
      rows.map((r) => (r.locked ? '' : requestTextWords(r))),
      rows.map((r) => (r.locked ? '' : r.officerName)),
    ),
  };
}

/** Each row's words as its page carries them, sorted and space-separated, by row id ('' for none). */
export function wordsByRow(page: RequestListPage): Map<string, string> {
  const { terms, starts, positions } = pagePositions(page.words);
  const words: string[][] = page.rows.map(() => []);
  terms.forEach((term, i) => {
    for (let j = starts[i]!; j < starts[i + 1]!; j++) words[positions[j]!]?.push(term);
  });
  return new Map(page.rows.map((r, i) => [r.id, words[i]!.sort().join(' ')]));
}
