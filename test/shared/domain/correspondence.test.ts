import { describe, expect, it } from 'vitest';
import { ukDateOf } from '../../../shared/domain/dates';
import { DRAFT_KINDS } from '../../../shared/domain/requests';
import {
  buildMatchIndex,
  composeDraft,
  correspondenceTier,
  draftApplies,
  findReferenceTag,
  importFlags,
  mailtoFor,
  matchMessage,
  referenceTag,
  sentDraftNamesRecipient,
  sentEventFor,
  threadKey,
  type DraftFacts,
} from '../../../shared/domain/correspondence';

const facts = (over: Partial<DraftFacts> = {}): DraftFacts => ({
  reference: 'NTK-2026-00042',
  subject: 'Depot valuation',
  question: 'The valuation report for the depot',
  needToKnow: 'Residents of my ward have asked about the sale.',
  capacity: 'Ward member',
  route: 'Statutory inspection (s.100F LGA 1972)',
  routeId: 'statutory-inspection',
  meeting: 'Cabinet, 02/12/2026',
  agendaItem: 'Item 9: depot disposal',
  fromEmail: 'cllr.smith@example-council.gov.uk',
  memberName: 'Cllr Jane Smith',
  officer: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
  copies: ['pa@example-council.gov.uk'],
  sentOn: '2026-11-16',
  acknowledgeBy: '2026-11-18',
  target: '2026-11-23',
  today: '2026-11-24',
  status: 'overdue',
  acknowledged: false,
  escalatedTo: null,
  chairNotice: { text: 'For information: I asked about the depot.', sentOn: null },
  moReferral: null,
  escalationAddress: { name: 'Ann Director', email: 'ann.director@example-council.gov.uk' },
  monitoringOfficer: { name: 'Mo Officer', email: 'mo@example-council.gov.uk' },
  ...over,
});
const DOMAIN = 'example-council.gov.uk';

describe('reference tag', () => {
  it('wraps the request reference and finds it again in any case', () => {
    expect(referenceTag('NTK-2026-00042')).toBe('[NTK-2026-00042]');
    expect(findReferenceTag('RE: Depot [ntk-2026-00042] thanks')).toBe('NTK-2026-00042');
    expect(findReferenceTag('RE: Depot NTK-2026-00042')).toBeNull();
    expect(() => referenceTag('42')).toThrow();
  });
});

describe('composeDraft', () => {
  it('writes the request email: tag, question, need to know, capacity, route with meeting and item, deadline dd/mm/yyyy', () => {
    const d = composeDraft('request', facts({ status: 'awaiting-acknowledgement' }), DOMAIN);
    expect(d.subject).toBe('Depot valuation [NTK-2026-00042]');
    expect(d.from).toBe('cllr.smith@example-council.gov.uk');
    expect(d.to).toEqual([{ name: 'Sam Green', email: 'sam.green@example-council.gov.uk' }]);
    expect(d.cc).toEqual(['pa@example-council.gov.uk']);
    expect(d.body).toContain('The valuation report for the depot');
    expect(d.body).toContain('Why I need to know: Residents of my ward');
    expect(d.body).toContain('Capacity: Ward member');
    expect(d.body).toContain('Meeting and agenda item (s.100F): Cabinet, 02/12/2026, agenda item: Item 9: depot disposal');
    expect(d.body).toContain('deadline for an answer is 23/11/2026');
    expect(d).not.toHaveProperty('bcc');
  });
  it('R-ASK-9: refuses a From outside the council domain', () => {
    expect(() => composeDraft('request', facts({ fromEmail: 'jane@gmail.com' }), DOMAIN)).toThrow(/council email address/);
  });
  it('R-ASK-10: refuses blind copies', () => {
    expect(() => composeDraft('request', facts({ blindCopies: ['x@example-council.gov.uk'] }), DOMAIN)).toThrow(/Blind copies/);
  });
  it('chaser only when something is overdue, and says what was due', () => {
    expect(draftApplies('chaser', facts({ status: 'awaiting-acknowledgement', acknowledgeBy: '2026-11-30' })).applies).toBe(false);
    expect(composeDraft('chaser', facts(), DOMAIN).body).toContain('an acknowledgement, which was due by 18/11/2026');
  });
  it('R-DUE-4: escalation goes to the next level, copying the officer', () => {
    const d = composeDraft('escalation', facts(), DOMAIN);
    expect(d.to[0]!.email).toBe('ann.director@example-council.gov.uk');
    expect(d.cc).toContain('sam.green@example-council.gov.uk');
    expect(d.body).toContain('the Head of Service or Director');
    const toMo = composeDraft('escalation', facts({ escalatedTo: 'chief-executive' }), DOMAIN);
    expect(toMo.to[0]!.email).toBe('mo@example-council.gov.uk');
    expect(draftApplies('escalation', facts({ escalatedTo: 'monitoring-officer' })).applies).toBe(false);
  });
  it('R-ASK-8 chair notice, R-ASK-4 Monitoring Officer referral and R-ASK-5 FOI only where they apply', () => {
    expect(composeDraft('chair-notice', facts(), DOMAIN).body).toContain('For information: I asked about the depot.');
    expect(draftApplies('chair-notice', facts({ chairNotice: { text: 'x', sentOn: '2026-11-20' } })).applies).toBe(false);
    expect(draftApplies('mo-referral', facts()).applies).toBe(false);
    expect(composeDraft('mo-referral', facts({ moReferral: { reason: 'Officer refused' } }), DOMAIN).to[0]!.email).toBe(
      'mo@example-council.gov.uk',
    );
    expect(draftApplies('foi', facts()).applies).toBe(false);
    expect(composeDraft('foi', facts({ routeId: 'foi' }), DOMAIN).body).toContain('Freedom of Information Act 2000');
  });
  it('mailto only when short enough', () => {
    const d = composeDraft('request', facts(), DOMAIN);
    expect(mailtoFor(d)).toMatch(/^mailto:sam\.green%40example-council\.gov\.uk\?subject=/);
    expect(mailtoFor({ ...d, body: 'x'.repeat(2000) })).toBeNull();
  });
  it('what "I have sent it" records for each kind', () => {
    expect(sentEventFor('chaser', '2026-11-24').type).toBe('chased');
    expect(sentEventFor('escalation', '2026-11-24').type).toBe('escalated');
    expect(sentEventFor('chair-notice', '2026-11-24').type).toBe('chair-notice');
    // R-ASK-8 R-DUE-4: the chair notice and an escalation are recorded with whom they went to; the others are not.
    expect(DRAFT_KINDS.filter(sentDraftNamesRecipient)).toEqual(['escalation', 'chair-notice']);
    expect(sentEventFor('foi', '2026-11-24')).toMatchObject({ type: 'emailed', kind: 'foi' });
  });
});

