import { contract, type EventChannel, type PayloadOf } from '../../../shared/ipc/contract';

export type EventListener = (channel: EventChannel, payload: unknown) => void;

/** Change events from services to every window (Electron) or page (browser harness). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<C extends EventChannel>(channel: C, payload: PayloadOf<C>): void {
    // Checked against the contract so a service cannot push a shape the renderer does not expect.
    const checked = contract[channel].payload.parse(payload);
    for (const listener of this.listeners) listener(channel, checked);
  }
}
