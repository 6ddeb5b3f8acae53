// Runs in the page served by the harness: window.api over HTTP, built from the same contract.
import { buildApi, type Transport } from '../../shared/ipc/api';

const token = document.querySelector<HTMLMetaElement>('meta[name="harness-token"]')?.content ?? '';
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let stream: EventSource | null = null;

function ensureStream(): void {
  if (stream) return;
  stream = new EventSource('/__events');
  stream.onmessage = (message) => {
    const { channel, payload } = JSON.parse(message.data as string) as { channel: string; payload: unknown };
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
}

const transport: Transport = {
  async invoke(channel, input) {
    const response = await fetch(`/__api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Harness-Token': token },
      body: JSON.stringify({ input }),
    });
    if (!response.ok) return { ok: false, error: { code: 'forbidden', message: await response.text() } };
    return response.json();
  },
  subscribe(channel, listener) {
    ensureStream();
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

window.api = buildApi(transport);
