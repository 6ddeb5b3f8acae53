import type { Handlers } from '../router';
import type { MaterialStore } from '../../services/material-store';
import type { MaterialLifecycleService } from '../../services/material-lifecycle-service';
import type { MeetingModeService } from '../../services/meeting-mode-service';

/**
 * Material received and what happens to it after; rules in the services. A change to material the
 * meeting mode hides is refused before it runs (R-USE-1): its answer would show the material.
 */
export const materialHandlers = (
  materials: MaterialStore,
  lifecycle: MaterialLifecycleService,
  modes: Pick<MeetingModeService, 'requireMaterialShown'>,
): Pick<Handlers, `materials:${string}` & keyof Handlers> => {
  const shown = <T extends { id: string }>(input: T): T => (modes.requireMaterialShown(input.id), input);
  return {
  'materials:add': (input) => materials.add(input),
  'materials:view': ({ id }) => materials.open(id),
  'materials:reclassify': (input) => {
    const { id, classification, resolution, confirmation } = shown(input);
    return lifecycle.reclassify(id, classification, resolution, confirmation ?? null);
  },
  'materials:recordBriefingPermission': (input) => lifecycle.recordBriefingPermission(shown(input)),
  'materials:recordConsent': (input) => lifecycle.recordConsent(shown(input)),
  'materials:retentionDue': () => lifecycle.retentionDue(),
  'materials:erase': (input) => lifecycle.erase(shown(input).id),
  'materials:keepUntil': (input) => lifecycle.keepUntil(shown(input)),
  'materials:recordDisposal': (input) => lifecycle.recordDisposal(shown(input)),
  'materials:protectedHeld': () => lifecycle.protectedHeld(),
  };
};
