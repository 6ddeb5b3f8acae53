// The session's guard on commands that wait, and the lock that wins over an opening, apart from the
// cryptography: a gateway whose every answer the test releases.
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../../shared/domain/session';
import { EventHub } from '../../../../electron/main/services/events';
import { SessionService, type UnlockedVault, type VaultGateway } from '../../../../electron/main/services/session-service';

const STRONG = 'correct horse battery staple';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A gateway whose opening waits for `hold` (a slow key derivation); each vault records whether its keys were dropped. */
function heldGateway() {
  const member: UserSummary = { id: 'u1', name: 'Cllr Jane Smith', role: 'member' };
  const opened: Array<{ locked: boolean }> = [];
  let hold: Promise<void> = Promise.resolve();
  let exists = true;
  const vault = (): UnlockedVault & { locked: boolean } => {
    const v = {
      locked: false,
      user: member,
      users: () => [member],
      addPa: async () => {
        await hold;
        if (v.locked) throw Object.assign(new Error('The vault is locked.'), { name: 'VaultError', code: 'locked' });
        return { id: 'u2', name: 'Pat Jones', role: 'pa' as const };
      },
      changePassphrase: async () => undefined,
      lock: () => void (v.locked = true),
    };
    opened.push(v);
    return v;
  };
  const gateway: VaultGateway = {
    exists: () => exists,
    users: async () => [member],
    create: async () => {
      exists = true;
      await hold;
      return vault();
    },
    unlock: async () => {
      await hold;
      return vault();
    },
    quickUnlock: async () => {
      await hold;
      return vault();
    },
  };
  return {
    gateway,
    opened,
    hold: (p: Promise<void>) => void (hold = p),
    noVault: () => void (exists = false),
  };
}

describe('the session guard', () => {
  it('a guard stays current only while the session that began it is unlocked: not after a lock, nor after the same user unlocks again', async () => {
    const g = heldGateway();
    const session = new SessionService(g.gateway, new EventHub(), () => 5);
    await session.unlock('u1', STRONG);
    const guard = session.begin('The app was locked before the test ran. Nothing was saved; run it again after unlocking.');
    expect(guard.current).toBe(true);
    expect(guard.signal.aborted).toBe(false);
    expect(() => guard.check()).not.toThrow();
    await session.lock('idle');
    await session.unlock('u1', STRONG);
    expect(guard.current).toBe(false);
    expect(guard.signal.aborted).toBe(true);
    expect(() => guard.check()).toThrow('The app was locked before the test ran. Nothing was saved; run it again after unlocking.');
    expect(guard.explain(new Error('worker stopped'))).toMatchObject({ code: 'locked' });
  });

  it('adding a PA whose key derivation runs across a lock says so in plain words', async () => {
    const g = heldGateway();
    const session = new SessionService(g.gateway, new EventHub(), () => 5);
    await session.unlock('u1', STRONG);
    const slow = deferred();
    g.hold(slow.promise);
    const adding = session.addPa('Pat Jones', 'violet kettle harbour ninety');
    await session.lock('manual');
    slow.resolve();
    await expect(adding).rejects.toMatchObject({
      code: 'locked',
      message: 'The app was locked before the PA was added. Nothing was saved; add them again after unlocking.',
    });
  });

  it('a quick unlock overtaken by an idle lock drops its keys and leaves the app locked', async () => {
    const g = heldGateway();
    const session = new SessionService(g.gateway, new EventHub(), () => 5);
    const slow = deferred();
    g.hold(slow.promise);
    const opening = session.quickUnlock();
    await session.lock('idle');
    slow.resolve();
    expect(await opening).toMatchObject({ state: 'locked', reason: 'Locked after 5 minutes without use.' });
    expect(g.opened[0]!.locked).toBe(true);
    expect(() => session.requireVault()).toThrow(/locked/);
  });

  it('no unlock or set-up while a restore swaps the files; the app is locked first and opens as usual after', async () => {
    const g = heldGateway();
    const session = new SessionService(g.gateway, new EventHub(), () => 5);
    await session.unlock('u1', STRONG);
    const swapped = deferred();
    const restoring = session.whileClosed('A backup is being restored. Wait for that to finish.', () => swapped.promise);
    await Promise.resolve();
    expect(g.opened[0]!.locked).toBe(true);
    await expect(session.unlock('u1', STRONG)).rejects.toMatchObject({
      code: 'conflict',
      message: 'A backup is being restored. Wait for that to finish.',
    });
    g.noVault();
    await expect(session.setUp('Cllr Jane Smith', STRONG)).rejects.toMatchObject({ code: 'conflict' });
    swapped.resolve();
    await restoring;
    expect(await session.quickUnlock()).toMatchObject({ state: 'unlocked' });
  });
});