describe('matching', () => {
  const threadIndex = Buffer.concat([Buffer.from([1, 2, 3, 4, 5, 6]), Buffer.alloc(16, 7)]).toString('base64');
  const index = buildMatchIndex(
    [
      { id: 'r1', reference: 'NTK-2026-00001' },
      { id: 'r2', reference: 'NTK-2026-00002' },
    ],
    [{ requestId: 'r2', messageId: '<draft-2@example-council.gov.uk>', threadIndex, subject: 'Roads [NTK-2026-00002]' }],
  );
  const base = { subject: 'RE: hello', text: '', inReplyTo: null, references: [], threadIndex: null, threadTopic: null };
  it('by the reference tag in the subject, then in the body', () => {
    expect(matchMessage({ ...base, subject: 'RE: x [NTK-2026-00001]' }, index)).toEqual({ requestId: 'r1', by: 'reference' });
    expect(matchMessage({ ...base, text: 'quoted: [NTK-2026-00001]' }, index)).toEqual({ requestId: 'r1', by: 'reference' });
  });
  it('by In-Reply-To or References against recorded Message-IDs', () => {
    expect(matchMessage({ ...base, inReplyTo: '<DRAFT-2@example-council.gov.uk>' }, index)).toEqual({ requestId: 'r2', by: 'in-reply-to' });
    expect(matchMessage({ ...base, references: ['<other@x>', '<draft-2@example-council.gov.uk>'] }, index)).toEqual({
      requestId: 'r2',
      by: 'in-reply-to',
    });
  });
  it("by Outlook's Thread-Index (a reply appends 5 bytes) and then Thread-Topic", () => {
    const reply = Buffer.concat([Buffer.from(threadIndex, 'base64'), Buffer.from([9, 9, 9, 9, 9])]).toString('base64');
    expect(threadKey(reply)).toBe(threadKey(threadIndex));
    expect(matchMessage({ ...base, threadIndex: reply }, index)).toEqual({ requestId: 'r2', by: 'thread-index' });
    expect(matchMessage({ ...base, threadTopic: 'Roads [NTK-2026-00002]' }, index)?.requestId).toBe('r2');
    expect(matchMessage({ ...base, threadTopic: 'Something else' }, index)).toBeNull();
  });
  it('an unknown tag does not match', () => {
    expect(matchMessage({ ...base, subject: '[NTK-2026-09999]' }, index)).toBeNull();
  });
});

describe('import flags', () => {
  const me = 'cllr.smith@example-council.gov.uk';
  it('R-ASK-9: an address outside the council domain', () => {
    const f = importFlags({ from: { name: '', email: 'someone@gmail.com' }, to: [{ name: '', email: me }], cc: [] }, DOMAIN, [me]);
    expect(f.flags).toEqual(['outside-domain']);
    expect(f.outsideAddresses).toEqual(['someone@gmail.com']);
  });
  it('R-ASK-10: copies recorded, and a blind copy marked when the Member is not in To or Cc', () => {
    const f = importFlags(
      {
        from: { name: '', email: 'sam@example-council.gov.uk' },
        to: [{ name: '', email: 'other@example-council.gov.uk' }],
        cc: [{ name: '', email: 'x@sub.example-council.gov.uk' }],
      },
      DOMAIN,
      [me],
    );
    expect(f.flags).toEqual(['copies', 'blind-copy']);
    expect(f.copies).toEqual(['x@sub.example-council.gov.uk']);
  });
});

describe('tier and dates', () => {
  it('a message for a Member-only request, or carrying attachments (R-CLS-2), is Member only', () => {
    expect(correspondenceTier({ requestMemberOnly: true, attachmentCount: 0 })).toBe('member');
    expect(correspondenceTier({ requestMemberOnly: false, attachmentCount: 1 })).toBe('member');
    expect(correspondenceTier({ requestMemberOnly: false, attachmentCount: 0 })).toBe('shared');
  });
  it("the email's UK date, across midnight in summer time", () => {
    expect(ukDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
