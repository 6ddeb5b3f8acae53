// One material-details form: what an item is called and says, its classification, whether it holds
// personal or special-category data (and when to erase it), whose it is and whether it is a briefing.
// Used where material is recorded on a request and where the Member classifies what arrived.
import type { ReactNode } from 'react';
import { holdsPersonalData, retentionProblem, type Classification, type PersonalData } from '../../../../shared/domain/classification';
import type { MaterialInput } from '../../../../shared/domain/material';
import { DateInput, Field, emptyDate, readDate, type DateParts, type FieldMap, type Problems } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { ukDate } from '../../../kit/ui';
import {
  ClassificationFields,
  classificationFieldMap,
  detailOf,
  readClassification,
  type ClassificationDetail,
} from './ClassificationDetails';

export interface MaterialDetailsValue {
  title: string;
  summary: string;
  level: Classification['level'] | '';
  detail: ClassificationDetail;
  personal: boolean;
  specialCategory: boolean;
  retainUntil: DateParts;
  thirdPartyName: string;
  isBriefing: boolean;
  briefingRequestedBy: string;
}

/** A fresh form: whether the next item holds personal data is a fresh question, never carried over. */
export function materialDetails(
  start: { title?: string; summary?: string; level?: Classification['level'] | '' } = {},
): MaterialDetailsValue {
  return {
    title: start.title ?? '',
    summary: start.summary ?? '',
    level: start.level ?? '',
    detail: detailOf(null),
    personal: false,
    specialCategory: false,
    retainUntil: emptyDate(),
    thirdPartyName: '',
    isBriefing: false,
    briefingRequestedBy: '',
  };
}

const CLASSIFICATION_MAP = classificationFieldMap('Classification');
export const MATERIAL_DETAILS_FIELDS = {
  fields: {
    title: { label: 'Title', missing: 'Give the material a title' },
    summary: 'Summary or text',
    ...CLASSIFICATION_MAP.fields,
    thirdPartyName: 'Whose information it is',
    briefingRequestedBy: 'Who asked for the briefing',
    retainUntil: { label: 'Erase by', missing: 'Enter the date to erase it by' },
  },
  aliases: { ...CLASSIFICATION_MAP.aliases, personalData: 'retainUntil' },
} satisfies FieldMap;

/** The personal-data flags as main will read them; the erase-by date only when its boxes make a real date. */
function personalDataOf(v: MaterialDetailsValue): PersonalData {
  const r = readDate(v.retainUntil, 'Erase by', { optional: true });
  return { personal: v.personal || v.specialCategory, specialCategory: v.specialCategory, retainUntil: 'iso' in r ? r.iso : null };
}

const unanswered = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();

export type MaterialDetailsInput = Pick<
  MaterialInput,
  'title' | 'summary' | 'classification' | 'personalData' | 'isBriefing' | 'briefingRequestedBy' | 'thirdPartyName'
>;

/**
 * Checks the details, adding every problem to `p` in the order the fields stand (`afterSummary` checks
 * what a form puts between the summary and the classification). What to send, or null.
 */
export function readMaterialDetails(
  v: MaterialDetailsValue,
  p: Problems,
  { allowBriefing, afterSummary }: { allowBriefing: boolean; afterSummary?: () => void },
): MaterialDetailsInput | null {
  p.require(v.title, 'title', 'Give the material a title')
    .limit(v.title, 200, 'title', 'Title')
    .limit(v.summary, 8000, 'summary', 'Summary or text');
  afterSummary?.();
  p.require(v.level, 'level', 'Choose the classification');
  const classification = v.level ? readClassification(v.level, v.detail, p) : null;
  const briefing = allowBriefing && v.isBriefing;
  if (briefing) p.limit(v.briefingRequestedBy, 120, 'briefingRequestedBy', 'Who asked for the briefing');
  p.limit(v.thirdPartyName, 120, 'thirdPartyName', 'Whose information it is');
  const personalData = personalDataOf(v);
  // R-CLS-1, R-CLS-6: the same rule main applies; an empty date gets main's words, a wrong one the date's own.
  if (holdsPersonalData(personalData)) {
    const missing = unanswered(v.retainUntil) ? retentionProblem(personalData) : null;
    if (missing) p.add('retainUntil', missing);
    else p.date(v.retainUntil, 'retainUntil', 'Erase by');
  }
  if (p.any || !classification) return null;
  return {
    title: v.title,
    summary: v.summary,
    classification,
    personalData: holdsPersonalData(personalData) ? personalData : { personal: false, specialCategory: false, retainUntil: null },
    isBriefing: briefing,
    ...(briefing && v.briefingRequestedBy.trim() ? { briefingRequestedBy: v.briefingRequestedBy } : {}),
    thirdPartyName: v.thirdPartyName,
  };
}

