// Records the component tests share, so each screen's test starts from the same directory.
import type { Officer } from '../../shared/domain/directory';

/** A head of service the Member can send requests to. */
export const sam: Officer = {
  id: 'o-1',
  name: 'Sam Green',
  role: 'Head of Estates',
  service: 'Estates',
  seniority: 'head-of-service',
  email: 'sam.green@example-council.gov.uk',
};
