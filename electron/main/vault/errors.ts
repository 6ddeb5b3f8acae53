export type VaultErrorCode =
  | 'locked'
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'cannot-open'
  | 'newer-format'
  | 'not-permitted'
  | 'exists'
  | 'not-found'
  | 'io'
  | 'quick-unlock-unavailable';

/** Every failure of the vault, with a code the app switches on and a message a user can read. */
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VaultError';
  }
}

export const cannotOpen = (reason: string, cause?: unknown) => new VaultError('cannot-open', `cannot open: ${reason}`, { cause });

/** Turns an fs error into a plain 'io' VaultError, naming the common causes. */
export function ioError(action: string, error: unknown): VaultError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission was refused'
        : code === 'EROFS'
          ? 'the folder is read-only'
          : code === 'EDQUOT'
            ? 'the disk quota is used up'
            : `the system said ${code ?? String(error)}`;
  return new VaultError('io', `Could not ${action}: ${why}. Nothing already saved was changed.`, { cause: error });
}
