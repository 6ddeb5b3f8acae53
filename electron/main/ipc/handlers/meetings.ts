import type { Handlers } from '../router';
import type { DirectoryService } from '../../services/directory-service';

/** Meeting records (committee, date, agenda). The meeting MODE is meetingMode:. */
export const meetingHandlers = (directory: DirectoryService): Pick<Handlers, `meetings:${string}` & keyof Handlers> => ({
  'meetings:list': () => directory.meetings(),
  'meetings:save': (input) => directory.saveMeeting(input),
});
