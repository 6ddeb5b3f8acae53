import type { Handlers } from '../router';
import type { BackupService } from '../../services/backup-service';

export const vaultHandlers = (backups: BackupService): Pick<Handlers, `vault:${string}` & keyof Handlers> => ({
  'vault:backup': () => backups.backup(),
  'vault:restore': (input) => backups.restore(input),
});
