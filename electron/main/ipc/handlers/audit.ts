import type { Handlers } from '../router';
import type { DisclosureService } from '../../services/disclosure-service';

export const auditHandlers = (disclosures: DisclosureService): Pick<Handlers, `audit:${string}` & keyof Handlers> => ({
  'audit:trail': ({ recordId }) => disclosures.auditTrail(recordId),
});
