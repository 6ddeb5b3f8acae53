import type { Handlers } from '../router';
import type { ArrivalService } from '../../services/arrival-service';

/** Arrived for the Member: the service seals, checks who may open, and classifies. */
export function arrivalHandlers(arrivals: ArrivalService): Pick<Handlers, `arrivals:${string}` & keyof Handlers> {
  return {
    'arrivals:record': (input) => arrivals.record(input),
    'arrivals:list': ({ requestId }) => arrivals.list(requestId),
    'arrivals:open': ({ id }) => arrivals.open(id),
    'arrivals:classify': (input) => arrivals.classify(input),
  };
}
