import { describe, expect, it } from 'vitest';
import {
  PROTECTED_LIST_SCREENS,
  WHO_LEAVES_A_MEETING_MODE,
  closedInMode,
  isRequestVisibleInMode,
  isVisibleInMode,
  withheldName,
  type MeetingMode,
} from '../../../shared/domain/protection';

const normal: MeetingMode = { kind: 'normal' };
const publicMeeting: MeetingMode = { kind: 'public-meeting' };
const session: MeetingMode = { kind: 'private-session', meetingId: 'm1' };
const otherSession: MeetingMode = { kind: 'private-session', meetingId: 'm2' };
const open = { level: 'open' } as const;
const pink = { level: 'pink-paper' } as const;
const special = { personal: true, specialCategory: true };

describe('what a meeting mode may show (R-USE-1)', () => {
  it('R-USE-1 personal data, special category above all, is hidden in every meeting mode, even in open material', () => {
    for (const personalData of [special, { personal: true, specialCategory: false }, { personal: false, specialCategory: true }]) {
      expect(isVisibleInMode({ classification: open, personalData }, normal)).toBe(true);
      for (const mode of [publicMeeting, session, otherSession])
        expect(isVisibleInMode({ classification: open, personalData }, mode)).toBe(false);
    }
    // That meeting's own pink paper still shows in its private session, personal data and all.
    expect(isVisibleInMode({ classification: pink, meetingId: 'm1', personalData: special }, session)).toBe(true);
    expect(isVisibleInMode({ classification: open, personalData: { personal: false, specialCategory: false } }, publicMeeting)).toBe(true);
  });

  it('R-USE-1 a Member-only record, or material on a Member-only request, is hidden in every meeting mode whatever its level', () => {
    for (const item of [
      { classification: open, memberOnly: true },
      { classification: open, onMemberOnlyRequest: true },
    ]) {
      expect(isVisibleInMode(item, normal)).toBe(true);
      for (const mode of [publicMeeting, session]) expect(isVisibleInMode(item, mode)).toBe(false);
    }
  });

  it('R-USE-1 a request shows only when it is not Member-only and nothing protected on it is hidden; unreadable material counts as protected', () => {
    const request = (over: object) => ({ memberOnly: false, meetingId: 'm1', materials: [], ...over });
    expect(isRequestVisibleInMode(request({ memberOnly: true }), normal)).toBe(true);
    expect(isRequestVisibleInMode(request({ memberOnly: true }), session)).toBe(false);
    expect(isRequestVisibleInMode(request({ materials: [{ classification: open }] }), publicMeeting)).toBe(true);
    expect(isRequestVisibleInMode(request({ materials: [{ classification: pink }] }), publicMeeting)).toBe(false);
    expect(isRequestVisibleInMode(request({ materials: [{ classification: null }] }), publicMeeting)).toBe(false);
    // A pink paper of this meeting, taken to be for its request's meeting when it names none.
    expect(isRequestVisibleInMode(request({ materials: [{ classification: pink }] }), session)).toBe(true);
    expect(isRequestVisibleInMode(request({ materials: [{ classification: pink }] }), otherSession)).toBe(false);
    expect(isRequestVisibleInMode(request({ materials: [{ classification: pink, isBriefing: true }] }), session)).toBe(false);
  });

  it('R-USE-1 what is withheld is named by its kind only, in the screens’ words', () => {
    expect(withheldName({ classification: pink })).toBe('Protected material (pink paper)');
    expect(withheldName({ classification: { level: 'unsure' } })).toBe('Protected material (confidential)');
    expect(withheldName({ classification: open, isBriefing: true })).toBe('Protected material (briefing)');
    expect(withheldName({ classification: open, personalData: special })).toBe('Special category personal data');
    expect(withheldName({ classification: open, onMemberOnlyRequest: true })).toBe('Member-only material');
  });

  it('R-USE-1 the screens that list protected things are closed in every meeting mode, saying why and who can end it', () => {
    for (const screen of Object.keys(PROTECTED_LIST_SCREENS) as Array<keyof typeof PROTECTED_LIST_SCREENS>) {
      expect(closedInMode(screen, normal)).toBeNull();
      for (const mode of [publicMeeting, session]) {
        const why = closedInMode(screen, mode)!;
        expect(why).toContain(PROTECTED_LIST_SCREENS[screen]);
        expect(why).toContain(WHO_LEAVES_A_MEETING_MODE);
      }
    }
    expect(closedInMode('register', publicMeeting)).toMatch(/^The disclosure register is closed in public-meeting mode/);
  });
});
