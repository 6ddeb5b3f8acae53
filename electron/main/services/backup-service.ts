import { format } from 'date-fns';
import { restoreVerified, writeBackup } from '../vault';
import type { SessionState } from '../../../shared/domain/session';
import { lockedBefore } from '../../../shared/ipc/errors';
import type { RecordsRepository } from './records-repository';
import type { SessionService } from './session-service';
import type { FileVaultGateway, OpenVault } from './vault-gateway';

/** Where files come from and go to: Electron's dialogs in the app, a fixed folder in the browser harness. */
export interface FileDialogs {
  chooseBackupTarget(suggestedName: string): Promise<string | null>;
  chooseBackupSource(): Promise<string | null>;
}

export class BackupService {
  constructor(
    private readonly gateway: FileVaultGateway,
    private readonly session: SessionService<OpenVault>,
    private readonly records: RecordsRepository,
    private readonly dialogs: FileDialogs,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async backup(): Promise<{ file: string | null; bytes: number }> {
    // The backup and its audit event belong to the session that asked for it, not whoever is unlocked after the dialog.
    const guard = this.records.begin(lockedBefore('the backup was made', 'make it again'));
    const file = await this.dialogs.chooseBackupTarget(`need-to-know-backup-${format(this.now(), 'yyyy-MM-dd')}.ntkbackup`);
    if (!file) return { file: null, bytes: 0 };
    guard.check();
    // Audited first (through the repository, which stamps who and when), so the backup holds its own
    // audit event and is not one save behind the vault it was made from (restore would otherwise
    // call it older); a failed write is audited too.
    this.records.audit('vault', 'backup', 'shared', { file });
    try {
      return writeBackup(this.gateway.dir, file, { now: this.now, fs: this.gateway.fs });
    } catch (error) {
      this.records.audit('vault', 'backup-failed', 'shared', { file });
      throw error;
    }
  }

  /** The file of a restore held for the second confirmation (an older backup): only that file may be confirmed. */
  private pendingOlder: string | null = null;

  /**
   * Restores a backup, locked or not: the passphrase of a user in the backup must open its copy,
   * which is checked complete before anything is swapped (vault/restore.ts). An older backup is
   * held, with what would be lost, until the user confirms that same file.
   */
  async restore(input: {
    passphrase: string;
    confirmReplace: boolean;
    confirmOlder: boolean;
  }): Promise<{ state: SessionState; replacedFolder: string | null; file: string | null; confirmOlder: string | null }> {
    const pending = input.confirmOlder ? this.pendingOlder : null;
    this.pendingOlder = null;
    const file = pending ?? (await this.dialogs.chooseBackupSource());
    if (!file) return { state: await this.session.state(), replacedFolder: null, file: null, confirmOlder: null };
    // Restoring swaps the files under an open vault: locked first so no key outlives its files, and
    // no unlock may open the old files while the backup's copy is checked and swapped in.
    const outcome = await this.session.whileClosed('A backup is being restored. Wait for that to finish.', () =>
      restoreVerified({
        backupFile: file,
        dir: this.gateway.dir,
        passphrase: input.passphrase,
        overwrite: input.confirmReplace,
        confirmOlder: pending !== null,
        options: { checkpoints: this.gateway.checkpoints, now: this.now, fs: this.gateway.fs },
      }),
    );
    if (outcome.status === 'confirm-older') {
      this.pendingOlder = file;
      return { state: await this.session.state(), replacedFolder: null, file, confirmOlder: outcome.message };
    }
    return { state: await this.session.state(), replacedFolder: outcome.replacedFolder, file, confirmOlder: null };
  }
}
