import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_CHARS, cleanFileName } from '../../../shared/domain/file-names';

describe('cleanFileName: a name from a file reads as what it is', () => {
  it('removes bidi embeddings, overrides, isolates and marks', () => {
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    for (const c of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ])
      expect(cleanFileName(`a${c}b.pdf`)).toBe('ab.pdf');
  });
  it('removes zero-width characters, the word joiner, the byte-order mark and control characters', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0000', '\u001F', '\u007F', '\u0085'])
      expect(cleanFileName(`re${c}port.pdf`)).toBe('report.pdf');
  });
  it('keeps everything a real name has: accents, dashes, spaces, other scripts', () => {
    expect(cleanFileName('Évaluation du dépôt – £2m.pdf')).toBe('Évaluation du dépôt – £2m.pdf');
    expect(cleanFileName('تقرير المجلس.pdf')).toBe('تقرير المجلس.pdf');
    expect(cleanFileName('.profile')).toBe('.profile');
  });
  it('drops folders, spaces at the ends and dots at the end', () => {
    expect(cleanFileName('C:\\Users\\x\\plan.pdf')).toBe('plan.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('  report.pdf . ')).toBe('report.pdf');
  });
  it('shortens a long name to the limit, keeping its extension, and falls back when nothing is left', () => {
    const long = cleanFileName(`${'a'.repeat(500)}.pdf`);
    expect([...long]).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(long.endsWith('a.pdf')).toBe(true);
    expect([...cleanFileName('😀'.repeat(300))]).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(cleanFileName('\u202E\u200B')).toBe('attachment');
    expect(cleanFileName('', 'message.eml')).toBe('message.eml');
  });
});
