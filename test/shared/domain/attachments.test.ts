import { describe, expect, it } from 'vitest';
import {
  MAX_ATTACHMENT_BYTES,
  acceptsOwnerlessFile,
  attachmentProblem,
  mayExportAttachment,
  mayExportOriginalEmail,
  mayEraseOwnerlessFile,
  mayMoveOwnerlessFile,
} from '../../../shared/domain/attachments';
import { mustAudit } from '../../../shared/domain/protection';
import type { GateState } from '../../../shared/domain/disclosure';

const normal = { kind: 'normal' } as const;
const pink = {
  classification: {
    level: 'pink-paper',
    committee: 'Cabinet',
    meetingDate: '2026-12-02',
    agendaItem: 'Item 9',
    authorDesignation: 'Director',
    paragraph: 3,
  } as never,
  meetingId: 'm1',
};
const open = { classification: { level: 'open' } as const, meetingId: null };
const gates = (...states: GateState[]) => states.map((state) => ({ state }));

describe('exporting an attachment', () => {
  it('R-DIS-3 R-CLS-5 a briefing is protected whatever its classification: approval first, never in a meeting mode', () => {
    const briefing = { ...open, isBriefing: true };
    expect(mayExportAttachment(briefing, [], normal)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/confidential briefing/),
    });
    expect(mayExportAttachment(briefing, [{ state: 'approved' as const }], normal)).toEqual({ allowed: true, audited: true });
    expect(mayExportAttachment(briefing, [{ state: 'approved' as const }], { kind: 'public-meeting' }).allowed).toBe(false);
  });

  it('R-DIS-3 R-ASK-11 consent refused or withdrawn after approval stops the copy, unless the law requires the disclosure (ground (b))', () => {
    const refused = { ...pink, thirdParty: { name: 'Mrs A Resident', consent: 'refused' as const } };
    expect(mayExportAttachment(refused, [{ state: 'approved' as const, ground: 'd' as const }], normal)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/consent/i),
    });
    expect(mayExportAttachment(refused, [{ state: 'approved' as const, ground: 'b' as const }], normal)).toEqual({
      allowed: true,
      audited: true,
    });
    const given = { ...pink, thirdParty: { name: 'Mrs A Resident', consent: 'given' as const } };
    expect(mayExportAttachment(given, [{ state: 'approved' as const, ground: 'd' as const }], normal)).toEqual({
      allowed: true,
      audited: true,
    });
  });

  it('R-DIS-3 open material exports freely and is not audited', () => {
    expect(mayExportAttachment(open, [], normal)).toEqual({ allowed: true, audited: false });
    expect(mayExportAttachment(open, [], { kind: 'public-meeting' })).toEqual({ allowed: true, audited: false });
  });

  it('R-DIS-3 protected material is refused until a disclosure of it is approved, saying why', () => {
    const none = mayExportAttachment(pink, [], normal);
    expect(none).toMatchObject({ allowed: false, reason: expect.stringMatching(/a pink paper.*approved disclosure.*Pass it on/) });
    for (const state of ['draft', 'ground-chosen', 'evidence-complete', 'mo-consulted', 'regard-recorded'] as const) {
      expect(mayExportAttachment(pink, gates(state), normal).allowed, state).toBe(false);
    }
    expect(mayExportAttachment(pink, gates('draft', 'mo-consulted'), normal)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/at “Monitoring Officer consulted”/),
    });
    expect(mayExportAttachment(pink, gates('draft', 'approved'), normal)).toEqual({ allowed: true, audited: true });
    expect(mayExportAttachment(pink, gates('disclosed'), normal)).toEqual({ allowed: true, audited: true });
  });

  it('R-CLS-2 R-DIS-3 material not yet classified is protected: refused without an approved disclosure', () => {
    expect(mayExportAttachment({ classification: { level: 'unsure' } }, [], normal)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/confidential/),
    });
    expect(mayExportAttachment({ classification: null }, [], normal).allowed).toBe(false);
    expect(mayExportAttachment({ classification: { level: 'exempt', paragraph: 3 } }, [], normal)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/exempt information/),
    });
  });

  it('R-USE-1 protected material is never exported in public-meeting mode, even with an approved disclosure', () => {
    expect(mayExportAttachment(pink, gates('approved'), { kind: 'public-meeting' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/public-meeting mode/),
    });
    expect(mayExportAttachment(pink, gates('approved'), { kind: 'private-session', meetingId: 'other' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/private session/),
    });
    expect(mayExportAttachment(pink, gates('approved'), { kind: 'private-session', meetingId: 'm1' }).allowed).toBe(true);
  });

  it('R-USE-3 attaching and exporting protected material are audited actions', () => {
    expect(mustAudit('attached', pink.classification)).toBe(true);
    expect(mustAudit('exported', pink.classification)).toBe(true);
    expect(mustAudit('exported', open.classification)).toBe(false);
  });
});

