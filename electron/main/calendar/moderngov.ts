// ModernGov (Civica Modern.Gov) exports: the XML its mgWebService.asmx web service returns for
// GetMeetings (a list of <meeting> stubs: <meetingid>, <meetingdate> dd/mm/yyyy, <meetingstatus>,
// <committeeid>) and GetMeeting (one <meeting> with <committeetitle>, <meetingtime>,
// <meetinglocation> and <agendaitems><agendaitem> with <agendaitemnumber>, <agendaitemtitle> and
// <linkeddocuments><linkeddoc> whose <isrestricted> is True for exempt papers). Parsed with
// fast-xml-parser, entities and DTDs off, so a hostile file cannot expand or reach anything, in a
// worker thread (parse-in-worker.ts) so a huge one cannot block main's event loop either.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_IMPORTED_MEETINGS, type ParsedMeeting } from '../../../shared/domain/meeting-import';
import { AppError } from '../../../shared/ipc/errors';
import { parseInWorker, type CalendarParseOptions } from './parse-in-worker';

export const MAX_MODERNGOV_BYTES = 5 * 1024 * 1024;

const refuse = (why: string) => new AppError('invalid-input', `This democracy-site file cannot be imported: ${why}. Nothing was imported.`);

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Element names are matched without case or namespace: installs differ (MeetingId, meetingid).
  transformTagName: (name) => name.replace(/^.*:/, '').toLowerCase(),
  isArray: (name) => ['meeting', 'agendaitem', 'linkeddoc', 'committee'].includes(name.replace(/^.*:/, '').toLowerCase()),
});

const asText = (value: unknown): string => {
  if (typeof value === 'string') return decode(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return asText((value as Node)['#text']);
  return '';
};

// Entity processing is off in the parser (no entity expansion attacks); the five XML entities and
// numeric references are decoded here, twice, because ModernGov escapes HTML before XML ("&amp;amp;").
function decode(s: string): string {
  const once = (t: string) =>
    t.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
      const lower = e.toLowerCase();
      if (lower === 'amp') return '&';
      if (lower === 'lt') return '<';
      if (lower === 'gt') return '>';
      if (lower === 'quot') return '"';
      if (lower === 'apos') return "'";
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    });
  return once(once(s)).replace(/<[^>]{0,200}>/g, ' ');
}

const isTrue = (value: unknown) => /^(true|1|yes)$/i.test(asText(value).trim());

/** Every <meeting> element anywhere in the document (GetMeetings wraps them; GetMeeting is one). */
function findMeetings(node: unknown, found: Node[], depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 12) return;
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === 'meeting') {
      for (const m of value as unknown[]) if (m && typeof m === 'object') found.push(m as Node);
    } else if (Array.isArray(value)) {
      for (const v of value) findMeetings(v, found, depth + 1);
    } else {
      findMeetings(value, found, depth + 1);
    }
  }
}

