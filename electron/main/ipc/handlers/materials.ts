import type { Handlers } from '../router';
import type { MaterialLifecycleService } from '../../services/material-lifecycle-service';

/** Channels for what happens to material after it arrives; they adapt and delegate, no rules here. */
export type MaterialLifecycleChannel =
  | 'materials:reclassify'
  | 'materials:recordConsent'
  | 'materials:retentionDue'
  | 'materials:erase'
  | 'materials:keepUntil'
  | 'materials:recordDisposal'
  | 'materials:protectedHeld';

export function materialLifecycleHandlers(lifecycle: MaterialLifecycleService): Pick<Handlers, MaterialLifecycleChannel> {
  return {
    'materials:reclassify': ({ id, classification, resolution, confirmation }) => lifecycle.reclassify(id, classification, resolution, confirmation ?? null),
    'materials:recordConsent': (input) => lifecycle.recordConsent(input),
    'materials:retentionDue': () => lifecycle.retentionDue(),
    'materials:erase': ({ id }) => lifecycle.erase(id),
    'materials:keepUntil': (input) => lifecycle.keepUntil(input),
    'materials:recordDisposal': (input) => lifecycle.recordDisposal(input),
    'materials:protectedHeld': () => lifecycle.protectedHeld(),
  };
}