/**
 * The fields. `levels` is what this user may choose; `allowBriefing` is false for a PA, who is never
 * offered a briefing (R-CLS-5: a briefing is Member-only whatever its level).
 */
export function MaterialDetailsFields({
  value: v,
  onChange,
  levels,
  choose,
  levelHint,
  allowBriefing,
  afterSummary,
}: {
  value: MaterialDetailsValue;
  onChange: (v: MaterialDetailsValue) => void;
  levels?: readonly Classification['level'][];
  choose?: boolean;
  levelHint?: string;
  allowBriefing: boolean;
  afterSummary?: ReactNode;
}) {
  const set = (changes: Partial<MaterialDetailsValue>) => onChange({ ...v, ...changes });
  const personalData = personalDataOf(v);
  // Said live, in main's words, as soon as either box is ticked, until an erase-by date is typed.
  const missing = unanswered(v.retainUntil) ? retentionProblem(personalData) : null;
  return (
    <>
      <Field label="Title" name="title" limit={{ max: 200, value: v.title }}>
        {(p) => <input {...p} value={v.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field label="Summary or text" name="summary" limit={{ max: 8000, value: v.summary }}>
        {(p) => <textarea {...p} rows={3} value={v.summary} onChange={(e) => set({ summary: e.target.value })} />}
      </Field>
      {afterSummary}
      <ClassificationFields
        level={v.level}
        onLevel={(level) => set({ level })}
        detail={v.detail}
        onDetail={(detail) => set({ detail })}
        levels={levels}
        choose={choose}
        hint={levelHint}
      />
      {allowBriefing && (
        <label className="checkbox">
          <input type="checkbox" checked={v.isBriefing} onChange={(e) => set({ isBriefing: e.target.checked })} /> This is a briefing given
          to me in confidence
        </label>
      )}
      {allowBriefing && v.isBriefing && (
        <Field
          label="Who asked for the briefing"
          name="briefingRequestedBy"
          hint="Leave empty if you asked for it. Sharing it with another Member needs their permission."
        >
          {(p) => <input {...p} value={v.briefingRequestedBy} onChange={(e) => set({ briefingRequestedBy: e.target.value })} />}
        </Field>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={personalData.personal}
          // Special-category data is personal data too, so that tick holds this one.
          disabled={v.specialCategory}
          onChange={(e) => set({ personal: e.target.checked })}
        />{' '}
        Contains personal data
      </label>
      <div>
        <label className="checkbox">
          <input type="checkbox" checked={v.specialCategory} onChange={(e) => set({ specialCategory: e.target.checked })} /> It includes
          special category personal data (health, ethnicity, religion, sexuality, trade union membership…)
        </label>{' '}
        <Glossary term="special-category" />
      </div>
      <Field
        label="Whose information it is, if it belongs to someone else"
        name="thirdPartyName"
        hint="Their consent is needed before it is passed on (protocol 002)."
      >
        {(p) => <input {...p} value={v.thirdPartyName} onChange={(e) => set({ thirdPartyName: e.target.value })} />}
      </Field>
      {holdsPersonalData(personalData) && (
        <DateInput
          label="Erase by"
          name="retainUntil"
          value={v.retainUntil}
          onChange={(retainUntil) => set({ retainUntil })}
          hint={missing ?? 'When it is no longer needed for your duties.'}
        />
      )}
    </>
  );
}

/** How an item's personal data reads where it is listed: "Special category personal data, erase by 01/05/2027". */
export function personalDataLabel(pd: PersonalData): string | null {
  if (!holdsPersonalData(pd)) return null;
  const kind = pd.specialCategory ? 'Special category personal data' : 'Personal data';
  return `${kind}${pd.retainUntil ? `, erase by ${ukDate(pd.retainUntil)}` : ''}`;
}
