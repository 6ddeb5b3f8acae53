import { contract, type EventChannel, type PayloadOf } from '../../../shared/ipc/contract';

/**
 * Every internal event, written once: a channel of the contract's event entries and the payload the
 * contract gives that channel. Listeners take it as (channel, payload), so checking the channel
 * narrows the payload: no listener reads a payload as unknown and casts it.
 */
export type AppEvent = { [C in EventChannel]: [channel: C, payload: PayloadOf<C>] }[EventChannel];

export type EventListener = (...event: AppEvent) => void;

/** Change events from services to every window (Electron) or page (browser harness). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<C extends EventChannel>(channel: C, payload: PayloadOf<C>): void {
    // Checked against the contract so a service cannot push a shape the renderer does not expect.
    const event = [channel, contract[channel].payload.parse(payload)] as AppEvent;
    for (const listener of this.listeners) listener(...event);
  }
}
