// One request as the Member would send it (need to know, Riverside ward, the depot valuation): shared by
// the main-process tests and the browser tests' seeding, which send it through the contract.
export function draft(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Depot disposal valuation',
    informationSought: 'The independent valuation report for the depot site',
    capacity: 'ward-member',
    capacityDetail: '',
    purpose: 'To answer residents of Riverside ward about the depot sale',
    route: 'need-to-know',
    justification:
      'As ward member for Riverside I must respond to residents’ complaints about the depot sale and need the valuation to do so.',
    officerId: 'x',
    ward: 'Riverside',
    meetingId: null,
    agendaItem: 'Item 9: depot disposal',
    mayBeRaisedAtMeeting: true,
    seeksProtectedMaterial: true,
    fromEmail: 'cllr.smith@example-council.gov.uk',
    copies: [],
    blindCopies: [],
    sentOn: '2026-11-16',
    memberOnly: false,
    ...overrides,
  };
}
