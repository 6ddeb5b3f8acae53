// Plain words for every error a form shows. Main answers a bad payload with the zod issues joined
// ("copies.1: Invalid email address; subject: Too small…"), and some rules name fields or rule ids;
// none of that may reach a councillor. Each issue is matched to the form's own field and label.

export interface FormError {
  /** The form's field name the problem belongs to (the summary links to it), or none for the form as a whole. */
  field?: string;
  message: string;
}

export interface FieldSpec {
  label: string;
  /** What to say when it is empty: "Enter the officer’s email address". */
  missing?: string;
}

/** The form's fields by name, with other paths that mean the same field ("classification.committee" → "committee"). */
export interface FieldMap {
  fields: Record<string, string | FieldSpec>;
  aliases?: Record<string, string>;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (i: number) => ORDINALS[i] ?? `number ${i + 1}`;

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** "publicInterestReasons" → "public interest reasons": the last resort, so no camelCase is ever shown. */
export function humanise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const RULE_ID = /\s*\(?\bR-[A-Z]+-\d+[a-z]?\b\)?:?/g;
const CAMEL = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;

/** Removes rule ids, prints ISO dates as dd/mm/yyyy and spells out any camelCase word left. */
export function tidy(message: string): string {
  return message
    .replace(RULE_ID, '')
    .replace(ISO_DATE, (_m, y: string, mo: string, d: string) => `${d}/${mo}/${y}`)
    .replace(/YYYY-MM-DD/g, 'day, month and year')
    .replace(CAMEL, (w) => humanise(w))
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function spec(map: FieldMap, name: string): FieldSpec | null {
  const s = map.fields[name];
  if (!s) return null;
  return typeof s === 'string' ? { label: s } : s;
}

/** The form field an issue path belongs to: an alias, the longest matching prefix, or the last named segment. */
function resolve(map: FieldMap, path: string[]): { name: string; index: number | null } | null {
  const index = path.map(Number).find((n) => Number.isInteger(n)) ?? null;
  const hit = (key: string) => {
    const alias = map.aliases?.[key];
    if (alias && map.fields[alias]) return alias;
    return map.fields[key] ? key : null;
  };
  // The whole path, then the most specific named part ("classification.committee" → committee), then shorter prefixes.
  const whole = hit(path.join('.'));
  if (whole) return { name: whole, index };
  const named = path.filter((p) => !/^\d+$/.test(p));
  for (let i = named.length - 1; i >= 0; i--) {
    const found = hit(named[i]!);
    if (found) return { name: found, index };
  }
  for (let end = path.length - 1; end > 0; end--) {
    const found = hit(path.slice(0, end).join('.'));
    if (found) return { name: found, index };
  }
  return null;
}

/** One zod (or rule) message about one field, in words, using that field's label. */
function wordsFor(raw: string, field: FieldSpec, index: number | null): string {
  const label = field.label;
  const which = index === null ? '' : `the ${ordinal(index)} `;
  const text = raw.trim();
  if (/YYYY-MM-DD|real date|Invalid date/i.test(text)) return `${label} must be a real date`;
  // A message a rule wrote for people already ("Enter the officer’s name"), not zod's own wording.
  if (/^[A-Z]/.test(text) && !ZOD_WORDING.test(text)) return tidy(text);
  const tooBig = /(?:Too big|At most)[^\d]*?(\d[\d,]*)/i.exec(text);
  if (tooBig) return `${label} must be ${Number(tooBig[1]!.replace(/,/g, '')).toLocaleString('en-GB')} characters or fewer`;
  const tooSmall = /Too small: expected string to have >=?(\d+)/i.exec(text);
  if (tooSmall && Number(tooSmall[1]) > 1) return `${label} must be at least ${tooSmall[1]} characters`;
  if (/Too small|received undefined|Required|must not be empty/i.test(text)) return field.missing ?? `Enter ${lowerFirst(label)}`;
  if (/email/i.test(text) && /invalid/i.test(text)) {
    return index === null ? `${label} is not a valid email address` : `${label}: ${which}address is not a valid email address`;
  }
  if (/expected true/i.test(text)) return field.missing ?? `Confirm: ${lowerFirst(label)}`;
  if (/Invalid option|Invalid enum|expected one of|Invalid input/i.test(text)) return field.missing ?? `Choose ${lowerFirst(label)}`;
  return `Check ${lowerFirst(label)}${which ? ` (${which.trim()} one)` : ''}`;
}

const ZOD_WORDING = /^(Too (big|small)|Invalid|Expected|Required|Unrecognized|String must|Number must|Array must|At most \d)/;

const PATH_ISSUE = /^([A-Za-z_][\w]*(?:\.[\w]+)*):\s+(.+)$/s;

/**
 * Splits a message from main or zod into problems, each tied to a field where one is named, and
 * words each in plain English. Anything unmatched is still tidied, never shown raw.
 */
export function plainErrors(message: string, map: FieldMap): FormError[] {
  // "The evidence for ground (d) is incomplete: publicInterestReasons, goodFaith." → one problem per field named.
  const listed = /^(.*?) is incomplete: ([\w.]+(?:, [\w.]+)*)\.?$/.exec(message.trim());
  if (listed) {
    const hits = listed[2]!.split(', ').map((p) => resolve(map, p.split('.')));
    if (hits.every(Boolean)) return hits.map((h) => ({ field: h!.name, message: wordsFor('Required', spec(map, h!.name)!, h!.index) }));
    return [{ message: tidy(`${listed[1]} is incomplete: ${listed[2]}.`) }];
  }
  // "The classification is incomplete: committee: Too small" → the issues after the lead-in.
  const lead = /^([^:;]*?):\s+(?=[A-Za-z_][\w.]*:\s)/.exec(message);
  const body = lead ? message.slice(lead[0].length) : message;
  const parts = body.split(/;\s+/).filter(Boolean);
  const out: FormError[] = [];
  for (const part of parts) {
    const m = PATH_ISSUE.exec(part.trim());
    // "sentOn "2026-02-31" is not a real date" (the domain's date parser) names the field first.
    const dated = /^([a-z][\w]*) "([^"]*)" (.*)$/.exec(part.trim());
    const path = m ? m[1]!.split('.') : dated ? [dated[1]!] : null;
    const text = m ? m[2]! : dated ? dated[3]! : part;
    const hit = path ? resolve(map, path) : null;
    if (hit) {
      out.push({ field: hit.name, message: wordsFor(text, spec(map, hit.name)!, hit.index) });
    } else if (path) {
      const words = humanise(path.filter((p) => !/^\d+$/.test(p)).pop() ?? 'this');
      const index = path.map(Number).find((n) => Number.isInteger(n));
      const s: FieldSpec = { label: words[0]!.toUpperCase() + words.slice(1) };
      out.push({ message: wordsFor(text, s, index ?? null) });
    } else {
      out.push({ message: tidy(part) });
    }
  }
  // One problem per field: the first is enough to put it right.
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = e.field ?? `form:${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** For screens that show one sentence (a failed load, a button's action): the message in plain words. */
export function plainMessage(message: string): string {
  return plainErrors(message, { fields: {} })
    .map((e) => e.message)
    .join('. ')
    .replace(/\.\./g, '.');
}
