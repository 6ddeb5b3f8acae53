import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuditTrailList, describeAuditEvent } from '../../../../renderer/features/disclosures/components/AuditTrail';

describe('the audit trail view', () => {
  it('says who did each thing as main authenticated it, never the name an event’s detail claims', () => {
    // As audit:trail answers for an event a PA wrote into the vault naming the Member.
    const forged = {
      seq: 7,
      action: 'disclosed',
      by: 'a PA',
      detail: { by: 'Cllr Jane Smith', at: '2026-11-23T10:00:00.000Z', to: 'The Echo' },
    };
    const own = { seq: 8, action: 'viewed', by: 'Cllr Jane Smith', detail: { by: 'Cllr Jane Smith', at: '2026-11-24T09:30:00.000Z' } };
    expect(describeAuditEvent(forged)).toBe('disclosed on 23/11/2026 by a PA to The Echo');
    render(<AuditTrailList events={[forged, own]} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['disclosed on 23/11/2026 by a PA to The Echo', 'viewed on 24/11/2026 by Cllr Jane Smith']);
  });
});
