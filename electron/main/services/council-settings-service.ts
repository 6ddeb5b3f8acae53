import { validateHolidayEdits, NO_EDITS, type HolidayEdits } from '../../../shared/domain/calendar';
import { builtInProfile, copyProfile, validateProfile, type CouncilProfile } from '../../../shared/domain/profiles';
import type { CouncilSettings } from '../../../shared/domain/council';
import { AppError } from '../../../shared/ipc/errors';
import type { SettingsStore } from '../settings/settings-store';

const DEFAULTS: CouncilSettings = { profileId: '000', nation: 'england-and-wales', emailDomain: '' };

/** The council profile in force, the nation, the council email domain and holiday edits: preferences in electron-store. */
export class CouncilSettingsService {
  constructor(private readonly store: SettingsStore) {}

  get(): CouncilSettings {
    const saved = this.store.get('council') as Partial<CouncilSettings> | undefined;
    return { ...DEFAULTS, ...(saved ?? {}) };
  }

  set(next: CouncilSettings): CouncilSettings {
    this.resolveProfile(next.profileId); // refuses an unknown profile before anything is saved
    this.store.set('council', next);
    return this.get();
  }

  customProfiles(): CouncilProfile[] {
    const saved = (this.store.get('customProfiles') as unknown[] | undefined) ?? [];
    return saved.flatMap((p) => {
      try {
        return [validateProfile(p)];
      } catch {
        return []; // a hand-edited, invalid profile is ignored, and left in the file as it is
      }
    });
  }

  /** R-DUE-1: a user copies a built-in profile and may change any value. */
  saveCustomProfile(profile: CouncilProfile): CouncilProfile {
    const valid = validateProfile({ ...profile, editable: true });
    if (!valid.id.startsWith('custom-')) throw new AppError('invalid-input', 'Custom profile ids start with "custom-".');
    // Every other saved entry is kept as it is, even one that does not validate (hand-edited, or
    // from a newer version): saving one copy must never drop another.
    const saved = (this.store.get('customProfiles') as unknown[] | undefined) ?? [];
    const others = saved.filter((p) => (p as { id?: unknown } | null)?.id !== valid.id);
    this.store.set('customProfiles', [...others, valid]);
    return valid;
  }

  copyBuiltIn(sourceId: string, name: string): CouncilProfile {
    return this.saveCustomProfile(copyProfile(builtInProfile(sourceId), `custom-${Date.now().toString(36)}`, name));
  }

  private resolveProfile(id: string): CouncilProfile {
    return this.customProfiles().find((p) => p.id === id) ?? builtInProfile(id);
  }

  profile(): CouncilProfile {
    return this.resolveProfile(this.get().profileId);
  }

  holidayEdits(): HolidayEdits {
    const saved = this.store.get('holidayEdits') as HolidayEdits | undefined;
    try {
      return saved ? validateHolidayEdits(saved) : NO_EDITS;
    } catch {
      return NO_EDITS;
    }
  }

  setHolidayEdits(edits: HolidayEdits): HolidayEdits {
    this.store.set('holidayEdits', validateHolidayEdits(edits));
    return this.holidayEdits();
  }
}
