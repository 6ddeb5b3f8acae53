// Schemas for reports over IPC: which report, and the report itself as tables the
// renderer lays out for screen and print. Main builds the content; the gate is shared/domain/reports.
import { z } from 'zod';

export const reportRequestSchema = z.discriminatedUnion('kind', [
  /** Outstanding requests by service and officer, for a chasing meeting. Member-only requests only when asked for (a confidential report). */
  z.object({ kind: z.literal('outstanding'), includeMemberOnly: z.boolean() }),
  /** One request's full record: timeline and materials; protected content only when asked for (a confidential report). */
  z.object({ kind: z.literal('request'), requestId: z.string().min(1).max(200), includeProtected: z.boolean() }),
  /** The disclosure register with each item's audit trail, for the Monitoring Officer or standards committee (Member only). */
  z.object({ kind: z.literal('register') }),
]);
export type ReportRequest = z.infer<typeof reportRequestSchema>;

export const reportSectionSchema = z.object({
  heading: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Shown instead of an empty table. */
  empty: z.string(),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSchema = z.object({
  title: z.string(),
  /** Who made it and when, in words ("Made by Cllr Jane Smith on 28/11/2026"). */
  madeBy: z.string(),
  /** The "Confidential" watermark (Member's name and date) when the report holds protected content; null otherwise. */
  watermark: z.string().nullable(),
  notes: z.array(z.string()),
  sections: z.array(reportSectionSchema),
});
export type Report = z.infer<typeof reportSchema>;
