import type { GateEvent } from '../../../../shared/domain/disclosure';
import type { Handlers } from '../router';
import type { DisclosureService } from '../../services/disclosure-service';

export const disclosureHandlers = (disclosures: DisclosureService): Pick<Handlers, `disclosures:${string}` & keyof Handlers> => ({
  'disclosures:start': ({ materialId, capacity, purpose }) => disclosures.start(materialId, { capacity, purpose }),
  'disclosures:list': () => disclosures.list(),
  'disclosures:advance': ({ id, event }) => disclosures.advance(id, event as GateEvent),
  'disclosures:register': () => disclosures.register(),
});
