import { assessPassphrase } from '../../../shared/domain/passphrase-strength';
import type { SessionState, UserSummary } from '../../../shared/domain/session';
import { AppError, lockedBefore } from '../../../shared/ipc/errors';
import type { EventHub } from './events';
import { AutoLock } from '../vault';

/** What the session needs from the vault; the vault adapter implements it. */
export interface UnlockedVault {
  readonly user: UserSummary;
  users(): UserSummary[];
  addPa(name: string, passphrase: string): Promise<UserSummary>;
  /** Member only: removes a PA's slot and rotates the shared key. */
  removePa?(userId: string): { removed: UserSummary; mustBeAddedAgain: string[] };
  changePassphrase(current: string, next: string): Promise<void>;
  /** What the vault found at unlock that the user must be told (rollback, changes set aside, an unfinished save). */
  warnings?(): string[];
  /** The user has seen them: the vault as it is becomes the new checkpoint. */
  acknowledgeWarnings?(): void;
  /** Drops the keys and the decrypted index from memory. */
  lock(): void;
}

export interface VaultGateway<V extends UnlockedVault = UnlockedVault> {
  exists(): boolean;
  /** Reads the users from the vault header without any key; throws a 'cannot-open' error if unreadable. */
  users(): Promise<UserSummary[]>;
  create(memberName: string, passphrase: string): Promise<V>;
  unlock(userId: string, passphrase: string): Promise<V>;
  /** Unlock through the OS key store on this device, if set up; throws with the reason otherwise. */
  quickUnlock?(): Promise<V>;
  quickUnlockUser?(): string | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type LockReason = 'manual' | 'idle' | 'os-lock' | 'suspend';

const reasonText = (reason: LockReason, minutes: number): string | undefined =>
  ({
    manual: undefined,
    idle: `Locked after ${minutes} minute${minutes === 1 ? '' : 's'} without use.`,
    'os-lock': 'Locked because this computer was locked.',
    suspend: 'Locked because this computer went to sleep.',
  })[reason];

/**
 * A command's hold on the session that started it. A command that awaits (a dialog, a worker, a
 * file) begins with one and checks it after every await, before it saves anything: once the app
 * has locked, or another user has unlocked, it stops and saves nothing, so nothing it started lands
 * in the next session. Saves made straight after a passing check go to the session that began it.
 */
export interface SessionGuard {
  /** Who began the command. */
  readonly user: UserSummary;
  /** Aborted when the session ends: work that can be stopped (a worker) is stopped. */
  readonly signal: AbortSignal;
  /** True while the session that began the command is still the one unlocked. */
  readonly current: boolean;
  /** Throws the command's plain-words 'locked' error unless its session is still the one unlocked. */
  check(): void;
  /** What to throw for `error` raised by the command: the 'locked' error once the session has ended. */
  explain(error: unknown): unknown;
}

/**
 * Who is signed in, and the only holder of the unlocked vault. Every service that needs a key
 * asks `requireVault()`, which answers a typed "locked" error while the vault is locked.
 */
export class SessionService<V extends UnlockedVault = UnlockedVault> {
  private vault: V | null = null;
  private autoLock: AutoLock | null = null;
  private lastLockReason: string | undefined;
  private readonly lockListeners = new Set<() => void>();
  /**
   * Why the vault cannot be opened now (a set-up, an unlock or a restore in flight), or null: a second
   * one is refused, so there are never two sessions, two header writes, or files swapped under an open vault.
   */
  private busy: string | null = null;
  /** Raised by every lock and every sign-in: a command or an unlock belongs to the session it began in. */
  private epoch = 0;
  /** Aborted when the current session ends (see SessionGuard.signal). */
  private ending = new AbortController();

  constructor(
    private readonly gateway: VaultGateway<V>,
    private readonly events: EventHub,
    private readonly autoLockMinutes: () => number,
    private readonly timers?: Timers,
    private readonly now: () => number = Date.now,
  ) {}

  async state(): Promise<SessionState> {
    if (this.vault) {
      const warnings = this.vault.warnings?.() ?? [];
      return { state: 'unlocked', user: this.vault.user, ...(warnings.length ? { warnings } : {}) };
    }
    if (!this.gateway.exists()) return { state: 'no-vault' };
    try {
      const users = await this.gateway.users();
      const quickUnlockUserId = this.gateway.quickUnlockUser?.() ?? undefined;
      return {
        state: 'locked',
        users,
        ...(this.lastLockReason ? { reason: this.lastLockReason } : {}),
        ...(quickUnlockUserId ? { quickUnlockUserId } : {}),
      };
    } catch (error) {
      return { state: 'cannot-open', message: error instanceof Error ? error.message : 'cannot open: unknown reason' };
    }
  }

  async setUp(memberName: string, passphrase: string): Promise<SessionState> {
    return this.serialised(() => {
      if (this.gateway.exists()) throw new AppError('conflict', 'A vault already exists here. Unlock it instead.');
      this.requireStrong(passphrase, memberName);
      return this.gateway.create(memberName.trim(), passphrase);
    });
  }

  async unlock(userId: string, passphrase: string): Promise<SessionState> {
    return this.serialised(() => {
      if (this.vault) this.lock('manual');
      return this.gateway.unlock(userId, passphrase);
    });
  }

  async quickUnlock(): Promise<SessionState> {
    if (!this.gateway.quickUnlock) throw new AppError('unavailable', 'Quick unlock is not available here. Unlock with your passphrase.');
    const quick = this.gateway.quickUnlock.bind(this.gateway);
    return this.serialised(() => {
      if (this.vault) this.lock('manual');
      return quick();
    });
  }

