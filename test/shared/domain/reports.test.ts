import { describe, expect, it } from 'vitest';
import { confidentialWatermark, mayMakeReport, reportFileName } from '../../../shared/domain/reports';

const pink = (meetingId: string) => ({
  classification: {
    level: 'pink-paper',
    committee: 'Cabinet',
    meetingDate: '2026-12-02',
    agendaItem: '9',
    authorDesignation: 'Director',
    paragraph: 3,
  } as never,
  meetingId,
});
const confidential = { classification: { level: 'confidential', basis: 'given-in-confidence' } as never, meetingId: null };
const nothing = { protectedMaterial: [], memberOnlyRecords: 0 };

describe('R-DIS-3 / R-USE-1 / R-USE-2: when a report may be made', () => {
  it('a report with nothing protected may be made by anyone, in any mode, without a watermark', () => {
    for (const mode of [{ kind: 'normal' }, { kind: 'public-meeting' }, { kind: 'private-session', meetingId: 'm1' }] as const) {
      expect(mayMakeReport(nothing, 'pa', mode)).toEqual({ allowed: true, confidential: false });
    }
  });

  it('protected content: the Member only, never in public-meeting mode, and only that meeting’s pink papers in a private session', () => {
    const withConfidential = { protectedMaterial: [confidential], memberOnlyRecords: 0 };
    expect(mayMakeReport(withConfidential, 'member', { kind: 'normal' })).toEqual({ allowed: true, confidential: true });
    expect(mayMakeReport(withConfidential, 'pa', { kind: 'normal' })).toEqual({
      allowed: false,
      reason: expect.stringMatching(/A PA’s report never contains Member-only material/),
    });
    expect(mayMakeReport({ protectedMaterial: [], memberOnlyRecords: 1 }, 'member', { kind: 'public-meeting' })).toEqual({
      allowed: false,
      reason: expect.stringMatching(/public-meeting mode/),
    });
    expect(
      mayMakeReport({ protectedMaterial: [pink('m1')], memberOnlyRecords: 0 }, 'member', { kind: 'private-session', meetingId: 'm1' }),
    ).toEqual({ allowed: true, confidential: true });
    expect(
      mayMakeReport({ protectedMaterial: [pink('m2')], memberOnlyRecords: 0 }, 'member', { kind: 'private-session', meetingId: 'm1' }),
    ).toMatchObject({ allowed: false });
    expect(mayMakeReport(withConfidential, 'member', { kind: 'private-session', meetingId: 'm1' })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/only this meeting’s pink papers/),
    });
  });

  it('the watermark names the Member and the UK date; the file name is safe', () => {
    expect(confidentialWatermark('Cllr Jane Smith', '2026-11-28')).toBe('Confidential: Cllr Jane Smith, 28/11/2026');
    expect(reportFileName('Request NTK-2026-00001: Depot / valuation?', '2026-11-28')).toBe(
      'Request NTK-2026-00001 Depot valuation 2026-11-28.pdf',
    );
  });
});
