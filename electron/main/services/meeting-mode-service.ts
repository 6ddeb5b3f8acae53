import type { MeetingMode } from '../../../shared/domain/protection';
import { blocksScreenCapture } from '../../../shared/domain/protection';
import type { EventHub } from './events';

/** R-USE-1: the meeting mode lives in main, which also blocks screen capture while it is on. */
export class MeetingModeService {
  private mode: MeetingMode = { kind: 'normal' };

  constructor(
    private readonly events: EventHub,
    private readonly setContentProtection: (on: boolean) => void = () => {},
  ) {}

  get(): MeetingMode {
    return this.mode;
  }

  set(mode: MeetingMode): MeetingMode {
    this.mode = mode;
    this.setContentProtection(blocksScreenCapture(mode));
    this.events.emit('meeting:changed', mode);
    return mode;
  }
}
