import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/domain/requests';
import {
  REQUEST_VIEWS,
  disclosureCounts,
  disclosureProgress,
  disclosureToResume,
  inView,
  isDueSoon,
  isOpenRequest,
  isOverdue,
  worklistCounts,
  type DueWindow,
  type WorklistFacts,
  worklistFlags,
} from '../../../shared/domain/worklist';
import { GATE_STATES, type GateState } from '../../../shared/domain/disclosure';

const WINDOW: DueWindow = { today: '2026-11-24', until: '2026-11-27' };

/** An open request answered by a target well after the window: in no view but 'all'. */
function facts(overrides: Partial<WorklistFacts> = {}): WorklistFacts {
  return {
    locked: false,
    status: 'acknowledged',
    target: '2026-12-15',
    acknowledgeBy: '2026-11-10',
    workingDaysLate: 0,
    awaitingMonitoringOfficer: false,
    chairNoticePending: false,
    ...overrides,
  };
}

const OPEN_STATUSES = REQUEST_STATUSES.filter((s) => s !== 'answered' && s !== 'closed' && s !== 'withdrawn');
const withDueSoon = (r: WorklistFacts, w = WINDOW) => ({ ...r, dueSoon: isDueSoon(r, w) });

describe('isOverdue (R-DUE-4)', () => {
  it.each(OPEN_STATUSES)('R-DUE-4 an open request (%s) past its date by working days is overdue', (status) => {
    expect(isOverdue(facts({ status, workingDaysLate: 1 }))).toBe(true);
    expect(isOverdue(facts({ status, workingDaysLate: 12 }))).toBe(true);
  });

  it('R-DUE-4 a request not late by any working day is not overdue', () => {
    expect(isOverdue(facts({ status: 'awaiting-acknowledgement', workingDaysLate: 0 }))).toBe(false);
  });

  it.each(['answered', 'closed', 'withdrawn'] as RequestStatus[])('R-DUE-4 an %s request is never overdue, however late', (status) => {
    expect(isOverdue(facts({ status, workingDaysLate: 30 }))).toBe(false);
  });

  it('R-DUE-4 a locked (Member-only placeholder) row is never overdue', () => {
    expect(isOverdue(facts({ locked: true, status: 'overdue', workingDaysLate: 5 }))).toBe(false);
  });
});