/** ModernGov writes dates dd/mm/yyyy (sometimes with a time), newer installs ISO. */
function isoDate(raw: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(raw);
  if (uk) return `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
}

function agendaItems(meeting: Node): ParsedMeeting['agendaItems'] {
  const container = meeting.agendaitems;
  const items = container && typeof container === 'object' ? (((container as Node).agendaitem as Node[] | undefined) ?? []) : [];
  return items.map((item) => {
    const docs =
      item.linkeddocuments && typeof item.linkeddocuments === 'object'
        ? (((item.linkeddocuments as Node).linkeddoc as Node[] | undefined) ?? [])
        : [];
    const restricted =
      isTrue(item.agendaitemisrestricted) ||
      isTrue(item.agendaitemrestricted) ||
      isTrue(item.isrestricted) ||
      isTrue(item.agendaitemisexempt) ||
      isTrue(item.agendaitemexempt) ||
      docs.some((d) => isTrue(d.isrestricted));
    return {
      number: asText(item.agendaitemnumber ?? item.agendaitemid ?? ''),
      title: asText(item.agendaitemtitle ?? item.title ?? ''),
      restricted,
    };
  });
}

/**
 * The meetings in a ModernGov GetMeetings or GetMeeting XML document. `site` is the democracy
 * site's origin when fetched (ids are unique per site only); a saved file is keyed by its ids alone.
 * `committees` maps committee ids to titles (from GetCommittees) for lists that give only the id.
 */
export function parseModernGov(
  content: string,
  site?: string,
  committees: ReadonlyMap<string, string> = new Map(),
  options: CalendarParseOptions = {},
): Promise<ParsedMeeting[]> {
  return parseInWorker({ kind: 'moderngov', content, site, committees }, options);
}

/**
 * Several ModernGov documents (a site's GetMeeting answers) parsed in one worker, so a site's
 * agendas cost one worker's start rather than one each; the first refusal refuses them all.
 */
export function parseModernGovMany(
  contents: string[],
  site?: string,
  committees: ReadonlyMap<string, string> = new Map(),
): Promise<ParsedMeeting[][]> {
  return parseInWorker({ kind: 'moderngov-many', contents, site, committees });
}

/** parseModernGov's work, on the calling thread: run by the calendar worker, never by main. */
export function parseModernGovInThread(
  content: string,
  site?: string,
  committees: ReadonlyMap<string, string> = new Map(),
): ParsedMeeting[] {
  if (Buffer.byteLength(content, 'utf8') > MAX_MODERNGOV_BYTES) throw refuse(`it is larger than ${MAX_MODERNGOV_BYTES / (1024 * 1024)} MB`);
  if (/<!DOCTYPE|<!ENTITY/i.test(content)) throw refuse('it contains a document type declaration, which a ModernGov export never does');
  if (XMLValidator.validate(content) !== true) throw refuse('it is not well-formed XML (it may be damaged or incomplete)');
  let doc: unknown;
  try {
    doc = parser.parse(content);
  } catch {
    throw refuse('it is not well-formed XML');
  }
  const found: Node[] = [];
  findMeetings(doc, found);
  if (found.length === 0) throw refuse('it has no meetings in it (is it a GetMeetings or GetMeeting export?)');
  if (found.length > MAX_IMPORTED_MEETINGS)
    throw refuse(`it has more than ${MAX_IMPORTED_MEETINGS} meetings, the most that can be imported at once (export a shorter period)`);
  return found.map((m) => {
    const id = asText(m.meetingid).trim();
    if (!/^\d{1,12}$/.test(id)) throw refuse('a meeting has no meeting id');
    const date = isoDate(asText(m.meetingdate).trim());
    if (!date) throw refuse(`meeting ${id} has no date`);
    const committeeId = asText(m.committeeid).trim();
    const committee =
      asText(m.committeetitle ?? m.committeename ?? m.meetingtitle).trim() ||
      committees.get(committeeId) ||
      (committeeId ? `Committee ${committeeId}` : '');
    const time = /^(\d{1,2})[:.](\d{2})/.exec(asText(m.meetingtime).trim());
    return {
      source: { kind: 'moderngov' as const, uid: id, ...(site ? { site } : {}) },
      committee,
      date,
      time: time ? `${time[1]!.padStart(2, '0')}:${time[2]}` : null,
      location: asText(m.meetinglocation).slice(0, 200),
      agendaItems: agendaItems(m),
    };
  });
}

/** Committee titles from a GetCommittees document (<committee><committeeid>, <committeetitle>), parsed in a worker thread. */
export function parseCommittees(content: string, options: CalendarParseOptions = {}): Promise<Map<string, string>> {
  return parseInWorker({ kind: 'committees', content }, options);
}

/** parseCommittees's work, on the calling thread: run by the calendar worker, never by main. */
export function parseCommitteesInThread(content: string): Map<string, string> {
  const map = new Map<string, string>();
  if (XMLValidator.validate(content) !== true || /<!DOCTYPE|<!ENTITY/i.test(content)) return map;
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 8) return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === 'committee')
        for (const c of value as Node[]) map.set(asText(c.committeeid).trim(), asText(c.committeetitle ?? c.committeename).trim());
      else walk(value, depth + 1);
    }
  };
  walk(parser.parse(content), 0);
  return map;
}
