import { describe, expect, it, vi } from 'vitest';
import type { UserSummary } from '../../../../shared/domain/session';
import { EventHub } from '../../../../electron/main/services/events';
import { SessionService, type UnlockedVault, type VaultGateway } from '../../../../electron/main/services/session-service';

const STRONG = 'correct horse battery staple';

/** A gateway over a map, so the session rules can be tested apart from the cryptography. */
function fakeGateway() {
  const users: Array<UserSummary & { passphrase: string }> = [];
  const locks: string[] = [];
  let exists = false;
  const unlocked = (user: UserSummary & { passphrase: string }): UnlockedVault => ({
    user: { id: user.id, name: user.name, role: user.role },
    users: () => users.map(({ id, name, role }) => ({ id, name, role })),
    addPa: async (name, passphrase) => {
      const pa = { id: `u${users.length + 1}`, name, role: 'pa' as const, passphrase };
      users.push(pa);
      return { id: pa.id, name, role: 'pa' };
    },
    changePassphrase: async (current, next) => {
      if (current !== user.passphrase) throw Object.assign(new Error('Wrong passphrase'), { name: 'VaultError', code: 'wrong-passphrase' });
      user.passphrase = next;
    },
    lock: () => locks.push(user.id),
  });
  const gateway: VaultGateway = {
    exists: () => exists,
    users: async () => users.map(({ id, name, role }) => ({ id, name, role })),
    create: async (name, passphrase) => {
      exists = true;
      const member = { id: 'u1', name, role: 'member' as const, passphrase };
      users.push(member);
      return unlocked(member);
    },
    unlock: async (userId, passphrase) => {
      const user = users.find((u) => u.id === userId);
      if (!user || user.passphrase !== passphrase) {
        throw Object.assign(new Error('That passphrase is not right for this user.'), { name: 'VaultError', code: 'wrong-passphrase' });
      }
      return unlocked(user);
    },
  };
  return { gateway, locks };
}

function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    fireAll: () => {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}

function makeSession(minutes = 5) {
  const { gateway, locks } = fakeGateway();
  const events = new EventHub();
  const pushed: unknown[] = [];
  events.subscribe((channel, payload) => pushed.push([channel, payload]));
  const timers = manualTimers();
  const clock = { now: 1_000_000 };
  const session = new SessionService(
    gateway,
    events,
    () => minutes,
    timers,
    () => clock.now,
  );
  return { session, gateway, locks, pushed, timers, clock };
}

describe('SessionService', () => {
  it('starts with no vault, and set-up unlocks as the Member', async () => {
    const { session } = makeSession();
    expect(await session.state()).toEqual({ state: 'no-vault' });
    const state = await session.setUp('Cllr Jane Smith', STRONG);
    expect(state).toEqual({ state: 'unlocked', user: { id: 'u1', name: 'Cllr Jane Smith', role: 'member' } });
  });

  it('refuses a weak passphrase at set-up with the reason, and creates nothing', async () => {
    const { session, gateway } = makeSession();
    await expect(session.setUp('Jane', 'password123')).rejects.toMatchObject({ code: 'weak-passphrase' });
    expect(gateway.exists()).toBe(false);
  });

  it('refuses a second set-up over an existing vault', async () => {
    const { session } = makeSession();
    await session.setUp('Jane', STRONG);
    await expect(session.setUp('Someone else', STRONG)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('locks: drops the vault, answers "locked" to key-needing calls, and tells every window', async () => {
    const { session, locks, pushed } = makeSession();
    await session.setUp('Jane', STRONG);
    const state = await session.lock('manual');
    expect(state).toMatchObject({ state: 'locked', users: [{ id: 'u1' }] });
    expect(locks).toEqual(['u1']);
    expect(() => session.requireVault()).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(() => session.users()).toThrow(/locked/);
    await vi.waitFor(() => expect(pushed.at(-1)).toEqual(['session:changed', expect.objectContaining({ state: 'locked' })]));
  });

  it('locks itself after the auto-lock minutes, and activity restarts the countdown', async () => {
    const { session, timers, clock } = makeSession(7);
    await session.setUp('Jane', STRONG);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([7 * 60_000]);
    clock.now += 5 * 60_000;
    session.touch(); // activity at minute 5: the lock moves to minute 12
    clock.now += 2 * 60_000;
    timers.fireAll(); // the first timer fires at minute 7 and finds 5 minutes still to go
    expect(await session.state()).toMatchObject({ state: 'unlocked' });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5 * 60_000]);
    clock.now += 5 * 60_000;
    timers.fireAll();
    expect(await session.state()).toMatchObject({ state: 'locked', reason: 'Locked after 7 minutes without use.' });
  });

  it('gives a wrong passphrase a clear error and stays locked', async () => {
    const { session } = makeSession();
    await session.setUp('Jane', STRONG);
    await session.lock('manual');
    await expect(session.unlock('u1', 'not the passphrase at all')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await session.state()).toMatchObject({ state: 'locked' });
  });

  it('lets only the Member add a PA, with a strong passphrase of their own', async () => {
    const { session } = makeSession();
    await session.setUp('Jane', STRONG);
    await expect(session.addPa('Pat', 'short')).rejects.toMatchObject({ code: 'weak-passphrase' });
    const pa = await session.addPa('Pat Jones', 'violet kettle harbour ninety');
    expect(pa.role).toBe('pa');
    await session.unlock(pa.id, 'violet kettle harbour ninety');
    await expect(session.addPa('Another', 'violet kettle harbour ninety')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('explains why it locked when the OS locked or slept', async () => {
    const { session } = makeSession();
    await session.setUp('Jane', STRONG);
    expect(await session.lock('os-lock')).toMatchObject({ reason: 'Locked because this computer was locked.' });
  });
});
