import { holidayEditsSchema, validateHolidayEdits, NO_EDITS, type HolidayEdits } from '../../../shared/domain/calendar';
import {
  BUILT_IN_PROFILES,
  builtInProfile,
  councilProfileSchema,
  validateProfile,
  type CouncilProfile,
} from '../../../shared/domain/profiles';
import { councilSettingsSchema, type CouncilSettings } from '../../../shared/domain/council';
import { checkCouncilDomain } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/ipc/errors';
import type { SettingsStore } from '../settings/settings-store';
import type { EventHub } from './events';
import type { StoredCouncilSettings } from '../../../shared/domain/council';
import type { RecordsRepository, RepositoryLogger } from './records-repository';

const DEFAULTS: CouncilSettings = { profileId: '000', nation: 'england-and-wales', emailDomain: '' };
/** The one council-settings record in the vault. */
export const COUNCIL_SETTINGS_ID = 'council-settings' as const;

/** Keys settings.json used to hold before these settings moved into the vault. */
const LEGACY_KEYS = { council: 'council', customProfiles: 'customProfiles', holidayEdits: 'holidayEdits' } as const;

/**
 * The council profile in force, custom profiles, the nation, the council email domain and holiday
 * edits. They carry the rules (due dates, the Monitoring Officer step), so they live in the vault as
 * records only the Member writes (a PA with the data folder must not change them): an edit to settings.json can no longer switch profile.
 * Values found in settings.json from an earlier version move into the vault at the Member's first
 * unlock and are then removed from the file; anything that does not validate stays in the file.
 */
export class CouncilSettingsService {
  private ignoredLegacy = false;

  constructor(
    private readonly records: RecordsRepository,
    private readonly legacy: SettingsStore,
    events: EventHub,
    private readonly logger: RepositoryLogger = { warn: (m) => console.warn(m) },
  ) {
    events.subscribe((channel, payload) => {
      if (channel === 'session:changed' && payload.state === 'unlocked' && payload.user.role === 'member') this.migrateFromSettingsFile();
    });
  }

  private stored(): StoredCouncilSettings | undefined {
    return this.records.get('council-settings', COUNCIL_SETTINGS_ID);
  }

  get(): CouncilSettings {
    return this.stored()?.settings ?? this.legacySettings() ?? DEFAULTS;
  }

  /** What Settings and the New request form show: the settings, the profile in force and the profiles to choose from. Needs a session. */
  view() {
    this.records.requireSession();
    // The screens preview due dates with the same holiday edits main saves them with.
    return {
      settings: this.get(),
      profile: this.profile(),
      holidayEdits: this.holidayEdits(),
      profiles: this.profiles().map((p) => ({ id: p.id, name: p.name })),
    };
  }

  /** Member only: change the settings and answer with the new view. */
  change(next: CouncilSettings) {
    this.set(next);
    return this.view();
  }

  /** Member only: the profile must exist; nothing is saved otherwise. */
  set(next: CouncilSettings): CouncilSettings {
    this.records.requireMember();
    const settings = councilSettingsSchema.parse(next);
    // R-ASK-9 (000 §17.13.2): a real domain, not a personal provider; empty means not set yet (sending then says so).
    if (settings.emailDomain) {
      const domain = checkCouncilDomain(settings.emailDomain);
      if (!domain.ok) throw new AppError('invalid-input', domain.reason);
      settings.emailDomain = domain.domain;
    }
    this.resolveProfile(settings.profileId); // refuses an unknown profile before anything is saved
    this.write({ settings, holidayEdits: this.holidayEdits() });
    return this.get();
  }

  customProfiles(): CouncilProfile[] {
    const inVault = this.records.list('council-profile');
    return inVault.length || this.stored() ? inVault : this.legacyProfiles();
  }

  /** R-DUE-1: the Member's copy of a profile, saved as its own record. */
  saveCustomProfile(profile: CouncilProfile): CouncilProfile {
    this.records.requireMember();
    const valid = validateProfile({ ...profile, editable: true });
    if (!valid.id.startsWith('custom-')) throw new AppError('invalid-input', 'Custom profile ids start with "custom-".');
    this.ensureSettingsRecord();
    return this.records.save('council-profile', valid);
  }

  private resolveProfile(id: string): CouncilProfile {
    const custom = this.customProfiles().find((p) => p.id === id);
    if (custom) return custom;
    if (!Object.hasOwn(BUILT_IN_PROFILES, id) || id.startsWith('foi'))
      throw new AppError('refused', 'There is no such council profile. Choose one from the list.');
    return builtInProfile(id);
  }

  /** The profile in force now. A profile id that no longer resolves falls back to the default, with a warning. */
  profile(): CouncilProfile {
    const id = this.get().profileId;
    try {
      return this.resolveProfile(id);
    } catch {
      this.logger.warn('The council profile in force could not be found; the default profile is used.');
      return builtInProfile(DEFAULTS.profileId);
    }
  }

