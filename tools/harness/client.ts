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

/** Bytes (dropped emails) as base64, a chunk at a time so large files do not overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const transport: Transport = {
  async invoke(channel, input) {
    const response = await fetch(`/__api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Harness-Token': token },
      body: JSON.stringify({ input }, (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value)),
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
