import { z } from 'zod';

// Auto-lock: default 5 minutes. An upper bound stops "never lock" by the back door.
export const AUTO_LOCK_DEFAULT_MINUTES = 5;
export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 60;

export const autoLockMinutesSchema = z
  .number({ error: 'Auto-lock minutes must be a number' })
  .int({ error: 'Auto-lock minutes must be a whole number' })
  .min(AUTO_LOCK_MIN_MINUTES, { error: `Auto-lock must be at least ${AUTO_LOCK_MIN_MINUTES} minute` })
  .max(AUTO_LOCK_MAX_MINUTES, { error: `Auto-lock can be at most ${AUTO_LOCK_MAX_MINUTES} minutes` });

/** The settings kept in electron-store: preferences only, never records or keys (what a rule reads is in the vault). */
export const appSettingsSchema = z.object({
  autoLockMinutes: autoLockMinutesSchema,
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const defaultAppSettings: AppSettings = {
  autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES,
};
