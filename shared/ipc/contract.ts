import { z } from 'zod';
import { appSettingsSchema, autoLockMinutesSchema } from '../domain/app-settings';

/**
 * The one IPC contract. Every channel is written here once, named `domain:verb`.
 * - `invoke` entries: the renderer calls `api.<domain>.<verb>(input)` and gets a Result.
 * - `event` entries: main pushes a payload; the renderer subscribes with
 *   `api.<domain>.on<Verb>(listener)` (e.g. `settings:changed` -> `api.settings.onChanged`),
 *   which returns a function that unsubscribes.
 * Main parses every input with `input` before handler code runs; outputs are checked on the way out.
 */
interface InvokeEntry<I extends z.ZodType, O extends z.ZodType> {
  readonly kind: 'invoke';
  readonly input: I;
  readonly output: O;
}
interface EventEntry<P extends z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

const invoke = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): InvokeEntry<I, O> => ({
  kind: 'invoke',
  input,
  output,
});
const event = <P extends z.ZodType>(payload: P): EventEntry<P> => ({ kind: 'event', payload });

const noInput = z.undefined();

export const appStatusSchema = z.object({
  appName: z.string(),
  appVersion: z.string(),
  dataFolder: z.string(),
  settingsFile: z.string(),
  platform: z.string(),
  runtime: z.string(),
  settings: appSettingsSchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const contract = {
  /** Name, version, data folder and current settings of the running app (About/Status screen). */
  'app:getStatus': invoke(noInput, appStatusSchema),
  /** Current settings from electron-store. */
  'settings:get': invoke(noInput, appSettingsSchema),
  /** Change the auto-lock minutes; out-of-range values are refused with a message and nothing is saved. */
  'settings:setAutoLockMinutes': invoke(z.object({ minutes: autoLockMinutesSchema }), appSettingsSchema),
  /** Pushed whenever a setting changes, so every window shows the same value. */
  'settings:changed': event(appSettingsSchema),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InvokeChannel = { [K in Channel]: Contract[K] extends { kind: 'invoke' } ? K : never }[Channel];
export type EventChannel = { [K in Channel]: Contract[K] extends { kind: 'event' } ? K : never }[Channel];

export type InputOf<C extends InvokeChannel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends InvokeChannel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends InvokeChannel> = z.output<Contract[C]['output']>;
export type PayloadOf<C extends EventChannel> = z.output<Contract[C]['payload']>;

export const invokeChannels = (Object.keys(contract) as Channel[]).filter(
  (c): c is InvokeChannel => contract[c].kind === 'invoke',
);
export const eventChannels = (Object.keys(contract) as Channel[]).filter(
  (c): c is EventChannel => contract[c].kind === 'event',
);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
