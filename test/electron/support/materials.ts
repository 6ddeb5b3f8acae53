import type { StoredMaterial } from '../../../shared/domain/material';

/** Open material as the material store writes it; the tests override what they are about. */
export function storedMaterial(overrides: Partial<StoredMaterial> & Pick<StoredMaterial, 'requestId'>): StoredMaterial {
  return {
    id: 'm-1',
    title: 'Letter',
    receivedOn: '2026-11-20',
    summary: '',
    classification: { level: 'open' },
    personalData: { personal: false, specialCategory: false, retainUntil: null },
    isBriefing: false,
    givenForCapacity: 'ward-member',
    givenForPurpose: 'To answer residents',
    meetingId: null,
    thirdParty: null,
    attachments: [],
    erasedOn: null,
    ...overrides,
  };
}
