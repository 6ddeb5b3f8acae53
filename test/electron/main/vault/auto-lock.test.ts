import { describe, expect, it } from 'vitest';
import { AutoLock, type TimersLike } from '../../../../electron/main/vault/auto-lock';

/** A fake clock and timer queue: time moves only when the test says. */
function fakeTime() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: TimersLike = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { timers, now: () => now, advance, pending: () => pending.size, jump: (ms: number) => (now += ms) };
}

const MIN = 60_000;

describe('AutoLock', () => {
  it('locks after the configured idle minutes (default 5), once', () => {
    const time = fakeTime();
    let locks = 0;
    const auto = new AutoLock({ onLock: () => locks++, now: time.now, timers: time.timers });
    expect(auto.minutes).toBe(5);
    auto.start();
    time.advance(5 * MIN - 1);
    expect(locks).toBe(0);
    time.advance(1);
    expect(locks).toBe(1);
    expect(auto.isRunning).toBe(false);
    time.advance(60 * MIN);
    expect(locks).toBe(1);
  });

  it('touch() pushes the lock back a full period, with one timer pending at most', () => {
    const time = fakeTime();
    let locks = 0;
    const auto = new AutoLock({ minutes: 2, onLock: () => locks++, now: time.now, timers: time.timers });
    auto.start();
    for (let i = 0; i < 100; i++) {
      time.advance(MIN);
      auto.touch();
    }
    expect(time.pending()).toBe(1);
    expect(locks).toBe(0);
    expect(auto.remainingMs()).toBe(2 * MIN);
    time.advance(2 * MIN);
    expect(locks).toBe(1);
  });

  it('locks at once when a timer fires late after sleep', () => {
    const time = fakeTime();
    let locks = 0;
    const auto = new AutoLock({ minutes: 5, onLock: () => locks++, now: time.now, timers: time.timers });
    auto.start();
    time.jump(30 * MIN); // the clock moved on while timers were frozen
    time.advance(0);
    auto.setMinutes(5); // any check notices
    expect(locks).toBe(1);
  });

  it('setMinutes shortens or lengthens from the last activity; stop() never locks', () => {
    const time = fakeTime();
    let locks = 0;
    const auto = new AutoLock({ minutes: 10, onLock: () => locks++, now: time.now, timers: time.timers });
    auto.start();
    time.advance(3 * MIN);
    auto.setMinutes(2);
    expect(locks).toBe(1);
    auto.start();
    auto.setMinutes(20);
    time.advance(15 * MIN);
    auto.stop();
    time.advance(60 * MIN);
    expect(locks).toBe(1);
    expect(() => auto.setMinutes(0)).toThrow(RangeError);
  });
});
