import { describe, expect, it } from 'vitest';
import { RecordsRepository } from '../../../../electron/main/services/records-repository';
import { CorrespondenceStore } from '../../../../electron/main/services/correspondence-store';
import type { StoredDraft, StoredMessage } from '../../../../shared/domain/correspondence-records';
import { PA_PASS, seededCase } from '../../support/core';

const CLOCK = new Date('2026-11-24T09:30:00.000Z');

async function withStore() {
  const ctx = await seededCase();
  const warnings: string[] = [];
  const records = new RecordsRepository(ctx.core.session, ctx.core.events, () => CLOCK, { warn: (m) => warnings.push(m) });
  const store = new CorrespondenceStore(records);
  const raw = () => ctx.core.session.requireVault().records;
  const asPa = async () => {
    const pa = await ctx.ok('users:addPa', { name: 'Pat Jones', passphrase: PA_PASS });
    await ctx.ok('session:unlock', { userId: pa.id, passphrase: PA_PASS });
  };
  return { ...ctx, records, store, raw, warnings, asPa };
}

const draft = (over: Partial<StoredDraft> = {}): StoredDraft => ({
  kind: 'draft',
  requestId: 'r-1',
  draftKind: 'request',
  messageId: '<d1@need-to-know.invalid>',
  threadIndex: '',
  subject: 'Depot [NTK-2026-00001]',
  createdAt: CLOCK.toISOString(),
  sentOn: null,
  onMemberOnlyRequest: false,
  ...over,
});

const message = (over: Partial<StoredMessage> = {}): StoredMessage => ({
  kind: 'message',
  id: 'message:1',
  requestId: null,
  requestReference: null,
  from: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
  to: [],
  cc: [],
  subject: 'RE: Depot',
  date: '2026-11-20',
  sentAt: '2026-11-20T16:00:00.000Z',
  text: 'Attached.',
  html: null,
  attachments: [],
  flags: [],
  flagNotes: [],
  matchedBy: null,
  filed: null,
  fileName: 'reply.eml',
  size: 100,
  importedOn: '2026-11-24',
  format: 'eml',
  blobId: 'b-1',
  messageId: '<m1@x>',
  inReplyTo: null,
  references: [],
  threadIndex: null,
  threadTopic: null,
  onMemberOnlyRequest: false,
  ...over,
});

describe('CorrespondenceStore: correspondence through the records repository', () => {
  it('the tier rule seals a draft or email as its request’s material would be (R-USE-2, R-CLS-2)', async () => {
    const { store, raw } = await withStore();
    store.saveDraft('draft:1', draft());
    store.saveDraft('draft:2', draft({ onMemberOnlyRequest: true }));
    store.saveMessage(message());
    store.saveMessage(message({ id: 'message:2', attachments: [{ name: 'a.pdf', size: 1, contentType: 'application/pdf' }] }));
    store.saveMessage(message({ id: 'message:3', onMemberOnlyRequest: true }));
    expect(['draft:1', 'draft:2', 'message:1', 'message:2', 'message:3'].map((id) => raw().get(id)!.tier)).toEqual([
      'shared',
      'member',
      'shared',
      'member',
      'member',
    ]);
    expect(store.drafts().map((d) => d.id)).toEqual(expect.arrayContaining(['draft:1', 'draft:2']));
    expect(store.messages()).toHaveLength(3);
  });

  it('a record not of the stored shape is refused on save and set aside on read, never shown or thrown from a list', async () => {
    const { store, raw, warnings } = await withStore();
    const before = raw().stats();
    expect(() => store.saveMessage({ ...message(), attachments: 'none' } as unknown as StoredMessage)).toThrow(
      expect.objectContaining({ code: 'invalid-input', message: expect.not.stringMatching(/attachments|zod|Expected/) }),
    );
    expect(raw().stats()).toEqual(before);
    // Planted straight into the vault: a message without its blob, a draft of an unknown kind.
    raw().put({
      id: 'message:bad',
      tier: 'shared',
      type: 'correspondence',
      data: { ...message({ id: 'message:bad' }), blobId: undefined },
    });
    raw().put({ id: 'draft:bad', tier: 'shared', type: 'correspondence', data: { ...draft(), draftKind: 'threat' } });
    store.saveMessage(message());
    expect(store.messages().map((m) => m.id)).toEqual(['message:1']);
    expect(store.drafts()).toEqual([]);
    expect(warnings.filter((w) => /email record/.test(w))).toHaveLength(2);
    expect(() => store.message('message:bad')).toThrow(expect.objectContaining({ code: 'cannot-open' }));
  });

  it('Member-only content forged under the shared key is set aside, not read', async () => {
    const { store, raw } = await withStore();
    raw().put({ id: 'message:1', tier: 'shared', type: 'correspondence', data: message({ onMemberOnlyRequest: true }) });
    expect(store.messages()).toEqual([]);
    expect(() => store.message('message:1')).toThrow(expect.objectContaining({ code: 'cannot-open' }));
  });

  it('a PA is refused, by the repository, what belongs under the Member key, before anything is written', async () => {
    const { store, raw, asPa } = await withStore();
    store.saveMessage(message({ id: 'message:m', onMemberOnlyRequest: true }));
    await asPa();
    const before = raw().stats();
    const withFile = message({ attachments: [{ name: 'a.pdf', size: 1, contentType: 'application/pdf' }] });
    expect(() => store.writableTier(withFile)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => store.saveMessage(withFile)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => store.saveDraft('draft:1', draft({ onMemberOnlyRequest: true }))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(raw().stats()).toEqual(before);
    expect(store.writableTier(message())).toBe('shared');
    // The Member's email is "Member only" to the PA, in words; a draft's id is no email.
    expect(() => store.message('message:m')).toThrow(expect.objectContaining({ code: 'forbidden', message: 'This email is Member only.' }));
    expect(store.sealedCount()).toBe(1);
    store.saveDraft('draft:1', draft());
    expect(() => store.message('draft:1')).toThrow(expect.objectContaining({ code: 'not-found', message: 'There is no such email.' }));
  });
});
