import { z } from 'zod';
import { compareIso, parseIsoDate, type IsoDate } from './dates';
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
  specialCategory: z.boolean(),
  /** R-CLS-6: when the Member should erase it. */
  retainUntil: z.string().nullable(),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

// R-CLS-1 (000 §17.9.3; 003 §5.1, §5.3): validates a classification; exempt cites a paragraph, a pink paper names committee, meeting, item and author.
export function classify(input: unknown): Classification {
  const parsed = classificationSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError('invalid-input', `The classification is incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'level'}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.level === 'pink-paper') parseIsoDate(parsed.data.meetingDate, 'The meeting date');
  return parsed.data;
}

// R-CLS-2 (000 §17.9.4): material whose status is unknown is treated as confidential until the officer confirms.
export function effectiveLevel(classification: Classification | null | undefined): Exclude<Level, 'unsure'> {
  if (!classification || classification.level === 'unsure') return 'confidential';
  return classification.level;
}

/** Protected = confidential, exempt, pink paper, given in confidence, or not yet classified (RULES.md). */
export const isProtected = (classification: Classification | null | undefined): boolean => effectiveLevel(classification) !== 'open';

// R-USE-2 (003 §4.8, §4.13): protected material and every briefing are the Member's alone; the one place this is decided.
export function isMemberOnlyMaterial(material: { classification: Classification | null; isBriefing?: boolean }): boolean {
  return material.isBriefing === true || isProtected(material.classification);
}

// R-USE-2 (003 §4.8): protected material and briefings are sealed in the Member-only tier; casework in the shared tier.
export function tierFor(material: { classification: Classification | null; isBriefing?: boolean }): 'shared' | 'member' {
  return isMemberOnlyMaterial(material) ? 'member' : 'shared';
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
    throw new DomainError('refused', 'A pink paper stays confidential until the committee resolves not to exclude the press and public. Record that resolution (meeting, date and minute reference) to reclassify it (000 §17.9.3).');
  }
  parseIsoDate(resolution.date, 'The resolution date');
  return next;
}

// R-CLS-4 (003 §4.8, §4.15; 004 §11.11; 000 §17.9.5): material is bound to the capacity and purpose it was given for.
export function checkCapacityUse(material: { givenForCapacity: Capacity; givenForPurpose: string }, intended: { capacity: Capacity; purpose: string }, capacityBound = true): { allowed: boolean; reason: string } {
  if (!capacityBound || material.givenForCapacity === intended.capacity) {
    return { allowed: true, reason: `Given for ${CAPACITIES[material.givenForCapacity].toLowerCase()}: "${material.givenForPurpose}".` };
  }
  return {
    allowed: false,
    reason: `This was given to you as ${CAPACITIES[material.givenForCapacity].toLowerCase()} for "${material.givenForPurpose}". It cannot be used in your role as ${CAPACITIES[intended.capacity].toLowerCase()} (003 §4.8, §4.15). Ask the officer for it again in that capacity if you need it.`,
  };
}

// R-CLS-5 (003 §4.13–4.14): a confidential briefing is shared with another Member only with the requesting Member's permission.
export function canShareBriefing(briefing: { requestedBy: string; sharingPermittedBy?: string | null }, sharer: string): { allowed: boolean; reason: string } {
  if (briefing.requestedBy === sharer || briefing.sharingPermittedBy === briefing.requestedBy) {
    return { allowed: true, reason: 'The Member who asked for the briefing permits sharing.' };
  }
  return { allowed: false, reason: `This confidential briefing was requested by ${briefing.requestedBy}; it is not shared with other Members unless they permit it (003 §4.13–4.14).` };
}

// R-CLS-6 (000 §17.9.1; 001 §24.8(c)): personal data has a retention date; when it is reached the product prompts to erase it.
export function retentionDue(items: Array<{ id: string; title: string; personalData: PersonalData | null; erasedOn?: string | null }>, today: IsoDate): Array<{ id: string; title: string; retainUntil: IsoDate }> {
  parseIsoDate(today, 'Today');
  const due = [];
  for (const item of items) {
    const until = item.personalData?.personal ? item.personalData.retainUntil : null;
    if (until && !item.erasedOn && compareIso(until, today) <= 0) due.push({ id: item.id, title: item.title, retainUntil: until });
  }
  return due;
}

export function requireRetentionDate(personalData: PersonalData): PersonalData {
  if (personalData.personal && !personalData.retainUntil) {
    throw new DomainError('invalid-input', 'Personal data needs a retention date: when should it be erased? (000 §17.9.1)');
  }
  if (personalData.retainUntil) parseIsoDate(personalData.retainUntil, 'The retention date');
  return personalData;
}
