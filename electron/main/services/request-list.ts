// The requests list answered where the data is: every row the signed-in user may see, held in memory
// in main's default order (due date, then sent date, then id; locked rows last), and each query
// (view, filters, search, sort) answered over it as positions. The page asks only for the rows it
// shows, so 50,000 requests never cross to the window. Made again whenever anything it was made from
// changes (request-queries.ts keeps one per basis), so an answer is never stale.
import { markRowsFound, searchTextOf, searchWordsOf, type SearchText } from '../../../shared/domain/search';
import {
  LIST_FILTERS,
  listFilterOf,
  sortValue,
  type ListFilterField,
  type ListFilterOptions,
  type ListQuery,
  type ListSortKey,
  type RequestListRow,
} from '../../../shared/ipc/views';

/** Rows in one column's order: valued ascending (ties in default order), then those with no value, then locked ones. */
interface ColumnOrder {
  valued: Int32Array;
  rest: Int32Array;
}

/** Queries answered and kept, so paging through one costs a slice (a few filter or sort changes back). */
const KEPT_ANSWERS = 8;

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export class RequestList {
  private readonly orders = new Map<ListSortKey, ColumnOrder>();
  private readonly answers = new Map<string, Int32Array>();
  private search: SearchText | null = null;

  constructor(
    /** Every row, in the default order. */
    readonly rows: readonly RequestListRow[],
    /** A row's own search words by position (requestTextWords); read only when a query searches. */
    private readonly wordsAt: (position: number) => string,
  ) {}

  /** The positions of the rows matching `query`, in its order. */
  answer(query: ListQuery): Int32Array {
    const key = JSON.stringify(query);
    let found = this.answers.get(key);
    if (found) {
      // Most recently used last, so the oldest answer is the one dropped.
      this.answers.delete(key);
    } else {
      found = this.work(query);
      if (this.answers.size >= KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    }
    this.answers.set(key, found);
    return found;
  }

  private work(query: ListQuery): Int32Array {
    const found = this.found([...new Set(searchWordsOf(query.search))]);
    const inFilter = listFilterOf(query);
    const { valued, rest } = this.order(query.sort);
    const out = new Int32Array(this.rows.length);
    let n = 0;
    const take = (i: number) => {
      if (found && !found[i]) return;
      if (inFilter && !inFilter(this.rows[i]!)) return;
      out[n++] = i;
    };
    // Descending reverses the valued rows only: rows with no value and locked rows stay last.
    if (query.descending) for (let k = valued.length - 1; k >= 0; k--) take(valued[k]!);
    else for (const i of valued) take(i);
    for (const i of rest) take(i);
    return out.slice(0, n);
  }

  /** The rows found by every word typed (1 for found), or null when nothing is searched. */
  private found(wanted: readonly string[]): Uint8Array | null {
    if (wanted.length === 0) return null;
    const search = this.searchText();
    let found: Uint8Array | null = null;
    for (const word of wanted) {
      const marks = new Uint8Array(this.rows.length);
      markRowsFound(search, word, marks);
      if (found) for (let i = 0; i < marks.length; i++) found[i]! &= marks[i]!;
      else found = marks;
    }
    return found;
  }

  /** Every row's words in one text; a locked row has none (nothing of its request can find it). */
  private searchText(): SearchText {
    if (!this.search) {
      const officerWords = new Map<string, string>();
      const officer = (name: string) => {
        let words = officerWords.get(name);
        if (words === undefined) officerWords.set(name, (words = searchWordsOf(name).join(' ')));
        return words;
      };
      this.search = searchTextOf(this.rows.map((row, i) => (row.locked ? null : [this.wordsAt(i), officer(row.officerName)])));
    }
    return this.search;
  }

  /**
   * Works out ahead what a search or a sort by `step` will need, so that one answers at once (main
   * does this in its idle moments after a page is sent: request-queries.ts).
   */
  prepare(step: 'search' | ListSortKey): void {
    if (step === 'search') this.searchText();
    else this.order(step);
  }

  /** A column's order, worked out once per list (the default column is the rows' own order). */
  private order(key: ListSortKey): ColumnOrder {
    let order = this.orders.get(key);
    if (order) return order;
    const values: Array<string | null> = this.rows.map((row) => sortValue(row, key));
    const valued: number[] = [];
    const blank: number[] = [];
    const locked: number[] = [];
    values.forEach((v, i) => (v !== null ? valued : this.rows[i]!.locked ? locked : blank).push(i));
    // Plain comparison of UTF-16 code units (subjects are lower-cased with numbers padded: sortKeyOf).
    valued.sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
    order = { valued: Int32Array.from(valued), rest: Int32Array.from([...blank, ...locked]) };
    this.orders.set(key, order);
    return order;
  }

  /** The distinct values each filter offers, as every row holds them (a locked row's classification says why it is locked). */
  filterOptions(): ListFilterOptions {
    const distinct = (field: ListFilterField) =>
      [...new Set(this.rows.map(LIST_FILTERS[field]).filter((v) => v !== ''))].sort(collator.compare);
    const meetings = new Map<string, string>();
    for (const row of this.rows)
      if (row.meetingId && !meetings.has(row.meetingId)) meetings.set(row.meetingId, row.meetingLabel || 'A meeting');
    return {
      service: distinct('service'),
      ward: distinct('ward'),
      classification: distinct('classification'),
      capacity: distinct('capacity'),
      route: distinct('route'),
      officer: distinct('officer'),
      meeting: [...meetings].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label)),
    };
  }
}
