// Main's side of parsing calendar and ModernGov files: each parse runs in its own worker thread
// (calendar-worker.ts) with a time limit and heap limits, so a hostile or huge file can neither
// block main's event loop nor exhaust its memory; whatever goes wrong becomes one plain refusal.
import type { ResourceLimits } from 'node:worker_threads';
import type { ParsedMeeting } from '../../../shared/domain/meeting-import';
import { AppError, errorCodes, type ErrorCode } from '../../../shared/ipc/errors';
import { OUT_OF_MEMORY, WorkerFailure, WorkerTimeout, runInWorker } from '../workers/run';

export type CalendarJob =
  | { kind: 'ics'; content: string; today: string }
  | { kind: 'moderngov'; content: string; site?: string; committees: ReadonlyMap<string, string> }
  | { kind: 'moderngov-many'; contents: string[]; site?: string; committees: ReadonlyMap<string, string> }
  | { kind: 'committees'; content: string };

export interface CalendarJobResult {
  ics: ParsedMeeting[];
  moderngov: ParsedMeeting[];
  'moderngov-many': ParsedMeeting[][];
  committees: Map<string, string>;
}

/** A real council calendar or ModernGov export parses in well under a second. */
export const CALENDAR_TIME_LIMIT_MS = 10_000;
/** Files are at most 5 MB: a quarter of a GB of heap is ample for any real one. */
export const CALENDAR_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };

export interface CalendarParseOptions {
  /** The file's name, for the refusal (absent for a democracy site's answer). */
  fileName?: string;
  timeLimitMs?: number;
  /** Code to run instead of the calendar worker (tests inject a slow or failing one). */
  source?: string;
}

/** The sentence a parse's own refusals start with, per kind (ics.ts and moderngov.ts word them so). */
const SUBJECT = {
  ics: 'This calendar file',
  moderngov: 'This democracy-site file',
  'moderngov-many': 'This democracy-site file',
  committees: 'This democracy-site file',
} as const;
const NAMED = {
  ics: 'The calendar file',
  moderngov: 'The democracy-site file',
  'moderngov-many': 'The democracy-site file',
  committees: 'The democracy-site file',
} as const;

/** Runs `job` in the calendar worker; any failure is an AppError in plain words naming the file. */
export async function parseInWorker<K extends CalendarJob['kind']>(
  job: Extract<CalendarJob, { kind: K }>,
  options: CalendarParseOptions = {},
): Promise<CalendarJobResult[K]> {
  const name = options.fileName ? options.fileName.slice(0, 120) : null;
  const subject = name ? `${NAMED[job.kind]} “${name}”` : SUBJECT[job.kind];
  const refuse = (why: string) => new AppError('invalid-input', `${subject} cannot be imported: ${why}. Nothing was imported.`);
  try {
    return await runInWorker<CalendarJobResult[K]>('calendar', job, {
      timeLimitMs: options.timeLimitMs ?? CALENDAR_TIME_LIMIT_MS,
      resourceLimits: CALENDAR_LIMITS,
      source: options.source,
    });
  } catch (error) {
    if (error instanceof WorkerFailure && error.workerErrorName === 'AppError' && isErrorCode(error.code)) {
      const message =
        name && error.message.startsWith(SUBJECT[job.kind]) ? subject + error.message.slice(SUBJECT[job.kind].length) : error.message;
      throw new AppError(error.code, message);
    }
    if (error instanceof WorkerTimeout) throw refuse('it took too long to read, as no real one does');
    if (error instanceof WorkerFailure && error.code === OUT_OF_MEMORY) throw refuse('it needs far more memory to read than any real one');
    throw refuse('it could not be read (it may be damaged)');
  }
}

const isErrorCode = (code: string | undefined): code is ErrorCode => (errorCodes as readonly string[]).includes(code ?? '');
