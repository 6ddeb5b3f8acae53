// The working set's indexes, packed: one record per load page instead of index entries per row.
//
// Why: IndexedDB in Chromium costs about 50-70 µs for every record or index entry written, so
// 50,000 requests with the 50 index entries each that a per-row design needs took 46 s to load on a
// quiet 2-core machine, and even 50,000 bare records take 2.6-3.3 s (docs/BENCHMARKS.md, "How the working
// set is laid out"). Here a page of rows from main is written as rows in blocks (BLOCK_ROWS), a
// term index (filter values and views) and a word index (search words), each with the row keys
// under every term, and one sorted run per sort column. Lookups read those few records and work on
// typed arrays; all pure functions.

/** A request's place in the working set: its rows block is `key / BLOCK_ROWS`. */
export type RowKey = number;

/** Every term of one page with the keys of its rows under it; `terms` is sorted. */
export interface TermIndex {
  page: number;
  terms: string[];
  /** Keys of terms[i] are keys[starts[i]] … keys[starts[i + 1] - 1]. */
  starts: Int32Array;
  keys: Int32Array;
}

/** One page's rows that have a value in a sort column, in that column's order (ties by key). */
export interface SortRun {
  values: string[];
  keys: Int32Array;
}

const lowerBound = (sorted: readonly string[], wanted: string): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < wanted) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** Packs term → keys into a term index. */
export function packTerms(page: number, byTerm: ReadonlyMap<string, ArrayLike<number>>): TermIndex {
  const terms = [...byTerm.keys()].filter((t) => byTerm.get(t)!.length > 0).sort();
  const starts = new Int32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    starts[i] = total;
    total += byTerm.get(t)!.length;
  });
  starts[terms.length] = total;
  const keys = new Int32Array(total);
  terms.forEach((t, i) => keys.set(byTerm.get(t)!, starts[i]!));
  return { page, terms, starts, keys };
}

/** The index as term → keys (views into the packed keys, so unchanged terms are not copied). */
export function unpackTerms(index: TermIndex): Map<string, ArrayLike<number>> {
  return new Map(index.terms.map((t, i) => [t, index.keys.subarray(index.starts[i]!, index.starts[i + 1]!)]));
}

/** The keys under exactly this term. */
export function keysOf(index: TermIndex, term: string): Int32Array {
  const i = lowerBound(index.terms, term);
  return index.terms[i] === term ? index.keys.subarray(index.starts[i]!, index.starts[i + 1]!) : new Int32Array(0);
}

/** The keys under every term starting with `prefix` (a key may repeat: it may have several such terms). */
export function keysWithPrefix(index: TermIndex, prefix: string): Int32Array {
  const first = lowerBound(index.terms, prefix);
  let last = first;
  while (last < index.terms.length && index.terms[last]!.startsWith(prefix)) last++;
  return index.keys.subarray(index.starts[first]!, index.starts[last]!);
}

/** The distinct terms starting with `prefix`, without it. */
export function termsWithPrefix(index: TermIndex, prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(index.terms, prefix); i < index.terms.length && index.terms[i]!.startsWith(prefix); i++)
    out.push(index.terms[i]!.slice(prefix.length));
  return out;
}

/** Moves one row's key from its old terms to its new ones (an edited row, or a new one with old = []). */
export function moveKey(index: TermIndex, key: RowKey, oldTerms: readonly string[], newTerms: readonly string[]): TermIndex {
  const byTerm = unpackTerms(index);
  const added = new Set(newTerms);
  for (const term of new Set(oldTerms)) {
    if (added.delete(term)) continue; // still there
    const keys = byTerm.get(term);
    if (keys) byTerm.set(term, Array.prototype.filter.call(keys, (k: number) => k !== key) as number[]);
  }
  for (const term of added) byTerm.set(term, [...Array.from(byTerm.get(term) ?? []), key]);
  return packTerms(index.page, byTerm);
}

