// The one network call the app ever makes: on the Member's or PA's request, main asks the council's
// democracy site (ModernGov's mgWebService.asmx) for its meetings. The fetch is injected (Electron's
// net.fetch in the app, so the council's proxy settings apply; a fake in tests), https only, no
// redirects, each answer size-limited and the whole import time-limited.
import { addDays } from '../../../shared/domain/dates';
import { democracySiteOrigin, type ParsedMeeting } from '../../../shared/domain/meeting-import';
import { AppError } from '../../../shared/ipc/errors';
import { MAX_MODERNGOV_BYTES, parseCommittees, parseModernGov, parseModernGovMany } from './moderngov';

export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; redirect: 'error'; headers: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  body: ReadableStream<Uint8Array> | null;
}>;

export const SITE_TIME_LIMIT_MS = 30_000;
/** Agendas are fetched for at most this many meetings (a big council has ~40 a month). */
export const MAX_SITE_MEETINGS = 60;
/** The window asked for: a week back to three months ahead. */
export const SITE_WINDOW = { daysBefore: 7, daysAfter: 92 } as const;

const ukParam = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new AppError(
        'refused',
        `The democracy site sent more than ${limit / (1024 * 1024)} MB for one answer, so it was stopped. Nothing was imported.`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The site's meetings in the window around `today`, with agendas. Any failure (no answer, not
 * https, a redirect, too big, too slow, not ModernGov) is a plain error, and nothing is imported.
 */
export async function fetchDemocracySite(
  address: string,
  today: string,
  fetchFn: FetchLike,
  timeLimitMs = SITE_TIME_LIMIT_MS,
): Promise<ParsedMeeting[]> {
  const origin = democracySiteOrigin(address);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeLimitMs);
  const get = async (path: string): Promise<string> => {
    let response;
    try {
      response = await fetchFn(`${origin}/mgWebService.asmx/${path}`, {
        signal: controller.signal,
        redirect: 'error',
        headers: { Accept: 'text/xml, application/xml' },
      });
    } catch {
      if (controller.signal.aborted)
        throw new AppError(
          'unavailable',
          `The democracy site did not answer within ${timeLimitMs / 1000} seconds. Nothing was imported; try again later, or save the export as a file and import that.`,
        );
      throw new AppError(
        'unavailable',
        `The app could not reach ${origin}. Check the address and that this computer is online. Nothing was imported.`,
      );
    }
    if (!response.ok)
      throw new AppError(
        'unavailable',
        `${origin} answered with an error (${response.status}); it may not be a ModernGov site. Nothing was imported.`,
      );
    try {
      return await readCapped(response.body, MAX_MODERNGOV_BYTES);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unavailable', `The democracy site stopped answering part way. Nothing was imported.`);
    }
  };
  try {
    const from = ukParam(addDays(today, -SITE_WINDOW.daysBefore));
    const to = ukParam(addDays(today, SITE_WINDOW.daysAfter));
    const committees = await parseCommittees(await get('GetCommittees?lDays=0'));
    const stubs = await parseModernGov(
      await get(`GetMeetings?lCommitteeId=0&sFromDate=${encodeURIComponent(from)}&sToDate=${encodeURIComponent(to)}`),
      origin,
      committees,
    );
    if (stubs.length > MAX_SITE_MEETINGS)
      throw new AppError(
        'refused',
        `The site lists ${stubs.length} meetings in the next three months; at most ${MAX_SITE_MEETINGS} can be fetched at once. Save a shorter export as a file instead. Nothing was imported.`,
      );
    // Agendas are parsed in batches of up to MAX_MODERNGOV_BYTES: one worker each, not one per meeting.
    const meetings: ParsedMeeting[] = [];
    let batch: Array<{ stub: ParsedMeeting; xml: string }> = [];
    let batchBytes = 0;
    const flush = async () => {
      const parsed = await parseModernGovMany(
        batch.map((b) => b.xml),
        origin,
        committees,
      );
      batch.forEach(({ stub }, i) => {
        const full = parsed[i]?.[0];
        meetings.push(full ? { ...full, committee: full.committee || stub.committee, source: stub.source } : stub);
      });
      batch = [];
      batchBytes = 0;
    };
    for (const stub of stubs) {
      const xml = await get(`GetMeeting?lMeetingId=${encodeURIComponent(stub.source.uid)}`);
      batch.push({ stub, xml });
      batchBytes += xml.length;
      if (batchBytes >= MAX_MODERNGOV_BYTES) await flush();
    }
    if (batch.length) await flush();
    return meetings;
  } finally {
    clearTimeout(timer);
  }
}
