// What needs the Member's attention: the Today counts and the requests list's views use these same
// tests, so a count on Today always matches the list it opens.
import { compareIso, type IsoDate } from './dates';
import type { RequestStatus } from './requests';
import type { GateState } from './disclosure';

export const REQUEST_VIEWS = ['all', 'overdue', 'due-soon', 'awaiting-mo', 'chair-notices'] as const;
export type RequestView = (typeof REQUEST_VIEWS)[number];

export interface WorklistFacts {
  locked: boolean;
  status: RequestStatus;
  target: IsoDate;
  acknowledgeBy: IsoDate | null;
  workingDaysLate: number;
  awaitingMonitoringOfficer: boolean;
  chairNoticePending: boolean;
}

/** Today and the last day of "the next three working days" (worked out with the council's calendar). */
export interface DueWindow {
  today: IsoDate;
  until: IsoDate;
}

// R-ASK-4 (004 §11.9): a request referred to the Monitoring Officer waits until the decision is recorded.
// R-ASK-8 (000 §17.8.9; 001 §24.8(a)-(b)): a chair notice is tracked until it is sent.
export function worklistFlags(r: { moReferral: { decision: unknown } | null; chairNotice: { sentOn: string | null } | null }) {
  return {
    awaitingMonitoringOfficer: !!r.moReferral && !r.moReferral.decision,
    chairNoticePending: !!r.chairNotice && !r.chairNotice.sentOn,
  };
}

// R-DUE-4 (000 §17.8.2): answered, closed and withdrawn requests wait for nothing more, so they leave the deadline and Monitoring Officer counts.
export const isOpenRequest = (r: Pick<WorklistFacts, 'status'>): boolean =>
  r.status !== 'answered' && r.status !== 'closed' && r.status !== 'withdrawn';
const isOpen = isOpenRequest;
// R-ASK-8 (000 §17.8.9): the chair notice says what was asked and given, so it stays due after the answer; a withdrawn request gave nothing.
const chairNoticeDue = (r: WorklistFacts) => r.chairNoticePending && r.status !== 'withdrawn';
const within = (date: IsoDate | null, w: DueWindow) => !!date && compareIso(date, w.today) >= 0 && compareIso(date, w.until) <= 0;

// R-DUE-4 (000 §17.8.2): an open request past its acknowledgement or answer date, by working days.
export function isOverdue(r: WorklistFacts): boolean {
  return !r.locked && isOpen(r) && r.workingDaysLate > 0;
}

// R-DUE-1 (000 §17.8.2; 004 §6.5.8): an acknowledgement still awaited, or an answer, due in the window.
export function isDueSoon(r: WorklistFacts, w: DueWindow): boolean {
  if (r.locked || !isOpen(r) || r.workingDaysLate > 0) return false;
  return within(r.target, w) || (r.status === 'awaiting-acknowledgement' && within(r.acknowledgeBy, w));
}

/** Whether a request belongs in one of the list's views; `dueSoon` is isDueSoon worked out in main. */
export function inView(view: RequestView, r: WorklistFacts & { dueSoon: boolean }): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'overdue':
      return isOverdue(r);
    case 'due-soon':
      return !r.locked && r.dueSoon;
    case 'awaiting-mo':
      return !r.locked && isOpen(r) && r.awaitingMonitoringOfficer;
    case 'chair-notices':
      return !r.locked && chairNoticeDue(r);
  }
}

/** The Today counts over every request the user can see. */
export function worklistCounts(rows: Iterable<WorklistFacts>, w: DueWindow) {
  const counts = { overdue: 0, dueSoon: 0, awaitingMonitoringOfficer: 0, chairNoticesPending: 0 };
  for (const r of rows) {
    if (r.locked) continue;
    if (isOverdue(r)) counts.overdue++;
    if (isDueSoon(r, w)) counts.dueSoon++;
    if (isOpen(r) && r.awaitingMonitoringOfficer) counts.awaitingMonitoringOfficer++;
    if (chairNoticeDue(r)) counts.chairNoticesPending++;
  }
  return counts;
}

// R-DIS-2 (000 §17.9.6; 004 §11.11): a disclosure is in progress from its first step until it is disclosed or abandoned; one waiting for the Monitoring Officer's advice can be left and resumed.
export function disclosureProgress(gate: { state: GateState }): { inProgress: boolean; awaitingMonitoringOfficer: boolean } {
  const inProgress = gate.state !== 'disclosed' && gate.state !== 'abandoned';
  return { inProgress, awaitingMonitoringOfficer: gate.state === 'mo-asked' };
}

// R-DIS-2 (000 §17.9.6): the Today counts for disclosures, by the same test as the register's "in progress" list.
export function disclosureCounts(gates: Iterable<{ state: GateState }>): { inProgress: number; awaitingMonitoringOfficer: number } {
  const counts = { inProgress: 0, awaitingMonitoringOfficer: 0 };
  for (const g of gates) {
    const p = disclosureProgress(g);
    if (p.inProgress) counts.inProgress++;
    if (p.awaitingMonitoringOfficer) counts.awaitingMonitoringOfficer++;
  }
  return counts;
}

// R-DIS-2 (000 §17.9.6): the disclosure to resume when "Pass it on" is opened again: the most recent one still in progress.
export function disclosureToResume<G extends { state: GateState }>(gates: readonly G[]): G | null {
  for (let i = gates.length - 1; i >= 0; i--) if (disclosureProgress(gates[i]!).inProgress) return gates[i]!;
  return null;
}
