import { describe, expect, it } from 'vitest';
import { applyHoldingReply, computeDueDates, effectiveTargets, requestsAffectedByCalendarChange } from '../../../shared/domain/deadlines';
import { BUILT_IN_PROFILES, builtInProfile, copyProfile, validateProfile } from '../../../shared/domain/profiles';

describe('deadlines from the council profile', () => {
  it('R-DUE-1 profile 004 (Wiltshire): acknowledge in 2 working days, answer in 10', () => {
    const due = computeDueDates('2026-11-20', builtInProfile('004'), 'england-and-wales');
    expect(due.acknowledgeBy).toBe('2026-11-24');
    expect(due.respondBy).toBe('2026-12-04');
    expect(due.basis).toEqual({
      profileId: '004',
      profileName: 'Wiltshire Council (Protocol 1)',
      nation: 'england-and-wales',
      holidayScope: 'nation',
    });
    expect(due.explanation.join('\n')).toMatch(/Acknowledgement or holding reply: 2 working days/);
  });

  it('R-DUE-1 profile 000: 5 working days; 002 has no acknowledgement and a user-set answer time', () => {
    expect(computeDueDates('2026-11-20', builtInProfile('000'), 'england-and-wales')).toMatchObject({
      acknowledgeBy: '2026-11-27',
      respondBy: '2026-11-27',
    });
    expect(computeDueDates('2026-11-20', builtInProfile('002'), 'england-and-wales')).toMatchObject({
      acknowledgeBy: null,
      respondBy: '2026-12-04',
    });
  });

  it('R-DUE-1 FOI: 20 working days, counting any UK nation’s holidays; FOISA Scotland’s only', () => {
    expect(computeDueDates('2025-03-03', builtInProfile('foi'), 'england-and-wales').respondBy).toBe('2025-04-01'); // 17 March (NI) skipped
    expect(computeDueDates('2025-03-03', builtInProfile('foi-scotland'), 'scotland').respondBy).toBe('2025-03-31');
  });

  it('R-DUE-1 refuses an unknown profile with a typed error', () => {
    expect(() => builtInProfile('999')).toThrow(expect.objectContaining({ code: 'unknown-profile' }));
    expect(() => computeDueDates('2025-03-03', builtInProfile('000'), 'wales' as never)).toThrow(/Unknown nation/);
  });

  it('R-DUE-1 a copied profile can be edited; the built-in one is unchanged', () => {
    const mine = copyProfile(builtInProfile('003'), 'mine', 'Our combined authority');
    const edited = validateProfile({ ...mine, respondWorkingDays: 7 });
    expect(computeDueDates('2026-11-20', edited, 'england-and-wales').respondBy).toBe('2026-12-01');
    expect(BUILT_IN_PROFILES['003']!.respondWorkingDays).toBe(10);
    expect(() => validateProfile({ ...mine, respondWorkingDays: 0 })).toThrow(/respondWorkingDays/);
  });

  it('R-DUE-3 a holiday-list change lists affected requests and their new dates, changing nothing', () => {
    const profile = builtInProfile('000');
    const original = computeDueDates('2026-06-10', profile, 'england-and-wales');
    const request = {
      id: 'r1',
      sentOn: '2026-06-10',
      acknowledgeBy: original.acknowledgeBy,
      respondBy: original.respondBy,
      nation: 'england-and-wales' as const,
      profile,
    };
    const unaffected = {
      ...request,
      id: 'r2',
      sentOn: '2026-07-01',
      ...(() => {
        const d = computeDueDates('2026-07-01', profile, 'england-and-wales');
        return { acknowledgeBy: d.acknowledgeBy, respondBy: d.respondBy };
      })(),
    };
    const edits = { added: [{ date: '2026-06-15', name: 'One-off', nations: ['england-and-wales' as const] }], removed: [] };
    const changes = requestsAffectedByCalendarChange([request, unaffected], edits);
    expect(changes).toEqual([
      {
        id: 'r1',
        before: { acknowledgeBy: '2026-06-17', respondBy: '2026-06-17' },
        after: { acknowledgeBy: '2026-06-18', respondBy: '2026-06-18' },
      },
    ]);
    expect(request.respondBy).toBe('2026-06-17');
  });

  it('R-DUE-5 a holding reply’s promised date becomes the new target', () => {
    expect(
      applyHoldingReply(
        { respondBy: '2026-06-17' },
        { receivedOn: '2026-06-16', whatIsHappening: 'Waiting for the contractor’s survey.', promisedBy: '2026-06-30' },
      ),
    ).toEqual({
      respondBy: '2026-06-30',
      note: 'Holding reply: Waiting for the contractor’s survey. New target 30/06/2026 (was 17/06/2026).',
    });
    const reply = { receivedOn: '2026-06-16', whatIsHappening: 'Waiting.', promisedBy: '2026-06-30' };
    expect(() => applyHoldingReply({ respondBy: '2026-06-17' }, reply, { sentOn: '2026-06-10', today: '2026-06-15' })).toThrow(
      'The holding reply date (16/06/2026) is after today. Record things once they have happened.',
    );
    expect(() => applyHoldingReply({ respondBy: '2026-06-17' }, reply, { sentOn: '2026-06-17', today: '2026-06-20' })).toThrow(
      /before the request was sent/,
    );
    expect(applyHoldingReply({ respondBy: '2026-06-17' }, reply, { sentOn: '2026-06-10', today: '2026-06-20' }).respondBy).toBe(
      '2026-06-30',
    );
    expect(() => applyHoldingReply({ respondBy: '2026-06-17' }, { ...reply, promisedBy: '2026-06-31' })).toThrow(/not a real date/);
    expect(() =>
      applyHoldingReply({ respondBy: '2026-06-17' }, { receivedOn: '2026-06-16', whatIsHappening: ' ', promisedBy: '2026-06-30' }),
    ).toThrow(/say what is happening/);
    expect(() =>
      applyHoldingReply({ respondBy: '2026-06-17' }, { receivedOn: '2026-06-16', whatIsHappening: 'x', promisedBy: '2026-06-01' }),
    ).toThrow(/before the holding reply/);
  });
});

