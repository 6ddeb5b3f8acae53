import { z } from 'zod';
import { DomainError } from './errors';

// Messages name the value in plain words: they reach the Member unchanged when a copy is refused.
const workingDays = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}: enter a whole number of working days` })
    .int({ error: `${what}: enter a whole number of working days` })
    .min(min, { error: `${what} must be at least ${min} working day${min === 1 ? '' : 's'}` })
    .max(max, { error: `${what} can be at most ${max} working days` });

/**
 * A council's Member/Officer protocol as numbers and switches (RULES.md "Council protocol
 * profiles"). Rules read these, never constants in code. Users copy a profile and edit it.
 */
export const councilProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, { error: 'Give the profile a name' }).max(120, { error: 'Profile names can be at most 120 characters' }),
  source: z.string(),
  /** Working days for an acknowledgement or holding reply; null where the protocol sets none. */
  acknowledgeWorkingDays: workingDays('The acknowledgement or holding reply', 0, 60).nullable(),
  respondWorkingDays: workingDays('The substantive answer', 1, 120),
  /** Working days past the due date after which a request is "very overdue" (our choice: a further week). */
  veryOverdueAfterWorkingDays: workingDays('The very-overdue threshold', 1, 60),
  /** R-DIS-2: which disclosure grounds need the Monitoring Officer first. */
  monitoringOfficerBeforeDisclosure: z.enum(['public-interest-only', 'every-ground']),
  /** R-ASK-4: confidential/exempt access needs the Monitoring Officer to accept the need to know. */
  monitoringOfficerAcceptsNeedToKnow: z.boolean(),
  /** R-ASK-8: the chair / executive member is told of agenda-related requests. */
  chairNoticeForAgendaItems: z.boolean(),
  /** R-ASK-6: requests go to Chief Officers / Directors / Heads of Service only. */
  seniorOfficersOnly: z.boolean(),
  /** R-ASK-11: third-party information needs that person's consent. */
  thirdPartyConsent: z.boolean(),
  /** R-CLS-4: use bound to the capacity it was given in. */
  capacityBoundUse: z.boolean(),
  /** Which holidays count: the profile's nation, or any UK nation (FOI outside Scotland). */
  holidayScope: z.enum(['nation', 'any-uk-nation']),
  editable: z.boolean(),
});
export type CouncilProfile = z.infer<typeof councilProfileSchema>;

const base = {
  veryOverdueAfterWorkingDays: 5,
  monitoringOfficerBeforeDisclosure: 'public-interest-only' as const,
  monitoringOfficerAcceptsNeedToKnow: false,
  chairNoticeForAgendaItems: false,
  seniorOfficersOnly: false,
  thirdPartyConsent: false,
  capacityBoundUse: true,
  holidayScope: 'nation' as const,
  editable: false,
};

// R-DUE-1 (000 §17.8.2; 001 §24.5; 003 §4.3; 004 §6.5.8; FOIA s.10): the five councils' numbers, plus FOI.
export const BUILT_IN_PROFILES: Record<string, CouncilProfile> = {
  '000': {
    ...base,
    id: '000',
    name: 'District council (Section 17)',
    source: '000 §17.8.2, §17.8.9, §17.9.6',
    acknowledgeWorkingDays: 5,
    respondWorkingDays: 5,
    chairNoticeForAgendaItems: true,
  },
  '001': {
    ...base,
    id: '001',
    name: 'Oxford City Council (code 24)',
    source: '001 §24.5, §24.8, §24.11',
    acknowledgeWorkingDays: 5,
    respondWorkingDays: 5,
    chairNoticeForAgendaItems: true,
    seniorOfficersOnly: true,
  },
  '002': {
    ...base,
    id: '002',
    name: 'Parish/town council protocol',
    source: '002 (user sets the times; default 10)',
    acknowledgeWorkingDays: null,
    respondWorkingDays: 10,
    thirdPartyConsent: true,
  },
  '003': {
    ...base,
    id: '003',
    name: 'Combined Authority (Appendix 2)',
    source: '003 §3.6, §4.3, §4.8, §4.13',
    acknowledgeWorkingDays: 5,
    respondWorkingDays: 10,
    seniorOfficersOnly: true,
  },
  '004': {
    ...base,
    id: '004',
    name: 'Wiltshire Council (Protocol 1)',
    source: '004 §6.5.8, §11.9, §11.11',
    acknowledgeWorkingDays: 2,
    respondWorkingDays: 10,
    monitoringOfficerBeforeDisclosure: 'every-ground',
    monitoringOfficerAcceptsNeedToKnow: true,
  },
  foi: {
    ...base,
    id: 'foi',
    name: 'Freedom of Information (England, Wales, Northern Ireland)',
    source: 'FOIA s.10',
    acknowledgeWorkingDays: null,
    respondWorkingDays: 20,
    holidayScope: 'any-uk-nation',
    capacityBoundUse: false,
  },
  'foi-scotland': {
    ...base,
    id: 'foi-scotland',
    name: 'Freedom of Information (Scotland)',
    source: 'FOISA s.10, s.73',
    acknowledgeWorkingDays: null,
    respondWorkingDays: 20,
    capacityBoundUse: false,
  },
};

export const PROFILE_IDS = Object.keys(BUILT_IN_PROFILES);

export function builtInProfile(id: unknown): CouncilProfile {
  // Own keys only: '__proto__' or 'constructor' is not a profile.
  const profile = typeof id === 'string' && Object.hasOwn(BUILT_IN_PROFILES, id) ? BUILT_IN_PROFILES[id] : undefined;
  if (!profile) throw new DomainError('unknown-profile', `Unknown profile "${String(id)}": use one of ${PROFILE_IDS.join(', ')}`);
  return profile;
}

/** A copy the user can edit; the built-in profiles themselves never change. */
export function copyProfile(source: CouncilProfile, id: string, name: string): CouncilProfile {
  return validateProfile({ ...source, id, name, source: `copy of ${source.id}: ${source.source}`, editable: true });
}

export function validateProfile(candidate: unknown): CouncilProfile {
  const parsed = councilProfileSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new DomainError(
      'invalid-input',
      `The profile is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
