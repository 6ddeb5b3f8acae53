import { z } from 'zod';
import { compareIso, formatUk, isIsoDate, parseIsoDate, type IsoDate } from './dates';
import { DomainError } from './errors';
import type { Capacity } from './need-to-know';
import { CAPACITIES } from './need-to-know';

// R-CLS-1 (000 §17.9.3; 003 §5.1, §5.3): Schedule 12A Part 1, LGA 1972: the seven categories of exempt information.
export const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority)',
  4: 'Consultations or negotiations on labour relations matters',
  5: 'Legal professional privilege',
  6: 'A proposed notice, order or direction',
  7: 'Prevention, investigation or prosecution of crime',
};

export const LEVELS = ['open', 'confidential', 'exempt', 'pink-paper', 'unsure'] as const;
export type Level = (typeof LEVELS)[number];
export const levelNames: Record<Level, string> = {
  open: 'Open',
  confidential: 'Confidential',
  exempt: 'Exempt',
  'pink-paper': 'Pink paper',
  unsure: 'Not yet known (treated as confidential)',
};

export const classificationSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('open') }),
  z.object({ level: z.literal('confidential'), basis: z.enum(['given-in-confidence', 'statutory']), note: z.string().optional() }),
  z.object({ level: z.literal('exempt'), paragraph: z.number().int().min(1).max(7) }),
  z.object({
    level: z.literal('pink-paper'),
    committee: z.string().trim().min(1),
    meetingDate: z.string(),
    agendaItem: z.string().trim().min(1),
    authorDesignation: z.string().trim().min(1),
    paragraph: z.number().int().min(1).max(7).optional(),
  }),
  z.object({ level: z.literal('unsure') }),
]);
export type Classification = z.infer<typeof classificationSchema>;

