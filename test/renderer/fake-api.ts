import { buildApi, type Transport } from '../../shared/ipc/api';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';

type Reply = (input: unknown) => Result<unknown> | Promise<Result<unknown>>;

/** A window.api for component tests, built from the real contract, answering from a table. */
export function installFakeApi(replies: Partial<Record<InvokeChannel, Reply>>) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: Array<{ channel: InvokeChannel; input: unknown }> = [];
  const transport: Transport = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const reply = replies[channel];
      if (!reply) return { ok: false, error: { code: 'internal', message: `No fake reply for ${channel}` } };
      return reply(input);
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  window.api = buildApi(transport);
  return {
    calls,
    emit(channel: EventChannel, payload: unknown) {
      for (const l of listeners.get(channel) ?? []) l(payload);
    },
  };
}
