import { z } from 'zod';

/** Every error code a contract call can answer with. The renderer switches on these. */
export const errorCodes = [
  'invalid-input', // the payload failed the entry's schema; nothing ran
  'forbidden', // the caller is not the app's own page
  'unknown-channel',
  'locked', // the vault is locked: unlock first
  'not-found',
  'refused', // a rule refused the action (the message says which and why)
  'conflict',
  'wrong-passphrase',
  'weak-passphrase',
  'cannot-open',
  'unavailable',
  'io',
  'internal', // anything unexpected: details stay in the main process log
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorSchema = z.object({ code: z.enum(errorCodes), message: z.string() });
export type AppErrorShape = z.infer<typeof errorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown by main-process services for errors the user should see; the router turns it into a result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Turns a zod failure into one plain sentence per problem, naming the field in words. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');
}

/** What a command that was waiting (a worker, a dialog, a file) says when the app locked under it: it saved nothing. */
export const lockedBefore = (what: string, again: string) =>
  `The app was locked before ${what}. Nothing was saved; ${again} after unlocking.`;