export const personalDataSchema = z.object({
  personal: z.boolean(),
  /** R-CLS-1: special-category personal data (UK GDPR Art. 9: health, ethnicity, religion, sexuality…), flagged next to personal data. */
  specialCategory: z.boolean(),
  /** R-CLS-6: when the Member should erase it. */
  retainUntil: z.string().nullable(),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

// Plain words for each part of a classification, so no field name or validator text reaches a Member.
const CLASSIFICATION_PARTS: Record<string, string> = {
  level: 'choose whether it is open, confidential, exempt, a pink paper or not yet known',
  basis: 'say whether it was given in confidence or is confidential by law',
  paragraph: 'cite the Schedule 12A paragraph, from 1 to 7',
  committee: 'name the committee',
  meetingDate: 'give the meeting date',
  agendaItem: 'name the agenda item',
  authorDesignation: 'give the report author’s job title',
  note: 'check the note',
};

// R-CLS-1 (000 §17.9.3; 003 §5.1, §5.3): validates a classification; exempt cites a paragraph, a pink paper names committee, meeting, item and author.
export function classify(input: unknown): Classification {
  const parsed = classificationSchema.safeParse(input);
  if (!parsed.success) {
    const parts = [
      ...new Set(parsed.error.issues.map((i) => CLASSIFICATION_PARTS[String(i.path[0] ?? 'level')] ?? CLASSIFICATION_PARTS.level!)),
    ];
    throw new DomainError('invalid-input', `The classification is incomplete: ${parts.join('; ')}.`);
  }
  if (parsed.data.level === 'pink-paper') parseIsoDate(parsed.data.meetingDate, 'The meeting date');
  return parsed.data;
}

/** A classification, or just its level (the request index keeps only the level of each material). */
export type LevelOf = Classification | Pick<Classification, 'level'>;

// R-CLS-2 (000 §17.9.4): material whose status is unknown is treated as confidential until the officer confirms.
export function effectiveLevel(classification: LevelOf | null | undefined): Exclude<Level, 'unsure'> {
  if (!classification || classification.level === 'unsure') return 'confidential';
  return classification.level;
}

/** Protected = confidential, exempt, pink paper, given in confidence, or not yet classified (RULES.md). */
export const isProtected = (classification: LevelOf | null | undefined): boolean => effectiveLevel(classification) !== 'open';

// R-CLS-5 (003 §4.13–4.14) and R-USE-2 (003 §4.8): the one test of "Member-only": protected material, or a briefing whatever its level.
export function isMemberOnly(material: { classification: LevelOf | null | undefined; isBriefing?: boolean | null }): boolean {
  return material.isBriefing === true || isProtected(material.classification);
}

// R-USE-2 (003 §4.8): Member-only material (protected, a briefing, or anything on a Member-only request) is sealed in the Member-only tier; casework in the shared tier.
export function tierFor(material: {
  classification: Classification | null;
  isBriefing?: boolean;
  onMemberOnlyRequest?: boolean;
}): 'shared' | 'member' {
  return isMemberOnly(material) || material.onMemberOnlyRequest === true ? 'member' : 'shared';
}

export interface CommitteeResolution {
  meeting: string;
  date: IsoDate;
  minuteReference: string;
}

// R-CLS-3 (000 §17.9.3; 003 §5.3): a pink paper is reclassified only by a recorded resolution not to exclude press and public.
export function reclassifyPinkPaper(current: Classification, next: Classification, resolution: CommitteeResolution | null): Classification {
  if (current.level !== 'pink-paper' || next.level === 'pink-paper') return next;
  if (!resolution || !resolution.meeting.trim() || !resolution.minuteReference.trim()) {
    throw new DomainError(
      'refused',
      'A pink paper stays confidential until the committee resolves not to exclude the press and public. Record that resolution (meeting, date and minute reference) to reclassify it (000 §17.9.3).',
    );
  }
  parseIsoDate(resolution.date, 'The resolution date');
  return next;
}

export const CAPACITY_USES = { request: 'a request', disclosure: 'passing it on', note: 'a note' } as const;
export type CapacityUse = keyof typeof CAPACITY_USES;

export interface CapacityCheck {
  allowed: boolean;
  reason: string;
  /** The capacity and purpose the material was given for, to show beside it. */
  givenFor: { capacity: Capacity; capacityName: string; purpose: string };
}

// R-CLS-4 (003 §4.8, §4.15; 004 §11.11; 000 §17.9.5): material is bound to the capacity and purpose it was given for, whether used in a request, a disclosure or a note.
export function checkCapacityUse(
  material: { givenForCapacity: Capacity; givenForPurpose: string },
  intended: { capacity: Capacity; purpose?: string; use: CapacityUse },
  capacityBound = true,
): CapacityCheck {
  if (!material || !Object.hasOwn(CAPACITIES, material.givenForCapacity))
    throw new DomainError('invalid-input', 'It is not recorded in which role this material was given to you.');
  if (!intended || !Object.hasOwn(CAPACITIES, intended.capacity))
    throw new DomainError('invalid-input', 'Choose the role you are acting in.');
  if (!Object.hasOwn(CAPACITY_USES, intended.use))
    throw new DomainError('invalid-input', 'Say whether this is for a request, passing it on or a note.');
  const given = CAPACITIES[material.givenForCapacity];
  const purpose = (material.givenForPurpose ?? '').trim() || 'no purpose recorded';
  const givenFor = { capacity: material.givenForCapacity, capacityName: given, purpose };
  if (!capacityBound || material.givenForCapacity === intended.capacity) {
    return { allowed: true, reason: `Given to you as: ${given.toLowerCase()}, for “${purpose}”.`, givenFor };
  }
  return {
    allowed: false,
    reason: `This was given to you as ${given.toLowerCase()}, for “${purpose}”. It cannot be used for ${CAPACITY_USES[intended.use]} in your role as ${CAPACITIES[intended.capacity].toLowerCase()} (003 §4.8, §4.15). If you need it in that role, ask the officer for it again in that role.`,
    givenFor,
  };
}

/** The requesting Member's permission to share a briefing: who gave it, when, and with whom it may be shared (any Member when not named). */
export interface BriefingPermission {
  givenBy: string;
  givenOn: IsoDate;
  sharedWith?: string | null;
}

// R-CLS-5 (003 §4.13–4.14): records the requesting Member's permission to share a briefing; only they can give it, and not in the future.
export function recordBriefingPermission(
  briefing: { requestedBy: string },
  permission: BriefingPermission,
  today: IsoDate,
): BriefingPermission {
  parseIsoDate(today, 'Today');
  const givenBy = (permission?.givenBy ?? '').trim();
  if (!givenBy) throw new DomainError('invalid-input', 'Record who gave permission to share the briefing.');
  if (givenBy.toLowerCase() !== briefing.requestedBy.trim().toLowerCase()) {
    throw new DomainError('refused', `Only ${briefing.requestedBy}, who asked for the briefing, can permit sharing it.`);
  }
  parseIsoDate(permission.givenOn, 'The date permission was given');
  if (compareIso(permission.givenOn, today) > 0)
    throw new DomainError('invalid-input', 'The date permission was given cannot be after today.');
  const sharedWith = permission.sharedWith?.trim() || null;
  return { givenBy, givenOn: permission.givenOn, sharedWith };
}

// R-CLS-5 (003 §4.13–4.14): a confidential briefing is shared with another Member only with the requesting Member's recorded permission.
export function canShareBriefing(
  briefing: { requestedBy: string; permission?: BriefingPermission | null },
  share: { by: string; to: string },
): { allowed: boolean; reason: string } {
  const requester = briefing.requestedBy.trim();
  const to = (share?.to ?? '').trim();
  if (!to) return { allowed: false, reason: 'Name the Member you want to share the briefing with.' };
  const by = (share?.by ?? '').trim();
  // The Member who asked for it decides for themselves; giving it back to them needs no permission.
  if (to.toLowerCase() === requester.toLowerCase() || by.toLowerCase() === requester.toLowerCase())
    return { allowed: true, reason: `${requester} asked for this briefing.` };
  const p = briefing.permission;
  const valid = !!p && p.givenBy.trim().toLowerCase() === requester.toLowerCase() && isIsoDate(p.givenOn);
  if (valid && (!p!.sharedWith || p!.sharedWith.trim().toLowerCase() === to.toLowerCase())) {
    return {
      allowed: true,
      reason: `${requester} gave permission to share it${p!.sharedWith ? ` with ${p!.sharedWith}` : ''} on ${formatUk(p!.givenOn)}.`,
    };
  }
  if (valid && p!.sharedWith)
    return { allowed: false, reason: `${requester} permitted sharing this briefing with ${p!.sharedWith} only, not ${to}.` };
  return {
    allowed: false,
    reason: `This confidential briefing was asked for by ${requester}. It is not shared with other Members unless ${requester} permits it; record their permission first (003 §4.13–4.14).`,
  };
}

// R-CLS-6 (000 §17.9.1; 001 §24.8(c)): personal data has a retention date; when it is reached the product prompts to erase it.
export function retentionDue(
  items: Array<{ id: string; title: string; personalData: PersonalData | null; erasedOn?: string | null }>,
  today: IsoDate,
): Array<{ id: string; title: string; retainUntil: IsoDate }> {
  parseIsoDate(today, 'Today');
  const due = [];
  for (const item of items) {
    const until = holdsPersonalData(item.personalData) ? item.personalData!.retainUntil : null;
    if (until && !item.erasedOn && compareIso(until, today) <= 0) due.push({ id: item.id, title: item.title, retainUntil: until });
  }
  return due;
}

// R-CLS-1, R-CLS-6 (000 §17.9.1, §17.9.3): special-category data is personal data too, so either flag means the retention rules apply.
export const holdsPersonalData = (pd: PersonalData | null | undefined): boolean => !!pd && (pd.personal || pd.specialCategory);

// R-CLS-1, R-CLS-6 (000 §17.9.1, §17.9.3): special category implies personal data; either needs an erase-by date. The screens call this live.
export function retentionProblem(personalData: PersonalData): string | null {
  if (!holdsPersonalData(personalData) || personalData.retainUntil) return null;
  return personalData.specialCategory
    ? 'Special-category personal data (such as health, ethnicity, religion or sexuality) needs a retention date: when should it be erased? (000 §17.9.1)'
    : 'Personal data needs a retention date: when should it be erased? (000 §17.9.1)';
}

// R-CLS-1, R-CLS-6 (000 §17.9.1, §17.9.3): personal or special-category data needs an erase-by date; special category implies personal.
export function requireRetentionDate(personalData: PersonalData): PersonalData {
  const normalised = { ...personalData, personal: holdsPersonalData(personalData) };
  const problem = retentionProblem(normalised);
  if (problem) throw new DomainError('invalid-input', problem);
  if (normalised.retainUntil) parseIsoDate(normalised.retainUntil, 'The retention date');
  return normalised;
}
