import { describe, expect, it } from 'vitest';
import { EventHub, type AppEvent } from '../../../../electron/main/services/events';
import { RECORD_TYPES } from '../../../../shared/domain/record-types';

describe('internal events are one typed union', () => {
  it('records:changed names a kind from the one list of record kinds; anything else is refused before any listener hears it', () => {
    const hub = new EventHub();
    const heard: AppEvent[] = [];
    hub.subscribe((...event) => heard.push(event));
    for (const kind of RECORD_TYPES) hub.emit('records:changed', { kind, id: `${kind}-1` });
    // A kind outside the list can only come from a cast; the contract refuses it at the hub.
    expect(() => hub.emit('records:changed', { kind: 'requests' as never, id: 'x' })).toThrow();
    expect(heard.map(([, payload]) => payload)).toEqual(RECORD_TYPES.map((kind) => ({ kind, id: `${kind}-1` })));
  });

  it('a listener narrows the payload by the channel, with no cast', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    hub.subscribe((channel, payload) => {
      if (channel === 'records:changed') seen.push(`${payload.kind}:${payload.id}`);
      if (channel === 'session:changed') seen.push(payload.state);
    });
    hub.emit('session:changed', { state: 'no-vault' });
    hub.emit('records:changed', { kind: 'officer', id: 'o1' });
    expect(seen).toEqual(['no-vault', 'officer:o1']);
  });
});
