import { contract, isChannel, type InvokeChannel, type OutputOf, type ParsedInputOf } from '../../../shared/ipc/contract';
import { AppError, describeZodError, errorCodes, fail, ok, type ErrorCode, type Result } from '../../../shared/ipc/errors';

/** One handler per invoke channel. Handlers adapt and delegate to services; they hold no rules. */
export type Handlers = {
  [C in InvokeChannel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<Result<unknown>>;

export interface Logger {
  error(message: string, error?: unknown): void;
}

/**
 * The checks every call goes through, whatever carried it (Electron IPC or the browser harness):
 * known channel, input parsed by the entry's schema before any handler code, output checked,
 * and every failure turned into a `{code, message}` result. No exception or stack trace leaves.
 */
export function createDispatcher(handlers: Handlers, logger: Logger = console): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel) || contract[channel].kind !== 'invoke') {
      return fail('unknown-channel', `There is no such request: ${String(channel).slice(0, 80)}`);
    }
    const entry = contract[channel];
    const parsed = entry.input.safeParse(rawInput);
    if (!parsed.success) return fail('invalid-input', describeZodError(parsed.error));
    try {
      const handler = (handlers as unknown as Record<string, (input: unknown) => unknown>)[channel]!;
      const value = await handler(parsed.data);
      const checked = entry.output.safeParse(value);
      if (!checked.success) {
        logger.error(`Handler for ${channel} returned data that does not match the contract`, checked.error);
        return fail('internal', 'The app produced an unexpected answer. Nothing was changed by the display of it.');
      }
      return ok(checked.data);
    } catch (error) {
      return toErrorResult(channel, error, logger);
    }
  };
}

const passThroughCodes = new Set<string>(errorCodes);
// Codes raised by the vault and the rules engine that the renderer sees under a contract code.
const codeAliases: Record<string, ErrorCode> = {
  'newer-format': 'cannot-open',
  'not-permitted': 'forbidden',
  exists: 'conflict',
  'quick-unlock-unavailable': 'unavailable',
};

function toErrorResult(channel: string, error: unknown, logger: Logger): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message);
  // Errors from the vault and the domain carry a string `code` and a plain message meant for users.
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const known = error.name === 'VaultError' || error.name === 'DomainError';
    if (known) {
      const code = passThroughCodes.has(error.code)
        ? (error.code as ErrorCode)
        : (codeAliases[error.code] ?? (error.name === 'DomainError' ? 'refused' : 'internal'));
      return fail(code, error.message);
    }
  }
  logger.error(`Unexpected error in ${channel}`, error);
  return fail('internal', 'Something went wrong in the app. Nothing was saved by this action.');
}
