import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApi, methodPath, type Transport } from '../../../shared/ipc/api';
import { contract, eventChannels, invokeChannels, type Channel } from '../../../shared/ipc/contract';

const channels = Object.keys(contract) as Channel[];

describe('the IPC contract', () => {
  it('names every channel domain:verb', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
  });

  it('gives every entry zod schemas', () => {
    for (const channel of channels) {
      const entry = contract[channel];
      if (entry.kind === 'invoke') {
        expect(entry.input).toBeInstanceOf(z.ZodType);
        expect(entry.output).toBeInstanceOf(z.ZodType);
      } else {
        expect(entry.payload).toBeInstanceOf(z.ZodType);
      }
    }
    expect(invokeChannels.length + eventChannels.length).toBe(channels.length);
  });

  it('gives every entry a distinct method name on window.api', () => {
    const paths = channels.map((c) => {
      const { domain, method } = methodPath(c);
      return `${domain}.${method}`;
    });
    expect(new Set(paths).size).toBe(channels.length);
  });
});

describe('buildApi', () => {
  const calls: Array<[string, unknown]> = [];
  const transport: Transport = {
    invoke: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    },
    subscribe: () => () => {},
  };

  it('exposes exactly one method per contract entry and nothing else', () => {
    const api = buildApi(transport) as unknown as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((m) => `${domain}.${m}`));
    const expected = channels.map((c) => `${methodPath(c).domain}.${methodPath(c).method}`);
    expect(exposed.sort()).toEqual(expected.sort());
    for (const group of Object.values(api)) for (const fn of Object.values(group)) expect(typeof fn).toBe('function');
  });

  it('sends an invoke method to its own channel with the input unchanged', async () => {
    const api = buildApi(transport);
    await api.settings.setAutoLockMinutes({ minutes: 7 });
    expect(calls.at(-1)).toEqual(['settings:setAutoLockMinutes', { minutes: 7 }]);
  });

  it('names event subscriptions on<Verb>', () => {
    expect(methodPath('settings:changed')).toEqual({ domain: 'settings', method: 'onChanged' });
  });
});
