// Meetings from the council's calendar: what a parsed calendar event or democracy-site meeting
// becomes in the app, how a re-import finds the meeting it already made, and which agenda items
// come in as private (pink-paper) items. Pure: the parsers live in main (electron/main/calendar).
import { z } from 'zod';
import { compareIso, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';

/** Where an imported meeting came from; `uid` is the calendar event's UID or the ModernGov meeting id. */
export const meetingSourceSchema = z.object({
  kind: z.enum(['ics', 'moderngov']),
  uid: z.string().min(1).max(500),
  /** The democracy site's origin for ModernGov meetings (ids are only unique per site). */
  site: z.string().max(200).optional(),
});
export type MeetingSource = z.infer<typeof meetingSourceSchema>;

/** Agenda items that are private (pink papers: exempt or confidential, press and public excluded); each is one of the meeting's agenda items. */
export const privateItemsSchema = z.array(z.string().trim().min(1).max(200)).max(100);

/** One meeting as a parser read it, before it is matched against what the app holds. */
export interface ParsedMeeting {
  source: MeetingSource;
  committee: string;
  date: IsoDate;
  /** Start time in the UK (HH:MM), when the source gives one. */
  time: string | null;
  location: string;
  agendaItems: Array<{ number: string; title: string; restricted: boolean }>;
}

/** A meeting record as saved (the shape of `meetings:save` input). */
export interface MeetingRecordInput {
  id?: string;
  committee: string;
  date: IsoDate;
  agendaItems: string[];
  privateItems?: string[];
  source?: MeetingSource;
}

export const MAX_AGENDA_ITEMS = 100;
export const MAX_IMPORTED_MEETINGS = 500;

/** The key a re-import matches on: the same event or ModernGov meeting, from the same site. */
export function importKey(source: MeetingSource): string {
  return `${source.kind}|${source.site ?? ''}|${source.uid}`;
}

// Words councils put on agenda items taken in private under Schedule 12A / s.100A(4): "Exempt
// information", "Part II", "Confidential", "Restricted", "not for publication", "pink".
const PRIVATE_WORDS =
  /\b(exempt|confidential|restricted|part\s*(ii|2|b)|not\s+for\s+publication|pink\s+papers?|private\s+session|press\s+and\s+public\s+(be\s+)?excluded)\b/i;

// R-USE-1 (000 §17.9.3): an item the council marks restricted, exempt or confidential is a pink-paper item, handled in private session only.
export function isPrivateAgendaItem(item: { title: string; restricted?: boolean }): boolean {
  return item.restricted === true || PRIVATE_WORDS.test(item.title);
}

const clean = (s: string, max: number) =>
  s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/** The item as listed on the meeting: "7. Depot disposal (exempt)", at most 200 characters. */
export function agendaItemLabel(item: { number: string; title: string }): string {
  const number = clean(item.number, 20).replace(/[.)]$/, '');
  const title = clean(item.title, 200);
  return clean(number && !title.startsWith(number) ? `${number}. ${title}` : title, 200);
}

/** A parsed meeting as a record (no id yet): items labelled, duplicates dropped, private items listed. */
export function toMeetingRecord(parsed: ParsedMeeting): MeetingRecordInput {
  const committee = clean(parsed.committee, 120);
  if (!committee) throw new DomainError('invalid-input', 'A meeting in the file has no committee or title.');
  parseIsoDate(parsed.date, 'The meeting date');
  const items: string[] = [];
  const privateItems: string[] = [];
  for (const item of parsed.agendaItems) {
    const label = agendaItemLabel(item);
    if (!label || items.includes(label)) continue;
    if (items.length >= MAX_AGENDA_ITEMS) break;
    items.push(label);
    if (isPrivateAgendaItem(item)) privateItems.push(label);
  }
  return { committee, date: parsed.date, agendaItems: items, privateItems, source: parsed.source };
}

export interface ImportPlanEntry {
  /** Set for an update: the meeting already held. */
  id?: string;
  record: MeetingRecordInput;
  /** What changes, in words, for the check-your-answers list ("date 03/12/2026 → 10/12/2026"). */
  changes: string[];
}

