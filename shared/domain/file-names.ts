// The one rule for a file name that came from a file (an email's attachment, an imported email's
// own name): what is stored and shown must read as what it is. Pure.

/** Longer names are shortened (their extension kept): a real one is far shorter. */
export const MAX_FILE_NAME_CHARS = 200;

/**
 * Characters that change how a name is drawn without being seen: bidirectional embeddings,
 * overrides, isolates and marks (U+202E makes "invoice\u202Efdp.exe" read as "invoiceexe.pdf"),
 * zero-width spaces and joiners, the word joiner and invisible operators, the byte-order mark;
 * and control characters.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** An extension kept when a long name is shortened: a dot and up to 16 letters or digits. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

/**
 * `name` safe to store and show: no folders, no hidden or control characters, no spaces at either end
 * nor dots at its end, at most MAX_FILE_NAME_CHARS characters (the extension kept); `fallback` when
 * nothing is left.
 */
export function cleanFileName(name: string, fallback = 'attachment'): string {
  const bare = name
    .replace(HIDDEN, '')
    .replace(/^.*[\\/]/, '')
    .replace(/^\s+|[\s.]+$/gu, '');
  const chars = [...bare];
  if (chars.length <= MAX_FILE_NAME_CHARS) return bare || fallback;
  const extension = EXTENSION.exec(bare)?.[0] ?? '';
  const stem = chars.slice(0, MAX_FILE_NAME_CHARS - [...extension].length).join('');
  return `${stem.replace(/[\s.]+$/u, '')}${extension}`;
}
