import type { Api } from '../../shared/ipc/api';
import type { Result } from '../../shared/ipc/errors';

declare global {
  interface Window {
    /** Built by the preload (or the dev-only harness) from shared/ipc/contract.ts. */
    api: Api;
  }
}

export function api(): Api {
  return window.api;
}

/** For screens that show an error in place: the value, or throws the typed error as an Error. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}
