import { describe, expect, it } from 'vitest';
import { markRowsFound, requestTextWords, searchTextOf, searchWordsOf } from '../../../shared/domain/search';

/** The rows (by position) that every typed word finds, as main's list answers a search. */
function found(rows: ReadonlyArray<readonly string[] | null>, typed: string): number[] {
  const text = searchTextOf(rows);
  const hits = rows.map(() => 0);
  const words = [...new Set(searchWordsOf(typed))];
  for (const word of words) {
    const marks = new Uint8Array(rows.length);
    markRowsFound(text, word, marks);
    marks.forEach((m, i) => (hits[i]! += m));
  }
  return hits.flatMap((h, i) => (h === words.length && words.length > 0 ? [i] : []));
}

describe('the words a request is found by', () => {
  it('are the lower-case words of two or more letters or digits of its reference, subject, question and notes, each once', () => {
    expect(
      requestTextWords({
        reference: 'NTK-2026-00001',
        subject: 'Potholes on Mill Lane',
        question: 'When? Mill lane, a pothole.',
        notes: 'Café',
      }),
    ).toBe('ntk 2026 00001 potholes on mill lane when pothole café');
    expect(searchWordsOf('  a  Ü-bahn 9 Über')).toEqual(['bahn', 'über']);
  });

  it('a typed word finds every row with a word it starts, each row once; every typed word must find it', () => {
    const rows = [
      [requestTextWords({ reference: 'NTK-2026-00001', subject: 'Potholes on Mill Lane', question: 'When?', notes: '' }), 'sam green'],
      null, // a locked placeholder: no words, never found
      [
        requestTextWords({ reference: 'NTK-2026-00002', subject: 'Green spaces', question: 'Mill Lane park', notes: 'Chased' }),
        'sam green',
      ],
      ['', 'priya patel jones'],
      ['depot spot', ''],
    ];
    expect(found(rows, 'pot')).toEqual([0]); // "depot" and "spot" hold "pot" but do not start with it
    expect(found(rows, 'POT')).toEqual([0]);
    expect(found(rows, 'mill')).toEqual([0, 2]);
    expect(found(rows, 'green')).toEqual([0, 2]); // the officer's name too
    expect(found(rows, 'chased green')).toEqual([2]);
    expect(found(rows, 'jones')).toEqual([3]);
    expect(found(rows, 'ntk-2026-00002')).toEqual([2]);
    expect(found(rows, 'member only')).toEqual([]);
    expect(found(rows, 'zzz')).toEqual([]);
    expect(found(rows, 'a')).toEqual([]); // nothing of two letters or more typed: nothing searched
  });

  it('finds the same rows as testing each row on its own, over many rows', () => {
    const vocabulary = Array.from({ length: 300 }, (_, i) => `word${i.toString(36)}`);
    const rows = Array.from({ length: 2_000 }, (_, row) =>
      row % 11 === 0
        ? null
        : [Array.from({ length: 12 }, (_, k) => vocabulary[(row * 7 + k * k * 13) % vocabulary.length]!).join(' '), 'sam'],
    );
    for (const typed of ['word1', 'word1z word2', 'wor', 'sam word5', 'word9', 'x']) {
      const words = searchWordsOf(typed);
      const expected = rows.flatMap((r, i) =>
        r &&
        words.length > 0 &&
        words.every((w) =>
          r
            .join(' ')
            .split(' ')
            .some((x) => x.startsWith(w)),
        )
          ? [i]
          : [],
      );
      expect(found(rows, typed), typed).toEqual(expected);
    }
  });
});