describe('isDueSoon (R-DUE-1)', () => {
  it('R-DUE-1 an answer due inside the window is due soon', () => {
    expect(isDueSoon(facts({ target: '2026-11-25' }), WINDOW)).toBe(true);
  });

  it('R-DUE-1 the window is inclusive at both ends: today and the last day count, the days either side do not', () => {
    expect(isDueSoon(facts({ target: WINDOW.today }), WINDOW)).toBe(true);
    expect(isDueSoon(facts({ target: WINDOW.until }), WINDOW)).toBe(true);
    expect(isDueSoon(facts({ target: '2026-11-23' }), WINDOW)).toBe(false);
    expect(isDueSoon(facts({ target: '2026-11-28' }), WINDOW)).toBe(false);
  });

  it('R-DUE-1 a window of one day (today = until) holds exactly that day', () => {
    const oneDay = { today: '2026-11-24', until: '2026-11-24' };
    expect(isDueSoon(facts({ target: '2026-11-24' }), oneDay)).toBe(true);
    expect(isDueSoon(facts({ target: '2026-11-25' }), oneDay)).toBe(false);
  });

  it('R-DUE-1 an acknowledgement due inside the window counts only while the acknowledgement is awaited', () => {
    const ackSoon = { target: '2026-12-15', acknowledgeBy: '2026-11-26' };
    expect(isDueSoon(facts({ ...ackSoon, status: 'awaiting-acknowledgement' }), WINDOW)).toBe(true);
    for (const status of ['acknowledged', 'holding', 'escalated'] as RequestStatus[]) {
      expect(isDueSoon(facts({ ...ackSoon, status }), WINDOW), status).toBe(false);
    }
  });

  it('R-DUE-1 the acknowledgement window is inclusive too, and a missing acknowledgement date never counts', () => {
    const awaiting = { status: 'awaiting-acknowledgement' as const, target: '2026-12-15' };
    expect(isDueSoon(facts({ ...awaiting, acknowledgeBy: WINDOW.today }), WINDOW)).toBe(true);
    expect(isDueSoon(facts({ ...awaiting, acknowledgeBy: WINDOW.until }), WINDOW)).toBe(true);
    expect(isDueSoon(facts({ ...awaiting, acknowledgeBy: '2026-11-28' }), WINDOW)).toBe(false);
    expect(isDueSoon(facts({ ...awaiting, acknowledgeBy: '2026-11-23' }), WINDOW)).toBe(false);
    expect(isDueSoon(facts({ ...awaiting, acknowledgeBy: null }), WINDOW)).toBe(false);
  });

  it.each(['answered', 'closed', 'withdrawn'] as RequestStatus[])(
    'R-DUE-1 an %s request is never due soon, even with its dates inside the window',
    (status) => {
      expect(isDueSoon(facts({ status, target: '2026-11-25', acknowledgeBy: '2026-11-25' }), WINDOW)).toBe(false);
    },
  );

  it('R-DUE-1 R-DUE-4 an overdue request is counted as overdue, not as due soon', () => {
    // Acknowledgement late but the answer still due in the window: overdue wins.
    const r = facts({ status: 'overdue', target: '2026-11-25', acknowledgeBy: '2026-11-20', workingDaysLate: 2 });
    expect(isOverdue(r)).toBe(true);
    expect(isDueSoon(r, WINDOW)).toBe(false);
  });

  it('R-DUE-1 a locked (Member-only placeholder) row is never due soon', () => {
    expect(
      isDueSoon(facts({ locked: true, target: '2026-11-25', status: 'awaiting-acknowledgement', acknowledgeBy: '2026-11-25' }), WINDOW),
    ).toBe(false);
  });
});

describe('inView: the requests list views', () => {
  it('every view is handled', () => {
    expect([...REQUEST_VIEWS]).toEqual(['all', 'overdue', 'due-soon', 'awaiting-mo', 'chair-notices']);
  });

  it("'all' holds every row, locked ones included", () => {
    expect(inView('all', withDueSoon(facts()))).toBe(true);
    expect(inView('all', withDueSoon(facts({ locked: true })))).toBe(true);
    expect(inView('all', withDueSoon(facts({ status: 'closed' })))).toBe(true);
  });

  it("R-DUE-4 'overdue' holds open late rows only, never answered, closed or locked ones", () => {
    expect(inView('overdue', withDueSoon(facts({ status: 'overdue', workingDaysLate: 1 })))).toBe(true);
    expect(inView('overdue', withDueSoon(facts({ status: 'answered', workingDaysLate: 3 })))).toBe(false);
    expect(inView('overdue', withDueSoon(facts({ status: 'closed', workingDaysLate: 3 })))).toBe(false);
    expect(inView('overdue', withDueSoon(facts({ locked: true, status: 'overdue', workingDaysLate: 3 })))).toBe(false);
    expect(inView('overdue', withDueSoon(facts()))).toBe(false);
  });

  it("R-DUE-1 'due-soon' follows the dueSoon worked out in main, never for a locked row", () => {
    expect(inView('due-soon', { ...facts(), dueSoon: true })).toBe(true);
    expect(inView('due-soon', { ...facts(), dueSoon: false })).toBe(false);
    expect(inView('due-soon', { ...facts({ locked: true }), dueSoon: true })).toBe(false);
    expect(inView('due-soon', withDueSoon(facts({ target: '2026-11-26' })))).toBe(true);
  });

  it("'awaiting-mo' holds rows awaiting the Monitoring Officer, never locked ones", () => {
    expect(inView('awaiting-mo', withDueSoon(facts({ awaitingMonitoringOfficer: true })))).toBe(true);
    expect(inView('awaiting-mo', withDueSoon(facts({ awaitingMonitoringOfficer: false })))).toBe(false);
    expect(inView('awaiting-mo', withDueSoon(facts({ locked: true, awaitingMonitoringOfficer: true })))).toBe(false);
  });

  it("'chair-notices' holds rows with a chair notice not yet sent, never locked ones", () => {
    expect(inView('chair-notices', withDueSoon(facts({ chairNoticePending: true })))).toBe(true);
    expect(inView('chair-notices', withDueSoon(facts({ chairNoticePending: false })))).toBe(false);
    expect(inView('chair-notices', withDueSoon(facts({ locked: true, chairNoticePending: true })))).toBe(false);
  });
});

