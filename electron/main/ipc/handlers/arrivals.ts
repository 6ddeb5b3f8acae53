import type { Handlers } from '../router';
import type { ArrivalService } from '../../services/arrival-service';
import type { MeetingModeService } from '../../services/meeting-mode-service';

/** Arrived for the Member: the service seals, checks who may open, and classifies. */
export function arrivalHandlers(
  arrivals: ArrivalService,
  modes: Pick<MeetingModeService, 'requireArrivalClassifiable'>,
): Pick<Handlers, `arrivals:${string}` & keyof Handlers> {
  return {
    'arrivals:record': (input) => arrivals.record(input),
    'arrivals:list': ({ requestId }) => arrivals.list(requestId),
    'arrivals:open': ({ id }) => arrivals.open(id),
    // R-USE-1: what arrived is not yet classified (treated as confidential), so it is classified only where it could be opened.
    'arrivals:classify': (input) => arrivals.classify({ ...input, id: modes.requireArrivalClassifiable(input.id) }),
  };
}
