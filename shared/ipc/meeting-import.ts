// Schemas for importing meetings over IPC: the request to preview an import, the
// check-your-answers preview, and the result. The mapping rules are in shared/domain/meeting-import.
import { z } from 'zod';

export const meetingImportRequestSchema = z.discriminatedUnion('from', [
  /** A calendar file (.ics) the user picks in main's open-file dialog. */
  z.object({ from: z.literal('ics-file') }),
  /** A saved ModernGov GetMeetings/GetMeeting XML export the user picks in main's dialog. */
  z.object({ from: z.literal('moderngov-file') }),
  /** The council's democracy site, fetched by main: the one network call the app makes. */
  z.object({ from: z.literal('moderngov-site'), address: z.string().max(300) }),
]);
export type MeetingImportRequest = z.infer<typeof meetingImportRequestSchema>;

const previewMeetingSchema = z.object({
  committee: z.string(),
  date: z.string(),
  agendaItems: z.array(z.string()),
  privateItems: z.array(z.string()),
  /** For updates: what changes, in words. */
  changes: z.array(z.string()),
});

export const meetingImportPreviewSchema = z.object({
  /** Hand this back to `meetings:importApply`; nothing is saved before then. Empty when the user cancelled the file dialog. */
  token: z.string(),
  /** Where the meetings came from, in words ("calendar file “council.ics”", "https://democracy.example.gov.uk"). */
  sourceLabel: z.string(),
  add: z.array(previewMeetingSchema),
  update: z.array(previewMeetingSchema),
  unchanged: z.number(),
});
export type MeetingImportPreview = z.infer<typeof meetingImportPreviewSchema>;

export const meetingImportResultSchema = z.object({ added: z.number(), updated: z.number(), unchanged: z.number() });
