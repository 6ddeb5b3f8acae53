import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasExactlyTerms,
  keysOf,
  keysWithPrefix,
  mergeRuns,
  moveKey,
  packTerms,
  placeInRun,
  setKeyTerms,
  sortRun,
  termsWithPrefix,
  unpackTerms,
} from '../../../renderer/db/packed-index';

describe('the packed term index', () => {
  const index = packTerms(
    3,
    new Map<string, number[]>([
      ['w:pothole', [1, 4]],
      ['w:potato', [2]],
      ['w:post', [4, 9]],
      ['f:service:Highways', [1, 2]],
      ['empty', []],
    ]),
  );

  it('finds exact terms, prefixes and the values under a prefix', () => {
    expect([...keysOf(index, 'w:pothole')]).toEqual([1, 4]);
    expect([...keysOf(index, 'w:pot')]).toEqual([]);
    expect([...keysOf(index, 'empty')]).toEqual([]);
    expect([...keysWithPrefix(index, 'w:pot')].sort()).toEqual([1, 2, 4]);
    expect([...keysWithPrefix(index, 'w:zz')]).toEqual([]);
    expect(termsWithPrefix(index, 'f:service:')).toEqual(['Highways']);
  });

  it('moves a key from its old terms to its new ones and leaves the rest alone', () => {
    const moved = moveKey(index, 4, ['w:pothole', 'w:post'], ['w:post', 'w:pavement']);
    expect([...keysOf(moved, 'w:pothole')]).toEqual([1]);
    expect([...keysOf(moved, 'w:post')]).toEqual([4, 9]);
    expect([...keysOf(moved, 'w:pavement')]).toEqual([4]);
    expect([...keysOf(moved, 'f:service:Highways')]).toEqual([1, 2]);
    expect(unpackTerms(moved).size).toBe(5);
  });

  it('puts a key under exactly its new terms without knowing its old ones, and tells when it already is', () => {
    expect(hasExactlyTerms(index, 4, ['w:pothole', 'w:post'])).toBe(true);
    expect(hasExactlyTerms(index, 4, ['w:post'])).toBe(false);
    expect(hasExactlyTerms(index, 4, ['w:pothole', 'w:post', 'w:pavement'])).toBe(false);
    expect(hasExactlyTerms(index, 77, [])).toBe(true);
    const set = setKeyTerms(index, 4, ['w:post', 'w:pavement']);
    expect([...keysOf(set, 'w:pothole')]).toEqual([1]);
    expect([...keysOf(set, 'w:post')].sort()).toEqual([4, 9]);
    expect([...keysOf(set, 'w:pavement')]).toEqual([4]);
    expect([...keysOf(set, 'f:service:Highways')]).toEqual([1, 2]);
    expect(hasExactlyTerms(set, 4, ['w:pavement', 'w:post'])).toBe(true);
    expect([...keysOf(setKeyTerms(set, 4, []), 'w:post')]).toEqual([9]);
  });
});

describe('sort runs', () => {
  const pairs = fc.array(fc.record({ value: fc.constantFrom('a', 'b', 'c', '2026-01-01', '2026-12-31'), key: fc.nat(500) }), {
    maxLength: 60,
  });

  it('merging the runs of several pages gives one order: value, then key', () => {
    fc.assert(
      fc.property(fc.array(pairs, { maxLength: 5 }), (pages) => {
        const seen = new Set<number>();
        const unique = pages.map((p) => p.filter((x) => !seen.has(x.key) && seen.add(x.key)));
        const expected = unique
          .flat()
          .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.key - b.key))
          .map((x) => x.key);
        expect(mergeRuns(unique.map(sortRun))).toEqual(expected);
      }),
    );
  });

  it('placing a key takes out its old place and puts it in its new one', () => {
    fc.assert(
      fc.property(pairs, fc.nat(500), fc.option(fc.constantFrom('a', 'b', 'z')), (list, key, value) => {
        const unique = [...new Map(list.map((x) => [x.key, x])).values()];
        const placed = placeInRun(sortRun(unique), key, value);
        const expected = sortRun([...unique.filter((x) => x.key !== key), ...(value === null ? [] : [{ value, key }])]);
        expect({ values: placed.values, keys: [...placed.keys] }).toEqual({ values: expected.values, keys: [...expected.keys] });
      }),
    );
  });
});
