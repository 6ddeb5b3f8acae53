import {
  contract,
  type Channel,
  type Contract,
  type EventChannel,
  type InputOf,
  type InvokeChannel,
  type OutputOf,
  type PayloadOf,
} from './contract';
import type { Result } from './errors';

/** How calls travel: ipcRenderer in the preload, HTTP in the dev-only browser harness. */
export interface Transport {
  invoke(channel: InvokeChannel, input: unknown): Promise<unknown>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type MethodName<C extends Channel> = C extends EventChannel ? `on${Capitalize<VerbOf<C>>}` : VerbOf<C>;

type Method<C extends Channel> = C extends InvokeChannel
  ? undefined extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
    : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : C extends EventChannel
    ? (listener: (payload: PayloadOf<C>) => void) => () => void
    : never;

/** `window.api`: one method per contract entry, grouped by domain. Typed from shared, not from the preload. */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as DomainOf<C> extends D ? MethodName<C> : never]: Method<C>;
  };
};

/** The method name a channel gets on `window.api[domain]`. */
export function methodPath(channel: Channel): { domain: string; method: string } {
  const [domain = '', verb = ''] = channel.split(':');
  const method = contract[channel].kind === 'event' ? `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}` : verb;
  return { domain, method };
}

/** Builds `window.api` from the contract: exactly one method per entry, nothing else. */
export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of Object.keys(contract) as Channel[]) {
    const { domain, method } = methodPath(channel);
    const group = (api[domain] ??= {});
    const entry: Contract[Channel] = contract[channel];
    group[method] =
      entry.kind === 'invoke'
        ? (input?: unknown) => transport.invoke(channel as InvokeChannel, input)
        : (listener: (payload: unknown) => void) => {
            if (typeof listener !== 'function') throw new TypeError(`${domain}.${method} needs a listener function`);
            return transport.subscribe(channel as EventChannel, listener);
          };
  }
  return api as unknown as Api;
}
