// The steps of a disclosure the tests take again and again: a court order under ground (b), up to approval.
type Ok = (channel: string, input?: unknown) => Promise<any>;

/** Chooses ground (b), gives the court order as evidence and approves (R-DIS-3); returns the approved disclosure. */
export async function approveCourtOrder(ok: Ok, id: string, approval: { note?: string; withheld?: string } = {}) {
  await ok('disclosures:advance', { id, event: { type: 'choose-ground', ground: 'b' } });
  await ok('disclosures:advance', {
    id,
    event: { type: 'complete-evidence', evidence: { legalProvision: 'Court order under CPR 31.17', requestedBy: 'County Court' } },
  });
  const { note = 'Head of Estates agreed.', withheld } = approval;
  return ok('disclosures:advance', {
    id,
    event: { type: 'approve', officerCheck: { checked: true, note }, ...(withheld ? { withheld } : {}) },
  });
}
