// Something that arrived for the Member: the PA can write for the Member without reading it
// back, and nothing is lost between visits. A PA records it; its title, summary and file names
// are sealed to the Member, so the record itself holds only what the PA may see afterwards: which
// request, when, how many files, and whether the Member has classified it yet.
import { z } from 'zod';
import { isoDateSchema } from './dates';

/** The most files one arrival can carry (the same bound as attaching to material). */
export const MAX_FILES_PER_ARRIVAL = 10;

/** What the PA types: sealed to the Member as soon as main has it. */
export const arrivalContentSchema = z.object({
  title: z.string().trim().min(1, { error: 'Give what arrived a title' }).max(200, { error: 'The title can be at most 200 characters' }),
  summary: z.string().max(8000, { error: 'The summary can be at most 8,000 characters' }),
});
export type ArrivalContent = z.infer<typeof arrivalContentSchema>;

/** The sealed payload: the content plus the files' own names (a file's name can say what it is). */
export const sealedArrivalPayloadSchema = arrivalContentSchema.extend({
  files: z.array(z.object({ blobId: z.string(), name: z.string() })),
});
export type SealedArrivalPayload = z.infer<typeof sealedArrivalPayloadSchema>;

/** An arrival as stored: sealed content (base64) and sealed files; nothing readable by the PA but the facts below. */
export const storedArrivalSchema = z.object({
  id: z.string().min(1),
  requestId: z.string().min(1),
  arrivedOn: isoDateSchema,
  /** The sealed title, summary and file names (base64 of the vault's sealed box, labelled with this id); null once classified. */
  sealed: z.string().min(1).nullable(),
  /** The files, sealed for the Member with this arrival as their owner. */
  files: z.array(z.object({ blobId: z.string().min(1), size: z.number().int().min(0) })).max(MAX_FILES_PER_ARRIVAL),
  /** The material the Member classified it into; null while it waits. */
  materialId: z.string().nullable(),
  classifiedOn: isoDateSchema.nullable(),
});
export type StoredArrival = z.infer<typeof storedArrivalSchema>;

/** What anyone signed in sees of an arrival. */
export const arrivalSummarySchema = z.object({
  id: z.string(),
  requestId: z.string(),
  arrivedOn: z.string(),
  fileCount: z.number(),
  status: z.enum(['waiting', 'classified']),
  materialId: z.string().nullable(),
});
export type ArrivalSummary = z.infer<typeof arrivalSummarySchema>;

/** What the Member sees on opening one. */
/** What the page sends to record an arrival: the content, any dropped files, and whether to pick files in main's dialog. */
export const recordArrivalInputSchema = arrivalContentSchema.extend({
  requestId: z.string().min(1).max(200),
  files: z
    .array(
      z.object({
        name: z.string().min(1).max(255),
        bytes: z.instanceof(Uint8Array).refine((b) => b.length <= 50 * 1024 * 1024, {
          error: 'A dropped file can be at most 50 MB; use “Choose files” for larger ones.',
        }),
      }),
    )
    .max(MAX_FILES_PER_ARRIVAL, { error: `Record at most ${MAX_FILES_PER_ARRIVAL} files with one item` }),
  pick: z.boolean(),
});
export type RecordArrivalInput = z.infer<typeof recordArrivalInputSchema>;

export const openedArrivalSchema = arrivalSummarySchema.extend({
  title: z.string(),
  summary: z.string(),
  files: z.array(z.object({ name: z.string(), size: z.number() })),
});
export type OpenedArrival = z.infer<typeof openedArrivalSchema>;

export function arrivalSummary(a: StoredArrival): ArrivalSummary {
  return {
    id: a.id,
    requestId: a.requestId,
    arrivedOn: a.arrivedOn,
    fileCount: a.files.length,
    status: a.materialId ? 'classified' : 'waiting',
    materialId: a.materialId,
  };
}

/** Arrivals still waiting for the Member to classify them (Today's "Arrived for you"). */
export function waitingArrivals<T extends { materialId: string | null }>(arrivals: readonly T[]): T[] {
  return arrivals.filter((a) => a.materialId === null);
}
