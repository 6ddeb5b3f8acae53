import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../../shared/ipc/contract';
import { coreBehindIpc } from '../../support/core';

const HANDLERS = path.resolve(__dirname, '../../../../electron/main/ipc/handlers');

describe('handlers only delegate, one file per channel prefix', () => {
  it('every invoke channel has exactly one handler', () => {
    const { core } = coreBehindIpc();
    expect(Object.keys(core.handlers).sort()).toEqual([...invokeChannels].sort());
  });

  it('each handler file serves one prefix, holds no rule and no permission check, and each handler is one line', () => {
    const prefixes = new Map<string, string>();
    for (const file of readdirSync(HANDLERS)) {
      const source = readFileSync(path.join(HANDLERS, file), 'utf8');
      const channels = [...source.matchAll(/^\s*'([A-Za-z]+):[A-Za-z]+':/gm)].map((m) => m[1]!);
      expect(channels.length, file).toBeGreaterThan(0);
      expect(new Set(channels).size, `${file} serves more than one prefix`).toBe(1);
      const prefix = channels[0]!;
      expect(prefixes.has(prefix), `${prefix} is served by ${prefixes.get(prefix)} and ${file}`).toBe(false);
      prefixes.set(prefix, file);
      // No checks here: permissions and rules live in the services.
      expect(source, file).not.toMatch(/require(Member|Vault)|AppError|throw |isVisibleInMode|\bif \(/);
      // One expression each (the formatter may wrap it): no block body, no second statement.
      for (const handler of source.split(/\n(?=\s*'[A-Za-z]+:[A-Za-z]+':)/).slice(1)) {
        const body = handler.split(/\n\s*\}\)?;/)[0]!;
        expect(body, `${file}: ${handler.trim().split('\n')[0]} is not one expression`).not.toMatch(/=>\s*\{\s*\n|;/);
      }
    }
  });

  it('meeting mode and meeting records have names a reader cannot confuse', () => {
    expect(invokeChannels).toEqual(expect.arrayContaining(['meetingMode:set', 'meetingMode:get', 'meetings:list', 'meetings:save']));
    expect(invokeChannels.some((c) => c.startsWith('meeting:'))).toBe(false);
  });
});
