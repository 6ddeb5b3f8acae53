import type { Handlers } from '../router';
import type { DirectoryService } from '../../services/directory-service';
import type { MeetingImportService } from '../../calendar/meeting-import-service';

/** Meeting records (committee, date, agenda) and importing them. The meeting MODE is meetingMode:. */
export const meetingHandlers = (
  directory: DirectoryService,
  imports: MeetingImportService,
): Pick<Handlers, `meetings:${string}` & keyof Handlers> => ({
  'meetings:list': () => directory.meetings(),
  'meetings:save': (input) => directory.saveMeeting(input),
  'meetings:retire': ({ id }) => directory.retireMeeting(id),
  'meetings:reinstate': ({ id }) => directory.reinstateMeeting(id),
  'meetings:requestCounts': () => directory.meetingRequestCounts(),
  'meetings:importPreview': (request) => imports.preview(request),
  'meetings:importApply': ({ token }) => imports.apply(token),
});