  /** The user has read the unlock warnings (rollback, changes set aside); they are not shown again. */
  async acknowledgeWarnings(): Promise<SessionState> {
    this.requireVault().acknowledgeWarnings?.();
    const state = await this.state();
    this.events.emit('session:changed', state);
    return state;
  }

  /**
   * Opens the vault (set-up or unlock). `open` locks any open session first, synchronously; a lock
   * that comes while the keys are being derived wins: the keys opened are wiped and the app stays locked.
   */
  private async serialised(open: () => Promise<V>): Promise<SessionState> {
    if (this.busy) throw new AppError('conflict', this.busy);
    this.busy = 'The vault is already being opened. Wait for that to finish.';
    try {
      const opening = open();
      const epoch = this.epoch;
      const vault = await opening;
      if (epoch !== this.epoch) {
        vault.lock();
        return await this.state();
      }
      return await this.signIn(vault);
    } finally {
      this.busy = null;
    }
  }

  /** Locks, then runs `work` (a restore swapping the vault's files) with no set-up or unlock allowed until it ends. */
  async whileClosed<T>(why: string, work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new AppError('conflict', this.busy);
    this.busy = why;
    try {
      await this.lock('manual');
      return await work();
    } finally {
      this.busy = null;
    }
  }

  /** A command's hold on this session (see SessionGuard); `interrupted` is what it says if the app locks under it. */
  begin(interrupted: string): SessionGuard {
    const vault = this.requireVault();
    const epoch = this.epoch;
    const signal = this.ending.signal;
    const isCurrent = () => this.epoch === epoch && this.vault === vault;
    const stopped = () => new AppError('locked', interrupted);
    return {
      user: vault.user,
      signal,
      get current() {
        return isCurrent();
      },
      check: () => {
        if (!isCurrent()) throw stopped();
      },
      explain: (error) => (isCurrent() ? error : stopped()),
    };
  }

  /**
   * Runs a command that awaits under a guard (see begin): it checks the guard before it saves, so a
   * command that finished saved in its own session; any failure once the app has locked reads as `interrupted`.
   */
  async during<T>(interrupted: string, command: (guard: SessionGuard) => Promise<T>): Promise<T> {
    const guard = this.begin(interrupted);
    try {
      return await command(guard);
    } catch (error) {
      throw guard.explain(error);
    }
  }

  lock(reason: LockReason): SessionState | Promise<SessionState> {
    // Every lock ends the session's commands, and an unlock still deriving its keys (see serialised).
    this.epoch++;
    this.ending.abort();
    this.ending = new AbortController();
    if (this.busy && !this.vault) this.lastLockReason = reasonText(reason, this.autoLockMinutes()) ?? this.lastLockReason;
    if (this.vault) {
      this.vault.lock();
      this.vault = null;
      this.lastLockReason = reasonText(reason, this.autoLockMinutes());
      this.autoLock?.stop();
      this.autoLock = null;
      for (const listener of this.lockListeners) listener();
      void this.state().then((state) => this.events.emit('session:changed', state));
    }
    return this.state();
  }

  /** Activity from the user restarts the auto-lock countdown. */
  touch(): void {
    this.autoLock?.touch();
  }

  /** The page reports activity (`session:touch`); the contract answers null. */
  touchFromPage(): null {
    this.touch();
    return null;
  }

  /** A new auto-lock value applies to the running countdown at once. */
  autoLockMinutesChanged(): void {
    this.autoLock?.setMinutes(this.autoLockMinutes());
  }

  /** Services drop anything they derived from decrypted records when the vault locks. */
  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  requireVault(): V {
    if (!this.vault) throw new AppError('locked', 'Need to Know is locked. Unlock it to carry on.');
    return this.vault;
  }

  requireMember(): V {
    const vault = this.requireVault();
    if (vault.user.role !== 'member') throw new AppError('forbidden', 'Only the Member can do this.');
    return vault;
  }

  users(): UserSummary[] {
    return this.requireVault().users();
  }

  async addPa(name: string, passphrase: string): Promise<UserSummary> {
    const vault = this.requireMember();
    this.requireStrong(passphrase, name);
    return this.during(lockedBefore('the PA was added', 'add them again'), () => vault.addPa(name.trim(), passphrase));
  }

  async removePa(userId: string): Promise<{ removed: UserSummary; mustBeAddedAgain: string[] }> {
    const vault = this.requireMember();
    const target = vault.users().find((u) => u.id === userId);
    if (!target) throw new AppError('not-found', 'That person is not in this vault any more.');
    if (target.role !== 'pa') throw new AppError('forbidden', 'The Member cannot be removed.');
    if (!vault.removePa) throw new AppError('unavailable', 'Removing a PA is not available here.');
    return vault.removePa(userId);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const vault = this.requireVault();
    this.requireStrong(next, vault.user.name);
    await this.during(lockedBefore('the passphrase was changed', 'change it again'), () => vault.changePassphrase(current, next));
  }

  private requireStrong(passphrase: string, name: string): void {
    const strength = assessPassphrase(passphrase, [name]);
    if (!strength.acceptable) {
      throw new AppError('weak-passphrase', `That passphrase is too weak. ${strength.reasons.join(' ')}`.trim());
    }
  }

  private async signIn(vault: V): Promise<SessionState> {
    this.epoch++;
    this.vault = vault;
    this.lastLockReason = undefined;
    this.autoLock?.stop();
    this.autoLock = new AutoLock({
      minutes: this.autoLockMinutes(),
      onLock: () => void this.lock('idle'),
      now: this.now,
      ...(this.timers ? { timers: this.timers } : {}),
    });
    this.autoLock.start();
    const state = await this.state();
    this.events.emit('session:changed', state);
    return state;
  }
}
