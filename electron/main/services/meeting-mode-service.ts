import type { MeetingMode } from '../../../shared/domain/protection';
import { blocksScreenCapture, nextMeetingMode } from '../../../shared/domain/protection';
import { AppError } from '../../../shared/ipc/errors';
import type { EventHub } from './events';
import type { RecordsRepository } from './records-repository';

/** The id audit events about the meeting mode are filed under. */
export const MEETING_MODE_AUDIT_ID = 'meeting-mode';

/**
 * R-USE-1: the meeting mode lives in main, which also blocks screen capture while it is on. Only the
 * Member, signed in, changes it; ending a private session returns to public-meeting mode; leaving
 * public-meeting mode (when protected items can show again) is audited.
 */
export class MeetingModeService {
  private mode: MeetingMode = { kind: 'normal' };

  constructor(
    private readonly records: RecordsRepository,
    private readonly events: EventHub,
    private readonly setContentProtection: (on: boolean) => void = () => {},
  ) {}

  get(): MeetingMode {
    return this.mode;
  }

  set(requested: MeetingMode): MeetingMode {
    this.records.requireMember(); // 'locked' while locked, 'forbidden' for a PA
    if (requested.kind === 'private-session') {
      // Not a retired meeting: opening a private session is a new choice. (An unknown id shows no pink papers.)
      const meeting = this.records.get('meeting', requested.meetingId);
      if (meeting?.retiredOn)
        throw new AppError(
          'refused',
          'That meeting has been retired. Reinstate it on Officers and meetings to hold a private session for it.',
        );
    }
    const next = nextMeetingMode(this.mode, requested);
    if (this.mode.kind === 'public-meeting' && next.kind === 'normal') {
      // Audited before the screen shows protected items again.
      this.records.audit(MEETING_MODE_AUDIT_ID, 'left-public-meeting', 'member', {});
    }
    this.mode = next;
    this.setContentProtection(blocksScreenCapture(next));
    this.events.emit('meetingMode:changed', next);
    return next;
  }
}
