// What happens to material after it arrives: confirming or changing its classification, third-party
// consent, retention and erasure of personal data, destruction or return. Pure rules; the main
// process enforces them (electron/main/services/material-lifecycle-service.ts), screens explain them.
import { compareIso, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import {
  holdsPersonalData,
  isMemberOnly,
  reclassifyPinkPaper,
  type Classification,
  type CommitteeResolution,
  type PersonalData,
} from './classification';
import { thirdPartyConsentStatus } from './requests';
import type { Ground } from './disclosure';
import type { Consent, ConsentStep, Disposal, OfficerConfirmation, ThirdParty } from './material';

export const CONSENT_NAMES: Record<Consent, string> = {
  'not-asked': 'Not asked yet',
  asked: 'Asked, no answer yet',
  given: 'Given',
  refused: 'Refused',
};

const notFuture = (on: IsoDate, today: IsoDate, what: string) => {
  parseIsoDate(on, what);
  if (compareIso(on, today) > 0) throw new DomainError('invalid-input', `${what} cannot be in the future.`);
};

/** How protected each level is; "unsure" is treated as confidential (R-CLS-2). */
const PROTECTION_RANK: Record<Classification['level'], number> = { open: 0, confidential: 1, unsure: 1, exempt: 2, 'pink-paper': 3 };

// R-CLS-2 (000 §17.9.4) and R-CLS-3 (000 §17.9.3; 003 §5.3): the evidence a change of classification needs: leaving a pink paper needs the committee's resolution; leaving "unsure", or lowering any other protection, needs the officer's confirmation.
export function evidenceNeededFor(current: Classification, next: Classification): 'resolution' | 'confirmation' | null {
  if (current.level === 'pink-paper') return next.level === 'pink-paper' ? null : 'resolution';
  if (current.level === 'unsure') return next.level === 'unsure' ? null : 'confirmation';
  return PROTECTION_RANK[next.level] < PROTECTION_RANK[current.level] ? 'confirmation' : null;
}

// R-CLS-2 (000 §17.9.4) and R-CLS-3 (000 §17.9.3; 003 §5.3): protected material is downgraded only with its recorded evidence: the officer's confirmation (name and date) or, for a pink paper, the committee's resolution.
export function changeClassification(
  current: Classification,
  next: Classification,
  evidence: { resolution: CommitteeResolution | null; confirmation?: OfficerConfirmation | null },
  today: IsoDate,
): Classification {
  if (evidenceNeededFor(current, next) === 'confirmation') {
    const c = evidence.confirmation;
    if (!c || !c.officer.trim()) {
      throw new DomainError(
        'refused',
        current.level === 'unsure'
          ? 'This material is treated as confidential until the officer confirms its status. Record which officer confirmed it and when (000 §17.9.4).'
          : 'Protected material keeps its protection until the officer who gave it confirms it can be lowered. Record which officer confirmed it and when.',
      );
    }
    notFuture(c.on, today, 'The date the officer confirmed');
  }
  return reclassifyPinkPaper(current, next, evidence.resolution);
}

// R-ASK-11 (002): consent asked, given or refused is recorded with its date and a note; each step is kept.
export function recordConsent(thirdParty: ThirdParty | null, step: ConsentStep, today: IsoDate): ThirdParty {
  if (!thirdParty) throw new DomainError('invalid-input', 'This material has no third party recorded, so there is no consent to record.');
  notFuture(step.on, today, 'The consent date');
  if (step.status === 'refused' && !step.note.trim())
    throw new DomainError('invalid-input', 'Say how the refusal was given (for example "letter of 20/11").');
  return {
    name: thirdParty.name,
    consent: step.status,
    history: [...(thirdParty.history ?? []), { status: step.status, on: step.on, note: step.note.trim() }],
  };
}

// R-ASK-11 (002; 000 §17.9.2(b)): third-party information is not released without that person's consent; only a legal requirement (ground (b)) overrides it.
export function thirdPartyDisclosureCheck(
  material: { thirdParty: ThirdParty | null },
  ground: Ground | undefined,
): { allowed: boolean; reason: string } {
  const status = thirdPartyConsentStatus(material);
  if (status.releasable) return { allowed: true, reason: status.reason };
  if (ground === 'b') {
    return {
      allowed: true,
      reason: `${status.reason} Ground (b) applies: the law requires the disclosure, so it does not wait for that consent (000 §17.9.2(b)).`,
    };
  }
  return {
    allowed: false,
    reason: `${status.reason} Record their consent on the request page first, or use ground (b) if the law requires the disclosure.`,
  };
}

export interface MaterialFacts {
  title: string;
  classification: Classification;
  isBriefing: boolean;
  personalData: PersonalData;
  erasedOn: string | null;
  disposal?: Disposal | null;
}
/** Erased, destroyed or returned material has no content left: there is nothing to open or pass on. */
export function goneReason(m: Pick<MaterialFacts, 'erasedOn' | 'disposal'>): string | null {
  if (m.erasedOn) return `Its personal data was erased on ${m.erasedOn}; there is nothing left to pass on.`;
  if (m.disposal) return `It was ${m.disposal.how} on ${m.disposal.on}; there is nothing left to pass on.`;
  return null;
}

// R-CLS-6 (000 §17.9.1; 001 §24.8(c)): only material holding personal data is erased; once erased it stays erased.
export function checkErasable(m: MaterialFacts): void {
  const gone = goneReason(m);
  if (gone) throw new DomainError('refused', `Already done. ${gone}`);
  if (!holdsPersonalData(m.personalData))
    throw new DomainError(
      'refused',
      'This material holds no personal data to erase. If it is protected and no longer needed, record it destroyed or returned.',
    );
}

// R-CLS-6 (000 §17.9.1; 001 §24.8(c)): keeping personal data longer needs a later date and a reason tied to the Member's duties.
export function extendRetention(m: MaterialFacts, until: IsoDate, reason: string, today: IsoDate): PersonalData {
  checkErasable(m);
  parseIsoDate(until, 'The new erase-by date');
  if (compareIso(until, today) <= 0) throw new DomainError('invalid-input', 'Choose a date after today.');
  if (reason.trim().length < 5) throw new DomainError('invalid-input', 'Say why it is still needed for your duties as a Member.');
  return { ...m.personalData, retainUntil: until };
}

/** The neutral record left behind: what it was and when it came, with no content. */
export function tombstoneTitle(kind: 'erased' | 'destroyed' | 'returned'): string {
  return kind === 'erased' ? 'Personal data erased' : kind === 'destroyed' ? 'Protected material destroyed' : 'Protected material returned';
}

// R-USE-4 (000 §17.9.5): only protected material still held is destroyed or returned, once.
export function checkDisposable(m: MaterialFacts): void {
  const gone = goneReason(m);
  if (gone) throw new DomainError('refused', `Already done. ${gone}`);
  if (!isMemberOnly(m))
    throw new DomainError('refused', 'This material is open; there is nothing to destroy or return under the protocol.');
}

// R-USE-4 (000 §17.9.5): the protected material (and briefings) still held, for working through at end of term.
export function protectedStillHeld<T extends MaterialFacts>(items: T[]): T[] {
  return items.filter((m) => isMemberOnly(m) && !m.erasedOn && !m.disposal);
}