export interface ImportPlan {
  add: ImportPlanEntry[];
  update: ImportPlanEntry[];
  unchanged: number;
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Which parsed meetings are new, which update a meeting already held (matched by source and uid, so
 * re-importing never duplicates), and which are unchanged. A meeting typed in by hand is never
 * matched: it has no source. The same event twice in one file counts once (the later wins).
 */
export function planMeetingImport(
  existing: ReadonlyArray<MeetingRecordInput & { id: string }>,
  parsed: readonly ParsedMeeting[],
): ImportPlan {
  if (parsed.length === 0) throw new DomainError('invalid-input', 'The file has no meetings in it.');
  if (parsed.length > MAX_IMPORTED_MEETINGS)
    throw new DomainError(
      'invalid-input',
      `The file has ${parsed.length} meetings; at most ${MAX_IMPORTED_MEETINGS} can be imported at once. Export a shorter period.`,
    );
  const held = new Map(existing.filter((m) => m.source).map((m) => [importKey(m.source!), m]));
  const incoming = new Map<string, MeetingRecordInput>();
  for (const p of parsed) incoming.set(importKey(p.source), toMeetingRecord(p));
  const plan: ImportPlan = { add: [], update: [], unchanged: 0 };
  for (const [key, record] of incoming) {
    const before = held.get(key);
    if (!before) {
      plan.add.push({ record, changes: [] });
      continue;
    }
    const changes: string[] = [];
    if (before.committee !== record.committee) changes.push(`committee “${before.committee}” → “${record.committee}”`);
    if (before.date !== record.date) changes.push(`date ${ukDate(before.date)} → ${ukDate(record.date)}`);
    if (!sameList(before.agendaItems, record.agendaItems)) changes.push('agenda items');
    if (!sameList(before.privateItems, record.privateItems)) changes.push('private items');
    if (changes.length) plan.update.push({ id: before.id, record: { ...record, id: before.id }, changes });
    else plan.unchanged++;
  }
  const byDate = (a: ImportPlanEntry, b: ImportPlanEntry) =>
    compareIso(a.record.date, b.record.date) || a.record.committee.localeCompare(b.record.committee);
  plan.add.sort(byDate);
  plan.update.sort(byDate);
  return plan;
}

function ukDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Only the agenda items that are still on the meeting may be private; anything else is dropped. */
export function normalisePrivateItems(agendaItems: readonly string[], privateItems: readonly string[] | undefined): string[] {
  return [...new Set((privateItems ?? []).filter((p) => agendaItems.includes(p)))];
}

/**
 * The democracy site's address as the one origin the app will contact: https only, a host name (no
 * user name, no port other than 443, no IP address on a private network), path dropped. Throws
 * with a plain reason otherwise. The screen shows the result before anything is fetched.
 */
export function democracySiteOrigin(address: string): string {
  const trimmed = address.trim();
  if (!trimmed)
    throw new DomainError(
      'invalid-input',
      'Enter the address of the council’s democracy site, for example https://democracy.example.gov.uk',
    );
  // Parsed by hand: shared/ has no platform URL type, and only the host is kept anyway.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  if (scheme && scheme[1]!.toLowerCase() !== 'https')
    throw new DomainError('invalid-input', 'The address must start with https:// so the meetings cannot be tampered with on the way.');
  const authority = (scheme ? trimmed.slice(scheme[0].length) : trimmed).split(/[/?#]/)[0] ?? '';
  if (authority.includes('@')) throw new DomainError('invalid-input', 'The address must not contain a user name or password.');
  const [hostPart = '', port] = authority.split(':');
  if (port !== undefined && port !== '443') throw new DomainError('invalid-input', 'The address must not name a port.');
  const host = hostPart.toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host))
    throw new DomainError('invalid-input', 'That is not a web address. Enter it like https://democracy.example.gov.uk');
  if (/^[\d.]+$/.test(host) || host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.localhost')) {
    throw new DomainError(
      'invalid-input',
      'Enter the council’s democracy site by its name, like democracy.example.gov.uk (not an IP address or a local name).',
    );
  }
  return `https://${host}`;
}

// Outlook writes Windows time-zone names as TZIDs; ical.js knows only IANA names. The zones a UK
// council's calendar is likely to carry, mapped as in the Unicode CLDR windowsZones table.
export const WINDOWS_TIME_ZONES: Readonly<Record<string, string>> = {
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'India Standard Time': 'Asia/Calcutta',
};

/** The IANA zone for a TZID, whether Outlook's Windows name, an IANA name or a "/mozilla.org/…" prefixed one; null when unknown. */
export function ianaZoneFor(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (WINDOWS_TIME_ZONES[name]) return WINDOWS_TIME_ZONES[name]!;
  const tail = name.replace(/^\/?(mozilla\.org|softwarestudio\.org|freeassociation\.sourceforge\.net)\/[^/]*\/?/i, '');
  if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(tail) || tail === 'UTC') return tail;
  return null;
}