describe('worklistCounts: the Today counts', () => {
  const rows: WorklistFacts[] = [
    facts({ status: 'overdue', workingDaysLate: 2, target: '2026-11-20' }), // overdue
    facts({ status: 'very-overdue', workingDaysLate: 15, target: '2026-10-20', awaitingMonitoringOfficer: true }), // overdue + MO
    facts({ status: 'acknowledged', target: '2026-11-24' }), // due soon (today)
    facts({ status: 'holding', target: '2026-11-27', chairNoticePending: true }), // due soon (until) + chair notice
    facts({ status: 'awaiting-acknowledgement', acknowledgeBy: '2026-11-25', target: '2026-12-10' }), // due soon (acknowledgement)
    facts({ status: 'acknowledged', acknowledgeBy: '2026-11-25', target: '2026-12-10' }), // acknowledged: not due soon
    facts({ status: 'answered', workingDaysLate: 4, target: '2026-11-25', awaitingMonitoringOfficer: true }), // nothing: an answer ends the wait for the Monitoring Officer
    facts({ status: 'closed', target: '2026-11-25', chairNoticePending: true }), // chair notice only
    facts({
      locked: true,
      status: 'overdue',
      workingDaysLate: 9,
      target: '2026-11-25',
      awaitingMonitoringOfficer: true,
      chairNoticePending: true,
    }), // nothing
    facts({ target: '2026-12-01' }), // nothing
  ];

  it('R-DUE-4 R-DUE-1 counts overdue, due soon, awaiting the Monitoring Officer and chair notices; locked rows never count', () => {
    expect(worklistCounts(rows, WINDOW)).toEqual({ overdue: 2, dueSoon: 3, awaitingMonitoringOfficer: 1, chairNoticesPending: 2 });
  });

  it('R-DUE-4 R-DUE-1 each count equals the number of rows in the matching list view', () => {
    const counts = worklistCounts(rows, WINDOW);
    const inList = (view: (typeof REQUEST_VIEWS)[number]) => rows.map((r) => withDueSoon(r)).filter((r) => inView(view, r)).length;
    expect(inList('overdue')).toBe(counts.overdue);
    expect(inList('due-soon')).toBe(counts.dueSoon);
    expect(inList('awaiting-mo')).toBe(counts.awaitingMonitoringOfficer);
    expect(inList('chair-notices')).toBe(counts.chairNoticesPending);
    expect(inList('all')).toBe(rows.length);
  });

  it('R-DUE-4 R-DUE-1 nothing at all, or only locked rows, counts nothing', () => {
    const zero = { overdue: 0, dueSoon: 0, awaitingMonitoringOfficer: 0, chairNoticesPending: 0 };
    expect(worklistCounts([], WINDOW)).toEqual(zero);
    expect(
      worklistCounts(
        [
          facts({ locked: true, status: 'overdue', workingDaysLate: 3, awaitingMonitoringOfficer: true, chairNoticePending: true }),
          facts({ locked: true, target: '2026-11-25' }),
        ],
        WINDOW,
      ),
    ).toEqual(zero);
  });

  it('R-DUE-1 the window is applied: the same rows count differently on another day', () => {
    // A week later the earlier in-window dates are behind "today"; only the request due 2026-12-01 is inside the new window.
    expect(worklistCounts(rows, { today: '2026-12-01', until: '2026-12-04' }).dueSoon).toBe(1);
  });

  it('accepts any iterable, read once', () => {
    function* generate() {
      yield* rows;
    }
    expect(worklistCounts(generate(), WINDOW)).toEqual(worklistCounts(rows, WINDOW));
  });
});

