import { describe, expect, it } from 'vitest';
import { emailAddressSchema, emailDomainOf, isEmailAddress, requiredEmailAddressSchema } from '../../../shared/domain/email';
import { isoDateSchema } from '../../../shared/domain/dates';
import { officerInputSchema } from '../../../shared/domain/directory';
import {
  REQUEST_LIMITS,
  SENT_IN_FUTURE,
  newRequestSchema,
  requestDraftSchema,
  sentOnProblem,
  type RequestDraft,
} from '../../../shared/domain/request-draft';
import { editRequest } from '../../../shared/domain/request-lifecycle';
import { checkCouncilEmail, officerEmailWarning } from '../../../shared/domain/requests';
import { DomainError } from '../../../shared/domain/errors';
import { canShareBriefing } from '../../../shared/domain/classification';
import { recordMonitoringOfficerDecision } from '../../../shared/domain/need-to-know';
import { chairNoticeInputSchema, moDecisionInputSchema } from '../../../shared/ipc/follow-up';

const TODAY = '2026-11-24';
const draft = (over: Partial<RequestDraft> = {}): RequestDraft => ({
  subject: 'Drainage at Mill Lane',
  informationSought: 'The survey',
  capacity: 'ward-member',
  purpose: 'Casework',
  route: 'general',
  justification: '',
  officerId: 'o1',
  ward: 'Riverside',
  meetingId: null,
  agendaItem: null,
  mayBeRaisedAtMeeting: false,
  seeksProtectedMaterial: false,
  fromEmail: 'cllr@example-council.gov.uk',
  copies: [],
  blindCopies: [],
  sentOn: TODAY,
  memberOnly: false,
  ...over,
});
const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
  throw new Error('not refused');
}

describe('an email address is one rule', () => {
  it.each(['a@b.gov.uk', 'first.last@example-council.gov.uk', "o'neil+pa@council.org.uk", 'X_Y-1@Sub.Council.GOV.UK'])(
    'accepts %s',
    (address) => expect(isEmailAddress(address)).toBe(true),
  );
  it.each([
    'a..b@example.gov.uk',
    '.a@example.gov.uk',
    'a.@example.gov.uk',
    'a@b',
    'a@b.c',
    'a@-b.gov.uk',
    'a@b-.gov.uk',
    'a@b..gov.uk',
    'a b@example.gov.uk',
    'a,b@example.gov.uk',
    'a@b@example.gov.uk',
    'a?cc=x@example.gov.uk',
    '@example.gov.uk',
    `${'a'.repeat(65)}@example.gov.uk`,
    '',
  ])('refuses %j', (address) => expect(isEmailAddress(address)).toBe(false));

  it('the schema trims and refuses in the one message; a required address says what is missing', () => {
    expect(emailAddressSchema.parse('  a@b.gov.uk ')).toBe('a@b.gov.uk');
    expect(issues(emailAddressSchema.safeParse('a..b@example.gov.uk'))).toEqual([': Invalid email address']);
    const officer = requiredEmailAddressSchema('Enter the officer’s email address');
    expect(issues(officer.safeParse('  '))).toEqual([': Enter the officer’s email address']);
    expect(issues(officer.safeParse('nope'))).toEqual([': Invalid email address']);
  });

  it('R-ASK-9 the domain checks read addresses with the same rule', () => {
    expect(emailDomainOf(' Sam@Example-Council.GOV.uk ')).toBe('example-council.gov.uk');
    expect(emailDomainOf('a..b@example-council.gov.uk')).toBeNull();
    expect(checkCouncilEmail('a..b@example-council.gov.uk', ['example-council.gov.uk'])).toEqual({
      ok: false,
      reason: '"a..b@example-council.gov.uk" is not an email address.',
    });
    expect(checkCouncilEmail(' ', ['example-council.gov.uk'])).toEqual({ ok: false, reason: 'Enter your council email address.' });
    expect(officerEmailWarning('a..b@example-council.gov.uk', 'example-council.gov.uk')).toMatch(/Enter the officer’s email address/);
    expect(
      issues(
        officerInputSchema.safeParse({ name: 'Sam', service: 'Estates', role: 'Head', seniority: 'director', email: 'a..b@x.gov.uk' }),
      ),
    ).toEqual(['email: Invalid email address']);
  });
});

