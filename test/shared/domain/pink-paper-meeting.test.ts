import { describe, expect, it } from 'vitest';
import { pinkPaperMeetingId } from '../../../shared/domain/material';

describe('pinkPaperMeetingId (R-USE-1)', () => {
  const meetings = [
    { id: 'cab', committee: 'Cabinet', date: '2026-12-02' },
    { id: 'plan', committee: 'Planning', date: '2026-12-09' },
  ];
  const pink = (committee: string, meetingDate: string) => ({ level: 'pink-paper', committee, meetingDate });

  it('is the meeting the classification names, by committee (any case) and date', () => {
    expect(pinkPaperMeetingId(pink(' planning ', '2026-12-09'), meetings)).toBe('plan');
    expect(pinkPaperMeetingId(pink('Cabinet', '2026-12-02'), meetings)).toBe('cab');
  });

  it('is none when no meeting is that one, or the material is not a pink paper', () => {
    expect(pinkPaperMeetingId(pink('Planning', '2026-12-02'), meetings)).toBeNull();
    expect(pinkPaperMeetingId({ level: 'confidential' }, meetings)).toBeNull();
  });
});
