// Who is using the app: the Member or a PA, and whether the vault is open.
import { z } from 'zod';

export const ROLES = ['member', 'pa'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
export const userSummarySchema = z.object({ id: z.string(), name: z.string(), role: roleSchema });
export type UserSummary = z.infer<typeof userSummarySchema>;

/** Where the app is: no vault yet (first run), locked, unlocked as someone, or unable to open the vault. */
export const sessionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('no-vault') }),
  z.object({
    state: z.literal('locked'),
    users: z.array(userSummarySchema),
    /** Why it locked last, in words ("after 5 minutes without use"), if it locked itself. */
    reason: z.string().optional(),
    /** The user who can unlock through this computer's key store instead of typing a passphrase. */
    quickUnlockUserId: z.string().optional(),
  }),
  z.object({ state: z.literal('unlocked'), user: userSummarySchema }),
  z.object({ state: z.literal('cannot-open'), message: z.string() }),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;
