import type { SettingsStore } from '../settings/settings-store';
import type { Timers } from './session-service';
import type { EventHub } from './events';
import type { RequestListRow } from '../../../shared/ipc/views';

/** What a digest reads of a request: its status and dates, and the reference it names. */
type ReminderRow = Pick<RequestListRow, 'id' | 'locked' | 'reference' | 'status' | 'target' | 'acknowledgeBy' | 'workingDaysLate'>;

/** Shows a desktop notification (Electron's Notification in the app; a recorder in the harness and tests). */
export type Notify = (title: string, body: string) => void;

/** The settings-store key holding the UK date of the last digest: at most one a day, across restarts. */
export const LAST_DIGEST_KEY = 'lastReminderDigest';
const HOUR = 60 * 60 * 1000;
const MAX_REFERENCES = 5;

export interface ReminderSources {
  /** Every request the signed-in user can read, with its status and dates. Throws while locked. */
  rows(): ReminderRow[];
}

/**
 * The daily reminder: a desktop notification when an acknowledgement or answer falls due
 * or is overdue. At most one digest per UK day; only while unlocked (checked at unlock, then hourly);
 * counts and references only, never a subject or anything else a notification could leak on a
 * locked or shared screen.
 */
export class ReminderService {
  private timer: unknown = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly sources: ReminderSources,
    private readonly store: SettingsStore,
    events: EventHub,
    private readonly notify: Notify | undefined,
    private readonly timers: Timers,
    private readonly today: () => string,
  ) {
    this.unsubscribe = events.subscribe((channel, payload) => {
      if (channel !== 'session:changed') return;
      if (payload.state === 'unlocked') {
        this.check();
        this.schedule();
      } else this.stop();
    });
  }

  /** Sends today's digest if one is due and none was sent today. Returns what was sent, or null. */
  check(): { title: string; body: string } | null {
    if (!this.notify) return null;
    const today = this.today();
    if (this.store.get(LAST_DIGEST_KEY) === today) return null;
    let rows: ReminderRow[];
    try {
      rows = this.sources.rows();
    } catch {
      return null; // locked: nothing is read and nothing is shown
    }
    const digest = reminderDigest(rows, today);
    if (!digest) return null;
    this.notify(digest.title, digest.body);
    this.store.set(LAST_DIGEST_KEY, today);
    return digest;
  }

  private schedule() {
    this.stop();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.check();
      this.schedule();
    }, HOUR);
  }

  private stop() {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  dispose() {
    this.stop();
    this.unsubscribe();
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Counts of overdue requests and those due today; references only of requests the user may open. */
export function reminderDigest(rows: readonly ReminderRow[], today: string): { title: string; body: string } | null {
  const overdue = rows.filter(
    (r) => r.workingDaysLate > 0 && (r.status === 'overdue' || r.status === 'very-overdue' || r.status === 'escalated'),
  );
  const late = new Set(overdue.map((r) => r.id));
  const open = (r: ReminderRow) => !['answered', 'closed', 'withdrawn'].includes(r.status);
  const dueToday = rows.filter(
    (r) => !late.has(r.id) && open(r) && (r.target === today || (r.acknowledgeBy === today && r.status === 'awaiting-acknowledgement')),
  );
  if (overdue.length === 0 && dueToday.length === 0) return null;
  const parts = [
    overdue.length ? `${plural(overdue.length, 'request is', 'requests are')} overdue` : '',
    dueToday.length ? `${plural(dueToday.length, 'is', 'are')} due today` : '',
  ].filter(Boolean);
  if (overdue.length === 0) parts[0] = `${plural(dueToday.length, 'request is', 'requests are')} due today`;
  const references = [...overdue, ...dueToday].filter((r) => !r.locked).map((r) => r.reference);
  const shown = references.slice(0, MAX_REFERENCES).join(', ');
  const more = references.length > MAX_REFERENCES ? ` and ${references.length - MAX_REFERENCES} more` : '';
  return { title: 'Need to Know: requests need attention', body: `${parts.join(', ')}.${shown ? ` ${shown}${more}.` : ''}` };
}
