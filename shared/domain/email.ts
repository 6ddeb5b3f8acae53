// What counts as an email address, written once: the forms, main's checks, the IPC contract, stored
// records and the mailto: links the window opens all ask this module.
import { z } from 'zod';

/** The longest address mail servers carry (RFC 5321: 64 for the part before the @, 254 in all). */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;

// The part before the @: dot-separated runs of letters, digits and _ ' + -, so no leading, trailing
// or doubled dot (a..b@ is refused), and nothing that could carry a second recipient or a query.
const LOCAL = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*$/;
// The domain: at least two labels, each a letter or digit at both ends, ending in a word of letters.
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Whether a value is one plain email address (already trimmed: spaces make it not one). */
export function isEmailAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > EMAIL_MAX_LENGTH) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  return local.length <= LOCAL_MAX_LENGTH && LOCAL.test(local) && DOMAIN.test(value.slice(at + 1));
}

/** The domain of an address, in lower case (the part after the @), or null when it is not an email address. */
export function emailDomainOf(address: string): string | null {
  const trimmed = address.trim();
  return isEmailAddress(trimmed) ? trimmed.slice(trimmed.lastIndexOf('@') + 1).toLowerCase() : null;
}

/**
 * The one email address schema. Its message is the words the page's one error wording (renderer/app/errors)
 * turns into "<field> is not a valid email address", or "<field>: the second address is not…" in a list.
 */
export const EMAIL_INVALID = 'Invalid email address';
export const emailAddressSchema = z.string().trim().refine(isEmailAddress, { error: EMAIL_INVALID });

/** A required address: `missing` when it is left blank, otherwise the one rule above. */
export const requiredEmailAddressSchema = (missing: string) =>
  z
    .string()
    .trim()
    .superRefine((address, ctx) => {
      if (!isEmailAddress(address)) ctx.addIssue({ code: 'custom', message: address ? EMAIL_INVALID : missing });
    });
