import type { Handlers } from '../router';
import type { MeetingModeService } from '../../services/meeting-mode-service';
import { closedChannels } from '../../../../shared/ipc/mode-decisions';

export const meetingModeHandlers = (meetingMode: MeetingModeService): Pick<Handlers, `meetingMode:${string}` & keyof Handlers> => ({
  'meetingMode:set': (mode) => meetingMode.set(mode),
  'meetingMode:get': () => meetingMode.get(),
});

/**
 * R-USE-1: every channel the mode decisions (shared/ipc/mode-decisions.ts) mark 'closed' is refused in
 * a meeting mode before its handler runs, whatever the page asks, so a new channel marked so is closed too.
 */
export function closedInMeetingModes(handlers: Handlers, meetingMode: Pick<MeetingModeService, 'requireOpen'>): Handlers {
  const out: Record<string, (input: never) => unknown> = { ...handlers };
  for (const [channel, screen] of closedChannels()) {
    const run = out[channel]!;
    out[channel] = (input: never) => {
      meetingMode.requireOpen(screen);
      return run(input);
    };
  }
  return out as Handlers;
}