describe('attachment limits', () => {
  it('refuses a file over the limit with its size, and accepts one at the limit', () => {
    expect(attachmentProblem({ name: 'big.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toMatch(
      /“big\.pdf” is 501 MB; files over 500 MB cannot be attached/,
    );
    expect(attachmentProblem({ name: 'ok.pdf', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(attachmentProblem({ name: 'empty.txt', size: 0 })).toBeNull();
  });
});

describe('old-format files (no owner)', () => {
  it('R-USE-2 a Member-only file is used only through a record under the Member key, whoever saved a shared record last', () => {
    const member = { tier: 'member' } as const;
    expect(acceptsOwnerlessFile(member, { tier: 'member' })).toBe(true);
    expect(acceptsOwnerlessFile(member, { tier: 'shared' })).toBe(false);
  });

  it('R-USE-2 a shared file opens with the PA’s own key anyway, so any record may use it', () => {
    expect(acceptsOwnerlessFile({ tier: 'shared' }, { tier: 'shared' })).toBe(true);
    expect(acceptsOwnerlessFile({ tier: 'shared' }, { tier: 'member' })).toBe(true);
  });

  it('R-USE-2 a file is moved only into a record that may use it (never below its tier) and that alone names it', () => {
    const shared = { tier: 'shared' } as const;
    const memberRecord = { tier: 'member' } as const;
    expect(mayMoveOwnerlessFile({ tier: 'member', namedElsewhere: false }, shared)).toBe(false);
    expect(mayMoveOwnerlessFile({ tier: 'member', namedElsewhere: false }, memberRecord)).toBe(true);
    expect(mayMoveOwnerlessFile({ tier: 'member', namedElsewhere: true }, memberRecord)).toBe(false);
    expect(mayMoveOwnerlessFile({ tier: 'shared', namedElsewhere: false }, shared)).toBe(true);
    expect(mayMoveOwnerlessFile({ tier: 'shared', namedElsewhere: true }, shared)).toBe(false);
  });

  it('R-USE-2 R-CLS-6 erasure deletes it through a Member-key record, or where it could be moved; never a Member-only file through a shared record', () => {
    expect(mayEraseOwnerlessFile({ tier: 'member', namedElsewhere: true }, { tier: 'member' })).toBe(true);
    expect(mayEraseOwnerlessFile({ tier: 'member', namedElsewhere: false }, { tier: 'shared' })).toBe(false);
    expect(mayEraseOwnerlessFile({ tier: 'shared', namedElsewhere: false }, { tier: 'shared' })).toBe(true);
    expect(mayEraseOwnerlessFile({ tier: 'shared', namedElsewhere: true }, { tier: 'shared' })).toBe(false);
  });
});

describe('saving the original email', () => {
  it('R-DIS-3 R-CLS-2 refused until its attachments are filed, and refused with the reason of any material in it that may not leave', () => {
    expect(mayExportOriginalEmail({ memberOnly: false, unfiledAttachments: true }, [], normal)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/classify its attachments/),
    });
    expect(
      mayExportOriginalEmail(
        { memberOnly: false, unfiledAttachments: false },
        [{ allowed: true }, { allowed: false, reason: 'It is a pink paper.' }],
        normal,
      ),
    ).toEqual({ allowed: false, reason: 'It is a pink paper. The email contains that material.' });
  });

  it('R-USE-1 R-USE-3 a Member-only email never leaves in a meeting mode; every copy of an original is audited', () => {
    for (const mode of [{ kind: 'public-meeting' }, { kind: 'private-session', meetingId: 'mt-1' }] as const) {
      expect(mayExportOriginalEmail({ memberOnly: true, unfiledAttachments: false }, [], mode).allowed).toBe(false);
      expect(mayExportOriginalEmail({ memberOnly: false, unfiledAttachments: false }, [], mode)).toEqual({ allowed: true, audited: true });
    }
    expect(mayExportOriginalEmail({ memberOnly: true, unfiledAttachments: false }, [{ allowed: true }], normal)).toEqual({
      allowed: true,
      audited: true,
    });
  });
});
