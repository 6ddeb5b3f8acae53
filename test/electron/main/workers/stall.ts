// Measures how long main's event loop is held up: a timer due every `intervalMs` records the
// longest gap beyond its interval. A stall of main's thread shows as one long gap.
import os from 'node:os';

export interface StallProbe {
  /** Stops the probe; the longest stall seen, in ms. */
  stop(): number;
}

export function stallProbe(intervalMs = 5): StallProbe {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - intervalMs);
    last = now;
  };
  const timer = setInterval(tick, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return longest;
    },
  };
}

/**
 * The most main may stall: 50 ms, scaled up only by how overloaded the machine is (the 1-minute
 * load average per core, when above 1), since a starved process stalls whatever it runs.
 */
export function stallLimitMs(): number {
  const perCore = os.loadavg()[0]! / os.availableParallelism();
  return 50 * Math.max(1, perCore);
}