describe('a request’s field rules are one schema', () => {
  it('R-DUE-1 a request sent after today (the UK date) is refused; today and before are fine', () => {
    expect(sentOnProblem('2026-11-25', TODAY)).toBe(SENT_IN_FUTURE);
    expect(sentOnProblem(TODAY, TODAY)).toBeNull();
    expect(issues(newRequestSchema(TODAY).safeParse(draft({ sentOn: '2026-11-25' })))).toEqual([
      'sentOn: Date sent must be today or in the past',
    ]);
    expect(newRequestSchema(TODAY).safeParse(draft({ sentOn: '2026-11-23' })).success).toBe(true);
    // The contract's schema knows no today: main adds it from its clock.
    expect(requestDraftSchema.safeParse(draft({ sentOn: '2026-11-25' })).success).toBe(true);
  });

  it('refuses impossible calendar dates at the boundary', () => {
    expect(issues(isoDateSchema.safeParse('2026-02-30'))).toEqual([': The date "2026-02-30" is not a real date']);
    expect(issues(newRequestSchema(TODAY).safeParse(draft({ sentOn: '2026-02-30' })))).toEqual([
      'sentOn: The date "2026-02-30" is not a real date',
    ]);
  });

  it('R-ASK-2 a meeting without its agenda item, a blank or short subject and a bad copy are all reported at once', () => {
    expect(
      issues(newRequestSchema(TODAY).safeParse(draft({ subject: ' ', meetingId: 'm1', copies: ['ok@x.gov.uk', 'a..b@x.gov.uk'] }))),
    ).toEqual(['subject: Give the request a short subject', 'copies.1: Invalid email address', 'agendaItem: Choose the agenda item']);
    expect(issues(newRequestSchema(TODAY).safeParse(draft({ subject: 'ab' })))).toEqual([
      'subject: Too small: expected string to have >=3 characters',
    ]);
  });

  it.each(Object.entries(REQUEST_LIMITS).filter(([f]) => f !== 'fromEmail' && f !== 'monitoringOfficerReason'))(
    'R-ASK-1 the %s limit is the same when the request is made and when it is edited',
    (field, max) => {
      const over = 'x'.repeat(max + 1);
      const made = issues(requestDraftSchema.safeParse(draft({ [field]: over })));
      expect(made).toEqual([`${field}: Too big: expected string to have <=${max} characters`]);
      expect(refusal(() => editRequest({ sentOn: '2026-11-02', events: [] }, { [field]: over }, TODAY))).toBe(made[0]);
      expect(requestDraftSchema.safeParse(draft({ [field]: 'x'.repeat(max) })).success).toBe(true);
    },
  );

  it('R-ASK-10 editing a copied address a..b@ gives the same precise message as making the request', () => {
    const copies = ['pa@example-council.gov.uk', 'a..b@example.gov.uk'];
    const made = issues(requestDraftSchema.safeParse(draft({ copies })));
    expect(made).toEqual(['copies.1: Invalid email address']);
    expect(refusal(() => editRequest({ sentOn: '2026-11-02', events: [], copies: [] }, { copies }, TODAY))).toBe(made[0]);
  });
});

describe('a date is one strict rule wherever one is read', () => {
  it('the follow-up inputs at the IPC boundary refuse 30 February in the domain’s words', () => {
    const decision = { id: 'r1', accepted: true, decidedBy: 'Monitoring Officer', note: '' };
    expect(moDecisionInputSchema.safeParse({ ...decision, on: '2026-02-28' }).success).toBe(true);
    expect(issues(moDecisionInputSchema.safeParse({ ...decision, on: '2026-02-30' }))).toEqual([
      'on: The date "2026-02-30" is not a real date',
    ]);
    expect(issues(chairNoticeInputSchema.safeParse({ id: 'r1', on: '2026-2-3', to: 'Cllr Chair' }))).toEqual([
      'on: The date "2026-2-3" is not a date written as YYYY-MM-DD',
    ]);
  });

  it('R-CLS-5 a stored permission dated 30 February permits nothing (and is not shown as a date)', () => {
    const briefing = {
      requestedBy: 'Cllr Jane Smith',
      permission: { givenBy: 'Cllr Jane Smith', givenOn: '2026-02-30', sharedWith: null },
    };
    expect(canShareBriefing(briefing, { by: 'Cllr Other', to: 'Cllr Other' }).allowed).toBe(false);
    const real = { ...briefing, permission: { ...briefing.permission, givenOn: '2026-02-28' } };
    expect(canShareBriefing(real, { by: 'Cllr Other', to: 'Cllr Other' }).allowed).toBe(true);
  });

  it('R-ASK-4 a Monitoring Officer’s decision dated 30 February is refused as not a real date', () => {
    expect(refusal(() => recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'MO', decidedOn: '2026-02-30' }, null, TODAY))).toBe(
      'The date of the decision "2026-02-30" is not a real date',
    );
    expect(refusal(() => recordMonitoringOfficerDecision({ accepted: true, decidedBy: 'MO', decidedOn: '' }, null, TODAY))).toBe(
      'Record when the decision was made.',
    );
  });
});
