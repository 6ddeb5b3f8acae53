import { describe, expect, it } from 'vitest';
import { packCounts, pagePositions, pageWordsOf, requestTextWords, rowSearchWords, unpackCounts } from '../../../shared/domain/search';

/** Each row's words from a page's inverted words, sorted and space-separated. */
function perRow(rows: number, words: ReturnType<typeof pageWordsOf>): string[] {
  const { terms, starts, positions } = pagePositions(words);
  const out: string[][] = Array.from({ length: rows }, () => []);
  terms.forEach((t, i) => {
    for (let j = starts[i]!; j < starts[i + 1]!; j++) out[positions[j]!]!.push(t);
  });
  return out.map((w) => w.sort().join(' '));
}

describe('a page’s search words, inverted for the window', () => {
  it('packs whole numbers as text that JSON carries as it is, and reads them back', () => {
    const numbers = [0, 1, 31, 32, 33, 1_023, 1_024, 32_767, 99_999, 10_000_000, 5];
    const text = packCounts(numbers);
    expect(Array.from(unpackCounts(text))).toEqual(numbers);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(text).not.toMatch(/["\\]/);
    // Small numbers take one character: most gaps between rows are small.
    expect(packCounts([1, 2, 3, 31])).toHaveLength(4);
    expect(Array.from(unpackCounts(''))).toEqual([]);
    // Text that is not ours stops the reading: fewer numbers, never a wrong large one.
    expect(Array.from(unpackCounts(`${packCounts([4, 5])} x${packCounts([6])}`))).toEqual([4, 5]);
    expect(Array.from(unpackCounts('}'.repeat(40) + '#'))).toEqual([]);
  });

  it('gives every row the words search finds it by, as rowSearchWords joins them, whatever the page', () => {
    const rows = [
      {
        text: requestTextWords({
          reference: 'NTK-2026-00001',
          subject: 'Potholes on Mill Lane',
          question: 'When will they be filled?',
          notes: '',
        }),
        officer: 'Sam Green',
      },
      { text: '', officer: '' }, // a locked placeholder: no words
      {
        text: requestTextWords({ reference: 'NTK-2026-00002', subject: 'Green spaces', question: 'Mill Lane park', notes: 'Chased' }),
        officer: 'Sam Green',
      },
      { text: 'double  spaced', officer: 'Priya Patel-Jones' },
      { text: '', officer: 'Priya Patel-Jones' },
    ];
    const words = pageWordsOf(
      rows.map((r) => r.text),
      rows.map((r) => r.officer),
    );
    const expected = rows.map((r) =>
      r.text || r.officer ? rowSearchWords(r.text, r.officer).split(' ').filter(Boolean).sort().join(' ') : '',
    );
    expect(perRow(rows.length, words)).toEqual(expected);
    // Each word once, sorted; no empty word.
    const terms = words.terms.split(' ');
    expect(terms).toEqual([...new Set(terms)].sort());
    expect(terms).not.toContain('');
    expect(pageWordsOf([], [])).toEqual({ terms: '', counts: '', gaps: '' });
  });

  it('holds a page of 10,000 rows in far fewer characters than the rows’ words', () => {
    const vocabulary = Array.from({ length: 3_000 }, (_, i) => `word${i.toString(36)}`);
    const texts = Array.from({ length: 10_000 }, (_, row) =>
      [...new Set(Array.from({ length: 30 }, (_, k) => vocabulary[(row * 7 + k * k * 13) % vocabulary.length]!))].join(' '),
    );
    const words = pageWordsOf(
      texts,
      texts.map(() => 'Sam Green'),
    );
    const sent = words.terms.length + words.counts.length + words.gaps.length;
    expect(sent).toBeLessThan(texts.join(' ').length / 3);
    const back = perRow(texts.length, words);
    texts.forEach((t, i) => expect(back[i]).toBe(`${t} sam green`.split(' ').sort().join(' ')));
  });

  it('counts that do not add up are cut short, never read past', () => {
    const words = pageWordsOf(['a b', 'b c'], ['', '']);
    const cut = pagePositions({ ...words, gaps: words.gaps.slice(0, 2) });
    expect(cut.positions.length).toBe(2);
    expect(cut.starts.at(-1)).toBe(2);
    const over = pagePositions({ ...words, counts: packCounts([50, 50, 50]) });
    expect(over.positions.length).toBe(unpackCounts(words.gaps).length);
    // A gap of 0 or one past any page's size ends the reading there: no repeated or wrapped position.
    for (const gaps of [
      [1, 0, 1],
      [1, 2 ** 31 - 1, 1],
      [2 ** 26, 5],
    ]) {
      const odd = pagePositions({ terms: 'a b', counts: packCounts([2, 1]), gaps: packCounts(gaps) });
      expect(odd.positions.every((p, i) => p >= 0 && p < 2 ** 26 && (i === 0 || p !== odd.positions[i - 1]))).toBe(true);
      expect(odd.starts.at(-1)).toBe(odd.positions.length);
    }
  });
});