  /** Every profile that can be put in force: the councils' built-in ones (not FOI) and the Member's copies. */
  profiles(): CouncilProfile[] {
    return [...Object.values(BUILT_IN_PROFILES).filter((p) => !p.id.startsWith('foi')), ...this.customProfiles()];
  }

  holidayEdits(): HolidayEdits {
    return this.stored()?.holidayEdits ?? this.legacyHolidayEdits() ?? NO_EDITS;
  }

  /** Member only. */
  setHolidayEdits(edits: HolidayEdits): HolidayEdits {
    this.records.requireMember();
    const valid = validateHolidayEdits(holidayEditsSchema.parse(edits));
    this.write({ settings: this.get(), holidayEdits: valid });
    return this.holidayEdits();
  }

  private write(value: Omit<StoredCouncilSettings, 'id'>) {
    this.records.save('council-settings', { id: COUNCIL_SETTINGS_ID, ...value });
  }

  /** The first vault write of any council value also fixes the others, so none falls back to the file again. */
  private ensureSettingsRecord() {
    if (!this.stored()) this.write({ settings: this.get(), holidayEdits: this.holidayEdits() });
  }

  // Moving from settings.json ----------------------------------------------------------------------

  /**
   * Moves council values from settings.json into the vault, once, as the Member. Valid values are
   * written to the vault first and only then removed from the file; invalid ones stay in the file
   * (never lost) and the defaults apply. Never stops an unlock: a failure is logged and retried next time.
   */
  migrateFromSettingsFile(): void {
    try {
      const hasLegacy = Object.values(LEGACY_KEYS).some((k) => this.legacy.get(k) !== undefined);
      if (this.stored()) {
        // Once the vault holds the council's values, anything in the file was not written by the Member
        // (a PA can edit the file): it is ignored, left where it is, and said once.
        if (hasLegacy && !this.ignoredLegacy) {
          this.ignoredLegacy = true;
          this.logger.warn(
            'The settings file holds council values or custom profiles the Member did not save in the app; they were ignored.',
          );
        }
        return;
      }
      // The first Member unlock of this version fixes the council's values in the vault, so no later edit of the file is ever adopted.
      if (!hasLegacy) return this.write({ settings: DEFAULTS, holidayEdits: NO_EDITS });
      const profiles = this.legacyProfiles();
      const existing = new Set(this.records.list('council-profile').map((p) => p.id));
      for (const p of profiles) if (!existing.has(p.id)) this.records.save('council-profile', p);
      if (!this.stored()) {
        this.write({ settings: this.legacySettings() ?? DEFAULTS, holidayEdits: this.legacyHolidayEdits() ?? NO_EDITS });
      }
      if (this.legacySettings()) this.legacy.delete(LEGACY_KEYS.council);
      if (this.legacyHolidayEdits()) this.legacy.delete(LEGACY_KEYS.holidayEdits);
      const saved = this.legacy.get(LEGACY_KEYS.customProfiles);
      const moved = new Set(profiles.map((p) => p.id));
      const invalid = Array.isArray(saved) ? saved.filter((p) => !moved.has((p as { id?: unknown } | null)?.id as string)) : [];
      if (invalid.length) {
        this.legacy.set(LEGACY_KEYS.customProfiles, invalid);
        this.logger.warn(`${invalid.length} custom profile(s) in the settings file could not be read; they were left in the file.`);
      } else {
        this.legacy.delete(LEGACY_KEYS.customProfiles);
      }
    } catch (error) {
      this.logger.warn(
        `Council settings could not be moved from the settings file into the vault yet: ${error instanceof Error ? error.name : 'unknown'}.`,
      );
    }
  }

  private legacySettings(): CouncilSettings | undefined {
    const parsed = councilSettingsSchema.safeParse(this.legacy.get(LEGACY_KEYS.council));
    if (!parsed.success) return undefined;
    const known =
      Object.hasOwn(BUILT_IN_PROFILES, parsed.data.profileId) || this.legacyProfiles().some((p) => p.id === parsed.data.profileId);
    return known ? parsed.data : undefined;
  }

  private legacyProfiles(): CouncilProfile[] {
    const saved = this.legacy.get(LEGACY_KEYS.customProfiles);
    if (!Array.isArray(saved)) return [];
    return saved.flatMap((p) => {
      const parsed = councilProfileSchema.safeParse(p);
      return parsed.success && parsed.data.id.startsWith('custom-') ? [{ ...parsed.data, editable: true }] : [];
    });
  }

  private legacyHolidayEdits(): HolidayEdits | undefined {
    const parsed = holidayEditsSchema.safeParse(this.legacy.get(LEGACY_KEYS.holidayEdits));
    if (!parsed.success) return undefined;
    try {
      return validateHolidayEdits(parsed.data);
    } catch {
      return undefined;
    }
  }
}