describe('worklistFlags', () => {
  it('R-ASK-4 a referral waits for the Monitoring Officer until the decision is recorded; R-ASK-8 a chair notice until it is sent', () => {
    expect(worklistFlags({ moReferral: null, chairNotice: null })).toEqual({ awaitingMonitoringOfficer: false, chairNoticePending: false });
    expect(worklistFlags({ moReferral: { decision: null }, chairNotice: { sentOn: null } })).toEqual({
      awaitingMonitoringOfficer: true,
      chairNoticePending: true,
    });
    expect(worklistFlags({ moReferral: { decision: { accepted: true } }, chairNotice: { sentOn: '2026-11-20' } })).toEqual({
      awaitingMonitoringOfficer: false,
      chairNoticePending: false,
    });
  });
});

describe('closed and withdrawn requests leave Today (R-DUE-4)', () => {
  it('R-DUE-4 a withdrawn request counts nowhere on Today and is in no view but all, whatever its flags', () => {
    const r = facts({
      status: 'withdrawn',
      workingDaysLate: 9,
      awaitingMonitoringOfficer: true,
      chairNoticePending: true,
      target: WINDOW.today,
    });
    expect(isOpenRequest(r)).toBe(false);
    expect(worklistCounts([r], WINDOW)).toEqual({ overdue: 0, dueSoon: 0, awaitingMonitoringOfficer: 0, chairNoticesPending: 0 });
    expect(REQUEST_VIEWS.filter((v) => inView(v, withDueSoon(r)))).toEqual(['all']);
  });

  it.each(['closed', 'answered'] as RequestStatus[])(
    'R-ASK-8 a %s request leaves every count but its chair notice, which says what was given',
    (status) => {
      const r = facts({ status, workingDaysLate: 9, awaitingMonitoringOfficer: true, chairNoticePending: true, target: WINDOW.today });
      expect(worklistCounts([r], WINDOW)).toEqual({ overdue: 0, dueSoon: 0, awaitingMonitoringOfficer: 0, chairNoticesPending: 1 });
      expect(REQUEST_VIEWS.filter((v) => inView(v, withDueSoon(r)))).toEqual(['all', 'chair-notices']);
    },
  );
});

describe('disclosures in progress (R-DIS-2)', () => {
  it('R-DIS-2 every state but disclosed and abandoned is in progress; only "waiting for the Monitoring Officer" awaits advice', () => {
    const table = GATE_STATES.map((state) => [
      state,
      disclosureProgress({ state }).inProgress,
      disclosureProgress({ state }).awaitingMonitoringOfficer,
    ]);
    expect(table).toEqual([
      ['draft', true, false],
      ['ground-chosen', true, false],
      ['evidence-complete', true, false],
      ['mo-asked', true, true],
      ['mo-consulted', true, false],
      ['regard-recorded', true, false],
      ['approved', true, false],
      ['disclosed', false, false],
      ['abandoned', false, false],
    ]);
  });

  it('R-DIS-2 the Today counts and the disclosure to resume use the same test', () => {
    const gates: Array<{ id: string; state: GateState }> = [
      { id: 'old', state: 'disclosed' },
      { id: 'waiting', state: 'mo-asked' },
      { id: 'dropped', state: 'abandoned' },
    ];
    expect(disclosureCounts(gates)).toEqual({ inProgress: 1, awaitingMonitoringOfficer: 1 });
    expect(disclosureToResume(gates)?.id).toBe('waiting');
    expect(disclosureToResume(gates.filter((g) => g.id !== 'waiting'))).toBeNull();
    expect(disclosureCounts([])).toEqual({ inProgress: 0, awaitingMonitoringOfficer: 0 });
  });
});
