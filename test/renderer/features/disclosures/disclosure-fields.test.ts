import { describe, expect, it } from 'vitest';
import { evidenceSchemas, GROUNDS, type Ground } from '../../../../shared/domain/disclosure';
import {
  ADVICE_FIELDS,
  ASK_FIELDS,
  CONSULTATION_FIELDS,
  EVIDENCE_FIELDS,
} from '../../../../renderer/features/disclosures/components/DisclosureScreen';

describe('the disclosure forms’ fields', () => {
  it('R-DIS-1 names every evidence field of every ground in words, in the order the grounds list them', () => {
    const schemaFields = (Object.keys(GROUNDS) as Ground[]).flatMap((g) => Object.keys(evidenceSchemas[g].shape));
    expect(Object.keys(EVIDENCE_FIELDS.fields)).toEqual(schemaFields);
    for (const spec of Object.values(EVIDENCE_FIELDS.fields))
      expect(spec).toMatchObject({ label: expect.any(String), missing: expect.any(String) });
    expect(EVIDENCE_FIELDS.aliases).toEqual({ evidence: 'consentGivenBy' });
  });

  it('R-DIS-2 the one-step consultation has the asking fields, then the advice fields, with the same words', () => {
    expect(CONSULTATION_FIELDS.fields).toEqual({ ...ASK_FIELDS.fields, ...ADVICE_FIELDS.fields });
    expect(Object.keys(CONSULTATION_FIELDS.fields)).toEqual(['requestedOn', 'monitoringOfficer', 'advice', 'adviceOn']);
    expect(CONSULTATION_FIELDS.aliases).toEqual({ consultation: 'monitoringOfficer' });
    expect(ASK_FIELDS.aliases).toEqual({ request: 'monitoringOfficer' });
  });
});
