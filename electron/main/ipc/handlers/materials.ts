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
): Pick<Handlers, `materials:${string}` & keyof Handlers> => ({
  'materials:add': (input) => materials.add(input),
  'materials:view': ({ id }) => materials.open(id),
  'materials:reclassify': ({ id, classification, resolution, confirmation }) =>
    lifecycle.reclassify(modes.requireMaterialShown(id), classification, resolution, confirmation ?? null),
  'materials:recordBriefingPermission': (input) =>
    lifecycle.recordBriefingPermission({ ...input, id: modes.requireMaterialShown(input.id) }),
  'materials:recordConsent': (input) => lifecycle.recordConsent({ ...input, id: modes.requireMaterialShown(input.id) }),
  'materials:retentionDue': () => lifecycle.retentionDue(),
  'materials:erase': ({ id }) => lifecycle.erase(modes.requireMaterialShown(id)),
  'materials:keepUntil': (input) => lifecycle.keepUntil({ ...input, id: modes.requireMaterialShown(input.id) }),
  'materials:recordDisposal': (input) => lifecycle.recordDisposal({ ...input, id: modes.requireMaterialShown(input.id) }),
  'materials:protectedHeld': () => lifecycle.protectedHeld(),
});
