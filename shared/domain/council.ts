// The council the Member serves: the protocol profile in force, the nation whose bank holidays
// count, and the council's email domain (R-ASK-9). Holiday edits are in calendar.ts.
import { z } from 'zod';
import { nationSchema } from './calendar';

export const councilSettingsSchema = z.object({
  profileId: z.string(),
  nation: nationSchema,
  emailDomain: z.string().trim().max(120, { error: 'The domain can be at most 120 characters' }),
});
export type CouncilSettings = z.infer<typeof councilSettingsSchema>;
