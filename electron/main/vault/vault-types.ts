// The vault's public types, and the two rules every path that names a user applies.
import { VaultError } from './errors';
import type { Tier } from './frames';
import type { VaultFs } from './fsio';
import type { Role, UserSlot } from './header';
import type { CheckpointStore } from './checkpoint';
import type { CompactionPolicy } from './store';
import type { KdfCost } from './keys';
import { assessPassphrase } from '../../../shared/domain/passphrase-strength';

export interface VaultUser {
  id: string;
  name: string;
  role: Role;
}

export interface VaultRecord<T = unknown> {
  id: string;
  tier: Tier;
  type: string;
  seq: number;
  data: T;
}

export interface VaultOptions {
  fs?: VaultFs;
  now?: () => Date;
  compaction?: CompactionPolicy;
  /** Where the Member's rollback checkpoint is kept, outside the data folder. Without one, rollback goes undetected. */
  checkpoints?: CheckpointStore;
}

/** Something the user must be told at unlock, in plain words (the session state carries these to the screens). */
export interface VaultWarning {
  kind: 'rollback' | 'set-aside' | 'unfinished-save' | 'checkpoint-altered' | 'no-checkpoint' | 'upgraded';
  message: string;
}

/** What list() can narrow by; a plain string is a type. */
export type RecordFilter = string | { type?: string; tier?: Tier };

export interface CreateOptions extends VaultOptions {
  member: { name: string; passphrase: string };
  kdf?: KdfCost;
}

export const toUser = (slot: UserSlot): VaultUser => ({ id: slot.id, name: slot.name, role: slot.role });

/** The vault refuses a weak passphrase itself, whatever the screens did (one rule: shared/domain/passphrase-strength.ts). */
export function requireStrongPassphrase(passphrase: string, personalWords: string[]): void {
  const strength = assessPassphrase(passphrase, personalWords);
  if (!strength.acceptable) throw new VaultError('weak-passphrase', `That passphrase is too weak. ${strength.reasons.join(' ')}`.trim());
}