describe('effective targets (R-DUE-5)', () => {
  const computed = { acknowledgeBy: '2026-11-09', respondBy: '2026-11-09' };
  it('R-DUE-5 without a holding reply the computed dates stand', () => {
    expect(effectiveTargets(computed, [{ type: 'acknowledged', on: '2026-11-04' }])).toEqual({
      acknowledgeBy: '2026-11-09',
      respondBy: '2026-11-09',
      computedRespondBy: '2026-11-09',
      holdingReply: null,
      explanation: null,
    });
  });
  it('R-DUE-5 the most recent holding reply’s promise is the answer date, explained with dd/mm/yyyy dates', () => {
    const t = effectiveTargets(computed, [
      { type: 'holding', on: '2026-11-20', promisedBy: '2026-12-04' },
      { type: 'holding', on: '2026-11-06', promisedBy: '2026-11-27' },
    ]);
    expect(t).toMatchObject({
      respondBy: '2026-12-04',
      computedRespondBy: '2026-11-09',
      holdingReply: { receivedOn: '2026-11-20', promisedBy: '2026-12-04' },
    });
    expect(t.explanation).toBe(
      'The officer’s holding reply of 20/11/2026 promised an answer by 04/12/2026; that is now the target (it was 09/11/2026).',
    );
  });
  it('R-DUE-5 a same-day second holding reply wins (entry order)', () => {
    expect(
      effectiveTargets(computed, [
        { type: 'holding', on: '2026-11-20', promisedBy: '2026-12-04' },
        { type: 'holding', on: '2026-11-20', promisedBy: '2026-12-11' },
      ]).respondBy,
    ).toBe('2026-12-11');
  });
  it('R-DUE-5 refuses a promise before its reply, a missing promise or an unreal date, in words', () => {
    expect(() => effectiveTargets(computed, [{ type: 'holding', on: '2026-11-20', promisedBy: '2026-11-19' }])).toThrow(
      'The promised date cannot be before the holding reply.',
    );
    expect(() => effectiveTargets(computed, [{ type: 'holding', on: '2026-11-20' }])).toThrow(/The promised date must be a date/);
    expect(() => effectiveTargets(computed, [{ type: 'holding', on: '2026-11-31', promisedBy: '2026-12-01' }])).toThrow(/not a real date/);
  });
});
