import type { Handlers } from '../router';
import type { MeetingModeService } from '../../services/meeting-mode-service';

export const meetingModeHandlers = (meetingMode: MeetingModeService): Pick<Handlers, `meetingMode:${string}` & keyof Handlers> => ({
  'meetingMode:set': (mode) => meetingMode.set(mode),
  'meetingMode:get': () => meetingMode.get(),
});
