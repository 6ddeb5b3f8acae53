import { describe, expect, it } from 'vitest';
import {
  clashNote,
  importerToSave,
  importerWords,
  messageDifferences,
  sameMessageId,
  type ClashFacts,
} from '../../../shared/domain/message-clash';

const base: ClashFacts = {
  from: { name: 'Sam Green', email: 'sam.green@example-council.gov.uk' },
  to: [{ name: 'Jane', email: 'cllr.smith@example-council.gov.uk' }],
  cc: [],
  subject: 'RE: Depot',
  sentAt: '2026-11-24T10:00:00.000Z',
  text: 'The valuation is £2.1m.\nRegards',
  html: null,
  attachments: [{ name: 'a.pdf', size: 10 }],
  size: 1000,
};

describe('R-USE-3 two copies with one Message-ID: what differs', () => {
  it('names each differing part in words, the text with its first differing line', () => {
    expect(messageDifferences(base, base)).toEqual([]);
    expect(messageDifferences(base, { ...base, subject: 'x' })).toEqual(['the subject']);
    expect(messageDifferences(base, { ...base, from: { name: 'Sam Green', email: 'SAM.green@example-council.gov.uk' } })).toEqual([]);
    expect(messageDifferences(base, { ...base, from: null })).toEqual(['the sender']);
    expect(messageDifferences(base, { ...base, cc: [{ name: '', email: 'press@echo.example' }] })).toEqual(['the recipients']);
    expect(messageDifferences(base, { ...base, sentAt: null })).toEqual(['the date sent']);
    expect(messageDifferences(base, { ...base, text: 'The valuation is £1.1m.\nRegards' })).toEqual([
      'the text (line 1: “The valuation is £2.1m.” here, “The valuation is £1.1m.” in the other)',
    ]);
    expect(messageDifferences(base, { ...base, html: '<p>x</p>' })).toEqual(['the formatted text']);
    expect(messageDifferences(base, { ...base, attachments: [] })).toEqual(['the attachments']);
    expect(messageDifferences(base, { ...base, size: 1001 })).toEqual(['hidden parts of the file (the text shown is the same)']);
    const long = 'x'.repeat(500);
    expect(messageDifferences(base, { ...base, text: long })[0]!.length).toBeLessThan(400);
  });

  it('compares Message-IDs without brackets or case; a missing one never clashes', () => {
    expect(sameMessageId('<A@B.example>', 'a@b.example')).toBe(true);
    expect(sameMessageId('<a@b>', '<c@b>')).toBe(false);
    expect(sameMessageId(null, null)).toBe(false);
    expect(sameMessageId('', '<a@b>')).toBe(false);
  });

  it('the note names each other copy, who imported it and when, and this one’s importer', () => {
    const note = clashNote({ importer: 'the Member', importedOn: '25/11/2026' }, [
      { importer: 'a PA', importedOn: '24/11/2026', differences: ['the subject', 'the text (line 1: …)'] },
    ]);
    expect(note).toMatch(/imported by a PA on 24\/11\/2026, differs in the subject, the text/);
    expect(note).toMatch(/This one was imported by the Member on 25\/11\/2026/);
  });
});

describe('R-USE-3 who imported an email: the vault’s author, a claim only against its writer', () => {
  it('shows a PA-written record as a PA’s whatever it claims; "the Member" only from a Member save', () => {
    expect(importerWords('pa', 'pa')).toBe('a PA');
    expect(importerWords('pa', undefined)).toBe('a PA');
    expect(importerWords('pa', 'unverified')).toBe('a PA');
    expect(importerWords('pa', 'member')).toMatch(/not verified/);
    expect(importerWords('member', 'member')).toBe('the Member');
    expect(importerWords('member', 'pa')).toBe('a PA');
    expect(importerWords('member', undefined)).toMatch(/not verified/);
    expect(importerWords('member', 'unverified')).toMatch(/not verified/);
    // In a PA's own app, which cannot check the Member's seal.
    expect(importerWords('unknown', 'member')).toBe('the Member');
    expect(importerWords(undefined, undefined)).toMatch(/not verified/);
  });

  it('a save records the session’s role for a new email; never turns a PA’s claim into the Member’s', () => {
    expect(importerToSave(undefined, 'member')).toBe('member');
    expect(importerToSave(undefined, 'pa')).toBe('pa');
    expect(importerToSave({ author: 'pa', claimed: 'member' }, 'member')).toBe('unverified');
    expect(importerToSave({ author: 'pa', claimed: 'pa' }, 'member')).toBe('pa');
    expect(importerToSave({ author: 'pa', claimed: undefined }, 'member')).toBe('unverified');
    expect(importerToSave({ author: 'member', claimed: 'member' }, 'pa')).toBe('member');
    expect(importerToSave({ author: 'member', claimed: undefined }, 'pa')).toBe('unverified');
  });
});
