import { format } from 'date-fns';
import { restoreBackup, writeBackup } from '../vault/backup';
import type { SessionState } from '../../../shared/domain/session';
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
    private readonly dialogs: FileDialogs,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async backup(): Promise<{ file: string | null; bytes: number }> {
    const vault = this.session.requireVault();
    const file = await this.dialogs.chooseBackupTarget(`need-to-know-backup-${format(this.now(), 'yyyy-MM-dd')}.ntkbackup`);
    if (!file) return { file: null, bytes: 0 };
    const result = writeBackup(this.gateway.dir, file, { now: this.now });
    vault.records.appendAudit({ recordId: 'vault', action: 'backup', tier: 'shared', detail: { at: this.now().toISOString(), by: vault.user.name, file } });
    return result;
  }

  async restore(confirmReplace: boolean): Promise<{ state: SessionState; replacedFolder: string | null; file: string | null }> {
    const file = await this.dialogs.chooseBackupSource();
    if (!file) return { state: await this.session.state(), replacedFolder: null, file: null };
    // Restoring swaps the files under an open vault: lock first so no key outlives its files.
    await this.session.lock('manual');
    const { replacedFolder } = restoreBackup(file, this.gateway.dir, { overwrite: confirmReplace, now: this.now });
    return { state: await this.session.state(), replacedFolder, file };
  }
}
