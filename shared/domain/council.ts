// The council the Member serves: the protocol profile in force, the nation whose bank holidays
// count, and the council's email domain (R-ASK-9). Holiday edits are in calendar.ts.
import { z } from 'zod';
import { holidayEditsSchema, nationSchema } from './calendar';

// Strict: a key the page adds ("__proto__" among them) is refused, never carried into a record.
export const councilSettingsSchema = z.strictObject({
  profileId: z.string(),
  nation: nationSchema,
  emailDomain: z.string().trim().max(120, { error: 'The domain can be at most 120 characters' }),
});
export type CouncilSettings = z.infer<typeof councilSettingsSchema>;

/** The rule-bearing council settings, written by the Member into the vault (never settings.json). */
export const storedCouncilSettingsSchema = z.strictObject({
  id: z.literal('council-settings'),
  settings: councilSettingsSchema,
  holidayEdits: holidayEditsSchema,
});
export type StoredCouncilSettings = z.infer<typeof storedCouncilSettingsSchema>;
