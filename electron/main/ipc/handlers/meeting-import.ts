import type { Handlers } from '../router';
import type { MeetingImportService } from '../../calendar/meeting-import-service';

/** Importing meetings from a calendar file or the democracy site: the service does the work. */
export function meetingImportHandlers(imports: MeetingImportService): Pick<Handlers, 'meetings:importPreview' | 'meetings:importApply'> {
  return {
    'meetings:importPreview': (request) => imports.preview(request),
    'meetings:importApply': ({ token }) => imports.apply(token),
  };
}
