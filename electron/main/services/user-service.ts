import type { UserSummary } from '../../../shared/domain/session';
import type { SessionService } from './session-service';
import type { FileVaultGateway, OpenVault } from './vault-gateway';

/** Who has a key to the vault, their passphrases, and quick unlock on this computer. */
export class UserService {
  constructor(
    private readonly session: SessionService<OpenVault>,
    private readonly gateway: FileVaultGateway,
  ) {}

  list(): UserSummary[] {
    return this.session.users();
  }

  /** Member only (checked by the session). */
  addPa(name: string, passphrase: string): Promise<UserSummary> {
    return this.session.addPa(name, passphrase);
  }

  /** Member only (checked by the session): removes the PA's slot and rotates the shared key. */
  removePa(userId: string) {
    return this.session.removePa(userId);
  }

  async changePassphrase(current: string, next: string): Promise<null> {
    await this.session.changePassphrase(current, next);
    return null;
  }

  quickUnlockStatus(): { available: boolean; enabled: boolean; reason?: string } {
    const vault = this.session.requireVault();
    const { available, reason } = this.gateway.quickUnlockAvailability();
    return { available, enabled: available && this.gateway.quickUnlockUser() === vault.user.id, ...(reason ? { reason } : {}) };
  }

  setQuickUnlock(enabled: boolean) {
    this.gateway.setQuickUnlock(this.session.requireVault(), enabled);
    return this.quickUnlockStatus();
  }
}
