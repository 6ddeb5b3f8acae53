import type { Handlers } from '../router';
import type { MaterialStore } from '../../services/material-store';
import type { MaterialLifecycleService } from '../../services/material-lifecycle-service';

/** Material received and what happens to it after; rules in the services. */
export const materialHandlers = (
  materials: MaterialStore,
  lifecycle: MaterialLifecycleService,
): Pick<Handlers, `materials:${string}` & keyof Handlers> => ({
  'materials:add': (input) => materials.add(input),
  'materials:view': ({ id }) => materials.open(id),
  'materials:reclassify': ({ id, classification, resolution, confirmation }) =>
    lifecycle.reclassify(id, classification, resolution, confirmation ?? null),
  'materials:recordBriefingPermission': (input) => lifecycle.recordBriefingPermission(input),
  'materials:recordConsent': (input) => lifecycle.recordConsent(input),
  'materials:retentionDue': () => lifecycle.retentionDue(),
  'materials:erase': ({ id }) => lifecycle.erase(id),
  'materials:keepUntil': (input) => lifecycle.keepUntil(input),
  'materials:recordDisposal': (input) => lifecycle.recordDisposal(input),
  'materials:protectedHeld': () => lifecycle.protectedHeld(),
});
