import { randomUUID } from 'node:crypto';
import { BUILT_IN_PROFILES, copyProfile, validateProfile, type CouncilProfile } from '../../../shared/domain/profiles';
import { AppError } from '../../../shared/ipc/errors';
import type { CouncilSettingsService } from './council-settings-service';
import type { SessionService } from './session-service';
import type { OpenVault } from './vault-gateway';

/**
 * Copy-and-edit of council protocol profiles (RULES.md "Council protocol profiles"): the built-in
 * ones never change; the Member copies one and may change any value the rules read. Requests keep
 * the profile recorded on them when sent (R-DUE-3), so editing a copy never moves a due date.
 */
export class CouncilProfileService {
  constructor(
    private readonly session: SessionService<OpenVault>,
    private readonly council: CouncilSettingsService,
  ) {}

  list(): CouncilProfile[] {
    this.session.requireVault();
    return this.council.profiles();
  }

  /** R-DUE-1: the Member copies a built-in profile (or one of their copies) under a new name. */
  copy(sourceId: string, name: string): CouncilProfile {
    this.session.requireMember();
    const source = this.list().find((p) => p.id === sourceId);
    if (!source) throw new AppError('not-found', 'There is no such profile to copy. Choose one from the list.');
    // A random id, so two copies made in the same millisecond never overwrite each other.
    return this.council.saveCustomProfile(copyProfile(source, `custom-${randomUUID()}`, name));
  }

  /** R-DUE-1, R-ASK-4, R-DIS-2: save every value of a copy; the shared schema refuses a bad one before anything is written. */
  save(candidate: CouncilProfile): CouncilProfile {
    this.session.requireMember();
    if (Object.hasOwn(BUILT_IN_PROFILES, candidate.id))
      throw new AppError('refused', 'Built-in profiles cannot be changed. Copy this profile, then edit the copy.');
    const existing = this.council.customProfiles().find((p) => p.id === candidate.id);
    if (!existing) throw new AppError('not-found', 'That profile copy no longer exists. Copy a profile first.');
    // Where it was copied from is history, not a setting: keep it as recorded.
    const valid = validateProfile({ ...candidate, source: existing.source, editable: true });
    return this.council.saveCustomProfile(valid);
  }
}
