import type { Handlers } from '../router';
import type { SessionService } from '../../services/session-service';
import type { BackupService } from '../../services/backup-service';
import type { FileVaultGateway, OpenVault } from '../../services/vault-gateway';

type SessionChannels =
  | 'session:getState'
  | 'session:setUp'
  | 'session:unlock'
  | 'session:quickUnlock'
  | 'session:lock'
  | 'session:touch'
  | 'session:acknowledgeWarnings'
  | 'users:list'
  | 'users:addPa'
  | 'users:removePa'
  | 'users:changePassphrase'
  | 'users:getQuickUnlock'
  | 'users:setQuickUnlock'
  | 'vault:backup'
  | 'vault:restore';

export function sessionHandlers(session: SessionService<OpenVault>, gateway: FileVaultGateway, backups: BackupService): Pick<Handlers, SessionChannels> {
  const quickUnlockStatus = () => {
    const vault = session.requireVault();
    const { available, reason } = gateway.quickUnlockAvailability();
    return { available, enabled: available && gateway.quickUnlockUser() === vault.user.id, ...(reason ? { reason } : {}) };
  };
  return {
    'session:getState': () => session.state(),
    'session:setUp': ({ memberName, passphrase }) => session.setUp(memberName, passphrase),
    'session:unlock': ({ userId, passphrase }) => session.unlock(userId, passphrase),
    'session:quickUnlock': () => session.quickUnlock(),
    'session:lock': () => session.lock('manual'),
    'session:acknowledgeWarnings': () => session.acknowledgeWarnings(),
    'session:touch': () => {
      session.touch();
      return null;
    },
    'users:list': () => session.users(),
    'users:addPa': ({ name, passphrase }) => session.addPa(name, passphrase),
    'users:removePa': ({ userId }) => session.removePa(userId),
    'users:changePassphrase': async ({ current, next }) => {
      await session.changePassphrase(current, next);
      return null;
    },
    'users:getQuickUnlock': () => quickUnlockStatus(),
    'users:setQuickUnlock': ({ enabled }) => {
      gateway.setQuickUnlock(session.requireVault(), enabled);
      return quickUnlockStatus();
    },
    'vault:backup': () => backups.backup(),
    'vault:restore': ({ confirmReplace }) => backups.restore(confirmReplace),
  };
}
