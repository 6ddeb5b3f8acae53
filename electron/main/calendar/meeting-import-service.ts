import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { planMeetingImport, type MeetingRecordInput, type ParsedMeeting } from '../../../shared/domain/meeting-import';
import { toIsoDate } from '../../../shared/domain/dates';
import type { MeetingImportPreview, MeetingImportRequest } from '../../../shared/ipc/meeting-import';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import { parseIcs, MAX_CALENDAR_BYTES } from './ics';
import { parseModernGov } from './moderngov';
import { fetchDemocracySite, type FetchLike } from './democracy-site';

/** The smallest view of the meetings store this needs (the casework or directory service provides it). */
export interface MeetingRecords {
  meetings(): Array<MeetingRecordInput & { id: string }>;
  saveMeeting(input: MeetingRecordInput): unknown;
}

/** Where import files and the network come from: Electron's dialog and net.fetch in the app, fakes in tests and the harness. */
export interface MeetingImportSources {
  /** The file the user picked (null = cancelled). */
  chooseFile(kind: 'ics' | 'moderngov'): Promise<string | null>;
  /** Absent: fetching from the democracy site is unavailable here. */
  fetch?: FetchLike;
}

export const noMeetingImportSources: MeetingImportSources = {
  chooseFile: async () => {
    throw new AppError('unavailable', 'Choosing files is not available here.');
  },
};

/** A command's hold on the session that began it (the session service's guard): checked after every wait. */
export interface CommandGuard {
  /** True while the session that began the command is still the one unlocked. */
  readonly current: boolean;
  /** Throws a plain-words 'locked' error unless that session is still the one unlocked. */
  check(): void;
  /** What to throw for an error raised while waiting: the 'locked' error once the session has ended. */
  explain(error: unknown): unknown;
}

interface Pending {
  token: string;
  /** The session that made the preview: only it may apply it. */
  guard: CommandGuard;
  parsed: ParsedMeeting[];
}

const INTERRUPTED = lockedBefore('the meetings were imported', 'import them again');

/**
 * Import meetings in two steps, so the user checks before anything is saved: preview parses the
 * whole file (or site) and lists what would be added and updated; apply saves exactly that. A bad
 * file fails in preview, so nothing is saved.
 */
export class MeetingImportService {
  private pending: Pending | null = null;

  constructor(
    private readonly records: MeetingRecords,
    /** Begins a command in the session unlocked now (throws when locked); a preview is only applied in the session that made it. */
    private readonly begin: (interrupted: string) => CommandGuard,
    private readonly sources: MeetingImportSources = noMeetingImportSources,
    private readonly today: () => string = () => toIsoDate(new Date()),
  ) {}

  async preview(request: MeetingImportRequest): Promise<MeetingImportPreview> {
    const guard = this.begin(INTERRUPTED);
    let parsed: ParsedMeeting[] | null;
    let sourceLabel: string;
    try {
      ({ parsed, sourceLabel } = await this.read(request));
    } catch (error) {
      throw guard.explain(error);
    }
    if (!parsed) return { token: '', sourceLabel: '', add: [], update: [], unchanged: 0 };
    // Fetching and reading wait: a preview made after a lock would be held for the next session.
    guard.check();
    const plan = planMeetingImport(this.records.meetings(), parsed);
    const token = randomUUID();
    this.pending = { token, guard, parsed };
    const view = (e: (typeof plan.add)[number]) => ({
      committee: e.record.committee,
      date: e.record.date,
      agendaItems: e.record.agendaItems,
      privateItems: e.record.privateItems ?? [],
      changes: e.changes,
    });
    return { token, sourceLabel, add: plan.add.map(view), update: plan.update.map(view), unchanged: plan.unchanged };
  }

  /** The meetings in the file or on the site; null when the user cancelled the file dialog. */
  private async read(request: MeetingImportRequest): Promise<{ parsed: ParsedMeeting[] | null; sourceLabel: string }> {
    let parsed: ParsedMeeting[];
    let sourceLabel: string;
    if (request.from === 'moderngov-site') {
      if (!this.sources.fetch)
        throw new AppError(
          'unavailable',
          'Fetching from the democracy site is not available here. Save the export as a file and import that.',
        );
      parsed = await fetchDemocracySite(request.address, this.today(), this.sources.fetch);
      sourceLabel = new URL(parsed[0]?.source.site ?? 'https://unknown.invalid').origin;
    } else {
      const kind = request.from === 'ics-file' ? 'ics' : 'moderngov';
      const file = await this.sources.chooseFile(kind);
      if (!file) return { parsed: null, sourceLabel: '' };
      const content = await readSmallFile(file);
      const fileName = path.basename(file);
      parsed =
        kind === 'ics'
          ? await parseIcs(content, this.today(), { fileName })
          : await parseModernGov(content, undefined, undefined, { fileName });
      sourceLabel = `${kind === 'ics' ? 'calendar file' : 'democracy-site file'} “${path.basename(file).slice(0, 120)}”`;
    }
    return { parsed, sourceLabel };
  }

  apply(token: string): { added: number; updated: number; unchanged: number } {
    const pending = this.pending;
    if (!pending || pending.token !== token || !pending.guard.current) {
      throw new AppError('conflict', 'That import has expired. Choose the file again. Nothing was imported.');
    }
    this.pending = null;
    // Planned again against the meetings held now, so a meeting imported meanwhile is updated, not duplicated.
    const plan = planMeetingImport(this.records.meetings(), pending.parsed);
    for (const entry of [...plan.add, ...plan.update]) this.records.saveMeeting(entry.record);
    return { added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged };
  }

  /** Locking forgets a preview not yet applied. */
  forget(): void {
    this.pending = null;
  }
}

async function readSmallFile(file: string): Promise<string> {
  const name = path.basename(file).slice(0, 120);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new AppError('invalid-input', `“${name}” is not a file. Nothing was imported.`);
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('io', `“${name}” cannot be read. Nothing was imported.`);
  }
  if (size > MAX_CALENDAR_BYTES)
    throw new AppError(
      'invalid-input',
      `“${name}” is ${Math.ceil(size / (1024 * 1024))} MB; a calendar or meetings export is far smaller. Export a shorter period. Nothing was imported.`,
    );
  if (size === 0) throw new AppError('invalid-input', `“${name}” is empty. Nothing was imported.`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new AppError('io', `“${name}” cannot be read. Nothing was imported.`);
  }
}
