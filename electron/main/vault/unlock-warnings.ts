// What unlock tells the user, in plain words: saves missing against the Member's checkpoint
// (rollback), frames set aside on authorship grounds, an unfinished save, an upgrade.
import { ukDate } from './checkpoint';
import type { SetAsideFrame } from './store';
import type { VaultWarning } from './vault-types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Compares the vault as found with the Member's checkpoint: anything behind it is named, in words. */
export function rollbackWarnings(
  cp: { generation: number; lastSeq: number; head: string; at: string; format: number; epoch?: number },
  found: { generation: number; lastSeq: number; watchedHead: string | null; epoch?: number },
  format: number,
): VaultWarning[] {
  const when = ukDate(cp.at);
  const rollback = (message: string): VaultWarning[] => [{ kind: 'rollback', message }];
  if (cp.epoch !== undefined && (found.epoch ?? 0) < cp.epoch)
    return rollback(
      `The list of people who can open this vault is an older copy than the one saved on this computer on ${when}: someone the Member removed may be able to open it again. Remove them again in Settings, then make a backup.`,
    );
  if (format < cp.format)
    return rollback(
      `This vault is an older copy in an earlier format than the one last saved on this computer on ${when}: saves made since may be missing.`,
    );
  if (found.lastSeq < cp.lastSeq) {
    const missing = cp.lastSeq - found.lastSeq;
    return rollback(
      `${missing === 1 ? 'A change' : `${missing} changes`} you or your PA saved up to ${when} ${missing === 1 ? 'is' : 'are'} not in this vault: it may have been replaced by an older copy, or cut short. Check the work you did most recently (requests, notes, material).`,
    );
  }
  if (found.generation < cp.generation)
    return rollback(`This vault is an older copy than the one last saved on this computer on ${when}: saves made since may be missing.`);
  if (found.watchedHead !== null && found.watchedHead !== cp.head)
    return rollback(`The saves up to ${when} were replaced by different ones after they were made: some may be missing.`);
  return [];
}

export function setAsideWarning(frames: SetAsideFrame[]): VaultWarning {
  const first = frames[0]!;
  return {
    kind: 'set-aside',
    message: `${plural(frames.length, 'change', 'changes')} in the vault ${frames.length === 1 ? 'was' : 'were'} not made by the Member's app and ${frames.length === 1 ? 'was' : 'were'} set aside, not applied (the first: ${first.reason}). They are kept in the vault folder; nothing was deleted.`,
  };
}

export const unfinishedSaveWarning = (setAside: string): VaultWarning => ({
  kind: 'unfinished-save',
  message: `A save that had not finished when the app last stopped was set aside (it was never confirmed, so nothing confirmed is lost). It is kept in the vault folder as ${setAside}.`,
});

export const checkpointAlteredWarning: VaultWarning = {
  kind: 'checkpoint-altered',
  message: "This computer's record of the last save was altered, so the app cannot tell whether saves are missing.",
};

/**
 * The Member's vault has history written by the Member, but this computer has no record of its last
 * save: the record was deleted, or the vault came from elsewhere (a copy, a backup restored by
 * someone else). Either way the app cannot tell whether saves are missing, so it says so.
 */
export const noCheckpointWarning: VaultWarning = {
  kind: 'no-checkpoint',
  message:
    "This computer has no record of this vault's last save, so the app cannot tell whether saves are missing. That is expected the first time the vault is opened on this computer; otherwise the vault may have been replaced by an older copy. Check that your recent work is there before carrying on.",
};

export const upgradedWarning: VaultWarning = {
  kind: 'upgraded',
  message: 'The vault was upgraded to the current format. Nothing was lost.',
};