/** Whether the key is under exactly these terms and no others. */
export function hasExactlyTerms(index: TermIndex, key: RowKey, terms: readonly string[]): boolean {
  const wanted = new Set(terms);
  let found = 0;
  for (let i = 0; i < index.terms.length; i++) {
    if (!index.keys.subarray(index.starts[i]!, index.starts[i + 1]!).includes(key)) continue;
    if (!wanted.has(index.terms[i]!)) return false;
    found++;
  }
  return found === wanted.size;
}

/** Puts one row's key under exactly `terms`, taking it out of any others (for an index whose rows do not keep their terms). */
export function setKeyTerms(index: TermIndex, key: RowKey, terms: readonly string[]): TermIndex {
  const byTerm = unpackTerms(index);
  for (const [term, keys] of byTerm)
    if (Array.prototype.includes.call(keys, key)) byTerm.set(term, Array.prototype.filter.call(keys, (k: number) => k !== key) as number[]);
  for (const term of new Set(terms)) byTerm.set(term, [...Array.from(byTerm.get(term) ?? []), key]);
  return packTerms(index.page, byTerm);
}

const before = (av: string, ak: number, bv: string, bk: number) => av < bv || (av === bv && ak < bk);

const ascending = (keys: readonly RowKey[]) => keys.every((key, i) => i === 0 || keys[i - 1]! < key);

/**
 * One page's sort run from (value, key) pairs. The keys are gathered under each value and only the
 * values sorted: a column has far fewer values than rows (dates, statuses, officers), and sorting
 * every pair cost 20 ms a page of 5,000.
 */
export function sortRun(pairs: ReadonlyArray<{ value: string; key: RowKey }>): SortRun {
  const byValue = new Map<string, RowKey[]>();
  for (const { value, key } of pairs) {
    const keys = byValue.get(value);
    if (keys) keys.push(key);
    else byValue.set(value, [key]);
  }
  const values = new Array<string>(pairs.length);
  const keys = new Int32Array(pairs.length);
  let at = 0;
  // The default sort compares UTF-16 code units, as `before` does.
  for (const value of [...byValue.keys()].sort()) {
    const same = byValue.get(value)!;
    if (!ascending(same)) same.sort((a, b) => a - b);
    for (const key of same) {
      values[at] = value;
      keys[at++] = key;
    }
  }
  return { values, keys };
}

/** The run with `key` taken out and, if `value` is given, put back in its place. */
export function placeInRun(run: SortRun, key: RowKey, value: string | null): SortRun {
  const at = run.keys.indexOf(key);
  const values = [...run.values];
  const keys = Array.from(run.keys);
  if (at >= 0) {
    values.splice(at, 1);
    keys.splice(at, 1);
  }
  if (value !== null) {
    let low = 0;
    let high = values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(values[mid]!, keys[mid]!, value, key)) low = mid + 1;
      else high = mid;
    }
    values.splice(low, 0, value);
    keys.splice(low, 0, key);
  }
  return { values, keys: Int32Array.from(keys) };
}

/** The keys of all runs in one order (value, then key): each run is sorted, so this is a merge. */
export function mergeRuns(runs: readonly SortRun[]): RowKey[] {
  let merged: SortRun[] = runs.filter((r) => r.keys.length > 0);
  if (merged.length === 0) return [];
  while (merged.length > 1) {
    const next: SortRun[] = [];
    for (let i = 0; i < merged.length; i += 2) next.push(i + 1 < merged.length ? mergeTwo(merged[i]!, merged[i + 1]!) : merged[i]!);
    merged = next;
  }
  return Array.from(merged[0]!.keys);
}

function mergeTwo(a: SortRun, b: SortRun): SortRun {
  const n = a.keys.length + b.keys.length;
  const values: string[] = new Array<string>(n);
  const keys = new Int32Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const takeA = j >= b.keys.length || (i < a.keys.length && before(a.values[i]!, a.keys[i]!, b.values[j]!, b.keys[j]!));
    if (takeA) {
      values[k] = a.values[i]!;
      keys[k] = a.keys[i++]!;
    } else {
      values[k] = b.values[j]!;
      keys[k] = b.keys[j++]!;
    }
  }
  return { values, keys };
}
