// Idle auto-lock (default 5 minutes). Activity only records a time: one pending timer
// at most, re-armed for the remaining time when it fires early, so touch() on every keystroke or
// IPC call costs nothing. Comparing clock readings also catches a timer delayed by sleep.
// OS lock-screen and suspend are Electron's powerMonitor calling the vault's lock() directly.

export interface TimersLike {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutoLockOptions {
  /** Minutes without activity before locking; default 5. */
  minutes?: number;
  onLock: () => void;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
  timers?: TimersLike;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

const realTimers: TimersLike = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // Never keep a process alive just to lock it.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function checkMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`Auto-lock minutes must be a positive number, not ${minutes}.`);
  return minutes;
}

export class AutoLock {
  private minutesValue: number;
  private readonly onLock: () => void;
  private readonly now: () => number;
  private readonly timers: TimersLike;
  private lastActivity = 0;
  private handle: unknown = null;
  private running = false;

  constructor(options: AutoLockOptions) {
    this.minutesValue = checkMinutes(options.minutes ?? DEFAULT_AUTO_LOCK_MINUTES);
    this.onLock = options.onLock;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
  }

  get minutes(): number {
    return this.minutesValue;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private get timeoutMs(): number {
    return this.minutesValue * 60_000;
  }

  /** Starts counting from now (call on unlock). */
  start(): void {
    this.running = true;
    this.lastActivity = this.now();
    this.arm(this.timeoutMs);
  }

  /** Activity: pushes the lock back to a full period from now. */
  touch(): void {
    if (!this.running) return;
    this.lastActivity = this.now();
  }

  /** Changes the period; takes effect from the last activity. */
  setMinutes(minutes: number): void {
    this.minutesValue = checkMinutes(minutes);
    if (this.running) this.check();
  }

  /** Stops without locking (call on lock, however it happened). */
  stop(): void {
    this.running = false;
    this.disarm();
  }

  /** Milliseconds until the lock would fire, or null when stopped. */
  remainingMs(): number | null {
    return this.running ? Math.max(0, this.lastActivity + this.timeoutMs - this.now()) : null;
  }

  private arm(ms: number): void {
    this.disarm();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.check();
    }, ms);
  }

  private disarm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  private check(): void {
    if (!this.running) return;
    const remaining = this.remainingMs() ?? 0;
    if (remaining > 0) return this.arm(remaining);
    this.stop();
    this.onLock();
  }
}
