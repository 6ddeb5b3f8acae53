import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../shared/domain/classification';
import {
  changeClassification,
  checkDisposable,
  checkErasable,
  extendRetention,
  protectedStillHeld,
  recordConsent,
  thirdPartyDisclosureCheck,
  type MaterialFacts,
} from '../../../shared/domain/material-lifecycle';

const TODAY = '2026-11-24';
const pink: Classification = {
  level: 'pink-paper',
  committee: 'Cabinet',
  meetingDate: '2026-12-02',
  agendaItem: 'Item 9',
  authorDesignation: 'Director of Resources',
};
const resolution = { meeting: 'Cabinet', date: '2026-12-02', minuteReference: 'CAB/114' };
const facts = (over: Partial<MaterialFacts> = {}): MaterialFacts => ({
  title: 'Letter',
  classification: { level: 'open' },
  isBriefing: false,
  personalData: { personal: true, specialCategory: false, retainUntil: '2026-11-20' },
  erasedOn: null,
  disposal: null,
  ...over,
});

describe('changing a classification', () => {
  it('R-CLS-3 a pink paper leaves pink-paper status only with the committee resolution', () => {
    expect(() => changeClassification(pink, { level: 'open' }, { resolution: null }, TODAY)).toThrow(/committee resolves/);
    expect(() => changeClassification(pink, { level: 'open' }, { resolution: { ...resolution, minuteReference: ' ' } }, TODAY)).toThrow(
      /committee resolves/,
    );
    expect(changeClassification(pink, { level: 'open' }, { resolution }, TODAY)).toEqual({ level: 'open' });
    // Staying a pink paper (say, correcting the item) needs no resolution.
    expect(changeClassification(pink, { ...pink, agendaItem: 'Item 10' }, { resolution: null }, TODAY)).toMatchObject({
      agendaItem: 'Item 10',
    });
  });

  it('R-CLS-2 "unsure" stays treated as confidential until the officer confirms, with who and when', () => {
    expect(() => changeClassification({ level: 'unsure' }, { level: 'open' }, { resolution: null }, TODAY)).toThrow(
      /until the officer confirms/,
    );
    expect(() =>
      changeClassification(
        { level: 'unsure' },
        { level: 'open' },
        { resolution: null, confirmation: { officer: 'Sam Green', on: '2026-12-01' } },
        TODAY,
      ),
    ).toThrow(/future/);
    expect(
      changeClassification(
        { level: 'unsure' },
        { level: 'exempt', paragraph: 3 },
        { resolution: null, confirmation: { officer: 'Sam Green', on: TODAY } },
        TODAY,
      ),
    ).toEqual({ level: 'exempt', paragraph: 3 });
  });
});

describe('third-party consent', () => {
  it('R-ASK-11 consent steps are recorded with date and note; a refusal says how it was given', () => {
    const asked = recordConsent(
      { name: 'Mr Patel', consent: 'not-asked' },
      { status: 'asked', on: '2026-11-20', note: 'Letter sent' },
      TODAY,
    );
    const given = recordConsent(asked, { status: 'given', on: TODAY, note: 'Email reply' }, TODAY);
    expect(given).toEqual({
      name: 'Mr Patel',
      consent: 'given',
      history: [
        { status: 'asked', on: '2026-11-20', note: 'Letter sent' },
        { status: 'given', on: TODAY, note: 'Email reply' },
      ],
    });
    expect(() => recordConsent(asked, { status: 'refused', on: TODAY, note: '' }, TODAY)).toThrow(/how the refusal/);
    expect(() => recordConsent(null, { status: 'asked', on: TODAY, note: '' }, TODAY)).toThrow(/no third party/);
    expect(() => recordConsent(asked, { status: 'given', on: '2026-12-25', note: '' }, TODAY)).toThrow(/future/);
  });

  it('R-ASK-11 R-DIS-1 third-party material is not disclosed without consent, except where the law requires it (ground b)', () => {
    const m = (consent: 'not-asked' | 'asked' | 'given' | 'refused') => ({ thirdParty: { name: 'Mr Patel', consent } });
    for (const ground of ['a', 'c', 'd'] as const) {
      expect(thirdPartyDisclosureCheck(m('asked'), ground)).toMatchObject({
        allowed: false,
        reason: expect.stringMatching(/Mr Patel.*consent/),
      });
      expect(thirdPartyDisclosureCheck(m('refused'), ground).allowed).toBe(false);
      expect(thirdPartyDisclosureCheck(m('given'), ground).allowed).toBe(true);
    }
    expect(thirdPartyDisclosureCheck(m('refused'), 'b')).toMatchObject({ allowed: true, reason: expect.stringMatching(/17\.9\.2\(b\)/) });
    expect(thirdPartyDisclosureCheck({ thirdParty: null }, 'd').allowed).toBe(true);
  });
});

describe('retention, erasure, destruction and return', () => {
  it('R-CLS-6 only personal data not already erased can be erased', () => {
    expect(() => checkErasable(facts())).not.toThrow();
    expect(() => checkErasable(facts({ personalData: { personal: false, specialCategory: false, retainUntil: null } }))).toThrow(
      /no personal data/,
    );
    expect(() => checkErasable(facts({ erasedOn: '2026-11-21' }))).toThrow(/Already done/);
  });

  it('R-CLS-6 keeping personal data longer needs a later date and a reason', () => {
    expect(extendRetention(facts(), '2027-03-31', 'Complaint still open with the ombudsman', TODAY).retainUntil).toBe('2027-03-31');
    expect(() => extendRetention(facts(), TODAY, 'Complaint still open', TODAY)).toThrow(/after today/);
    expect(() => extendRetention(facts(), '2027-03-31', ' ', TODAY)).toThrow(/why/);
  });

  it('R-USE-4 only protected material still held can be destroyed or returned, and it then leaves the held list', () => {
    const confidential = facts({ classification: { level: 'confidential', basis: 'given-in-confidence' } });
    expect(() => checkDisposable(confidential)).not.toThrow();
    expect(() => checkDisposable(facts())).toThrow(/open/);
    const destroyed = { ...confidential, disposal: { how: 'destroyed' as const, on: TODAY, returnedTo: null, reason: 'End of term' } };
    expect(() => checkDisposable(destroyed)).toThrow(/Already done.*destroyed/);
    const briefing = facts({ isBriefing: true });
    expect(protectedStillHeld([confidential, destroyed, facts(), briefing, facts({ classification: { level: 'unsure' } })])).toEqual([
      confidential,
      briefing,
      expect.objectContaining({ classification: { level: 'unsure' } }),
    ]);
  });
});
