import { LEVELS, SCHEDULE_12A, levelNames, type Classification } from '../../../../shared/domain/classification';
import { ukDate } from '../../../kit/ui';
import { DateInput, Field, dateParts, readDate, type DateParts, type FieldMap, type Problems } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';

/** How a classification reads wherever material is listed. */
export function classificationLabel(c: Classification): string {
  if (c.level === 'exempt') return `Exempt: Schedule 12A paragraph ${c.paragraph} (${SCHEDULE_12A[c.paragraph]})`;
  if (c.level === 'pink-paper') return `Pink paper: ${c.committee}, ${ukDate(c.meetingDate)}, ${c.agendaItem}`;
  return levelNames[c.level];
}

/** What a classification form asks beyond the level: the exempt paragraph, and a pink paper's details (R-CLS-1). */
export interface ClassificationDetail {
  paragraph: number;
  committee: string;
  meetingDate: DateParts;
  agendaItem: string;
  author: string;
}

export function detailOf(c: Classification | null): ClassificationDetail {
  return {
    paragraph: c && (c.level === 'exempt' || c.level === 'pink-paper') ? (c.paragraph ?? 1) : 1,
    committee: c?.level === 'pink-paper' ? c.committee : '',
    meetingDate: dateParts(c?.level === 'pink-paper' ? c.meetingDate : null),
    agendaItem: c?.level === 'pink-paper' ? c.agendaItem : '',
    author: c?.level === 'pink-paper' ? c.authorDesignation : '',
  };
}

/** The classification a form describes; main validates it (shared/domain/classification). */
function classificationFrom(
  level: Classification['level'],
  d: ClassificationDetail,
  confidentialBasis: 'given-in-confidence' | 'statutory' = 'given-in-confidence',
): Classification {
  if (level === 'exempt') return { level, paragraph: d.paragraph };
  if (level === 'pink-paper')
    return {
      level,
      committee: d.committee,
      meetingDate: isoOf(d.meetingDate),
      agendaItem: d.agendaItem,
      authorDesignation: d.author,
      paragraph: d.paragraph,
    };
  if (level === 'confidential') return { level, basis: confidentialBasis };
  return { level } as Classification;
}

function isoOf(parts: DateParts): string {
  const r = readDate(parts, 'Meeting date');
  return 'iso' in r && r.iso ? r.iso : '';
}

/** The classification fields' names and labels for a form's error map; `levelLabel` is what the level box is called there. */
export function classificationFieldMap(levelLabel: string) {
  return {
    fields: {
      level: { label: levelLabel, missing: `Choose the ${levelLabel.toLowerCase()}` },
      paragraph: { label: 'Schedule 12A paragraph', missing: 'Choose the Schedule 12A paragraph' },
      committee: { label: 'Committee', missing: COMMITTEE_MISSING },
      meetingDate: { label: 'Meeting date', missing: 'Enter the date of the meeting' },
      agendaItem: { label: 'Agenda item', missing: AGENDA_ITEM_MISSING },
      author: { label: 'Report author’s designation', missing: AUTHOR_MISSING },
    },
    aliases: { authorDesignation: 'author', level: 'level', classification: 'level' },
  } satisfies FieldMap;
}
const COMMITTEE_MISSING = 'Enter the committee the pink paper went to';
const AGENDA_ITEM_MISSING = 'Enter the agenda item';
const AUTHOR_MISSING = 'Enter the report author’s designation';

/**
 * R-CLS-1: checks what the level asks for (a pink paper records its committee, meeting, item and author),
 * adding problems to `p` so all show at once; the classification to send when the form has no problem.
 */
export function readClassification(
  level: Classification['level'],
  d: ClassificationDetail,
  p: Problems,
  confidentialBasis?: 'given-in-confidence' | 'statutory',
): Classification | null {
  if (level === 'pink-paper') {
    p.require(d.committee, 'committee', COMMITTEE_MISSING).limit(d.committee, 120, 'committee', 'Committee');
    p.date(d.meetingDate, 'meetingDate', 'Meeting date');
    p.require(d.agendaItem, 'agendaItem', AGENDA_ITEM_MISSING).limit(d.agendaItem, 200, 'agendaItem', 'Agenda item');
    p.require(d.author, 'author', AUTHOR_MISSING).limit(d.author, 120, 'author', 'Report author’s designation');
  }
  return p.any ? null : classificationFrom(level, d, confidentialBasis);
}

/** The fields for the chosen level: used where material is recorded and where it is reclassified. */
export function ClassificationDetails({
  level,
  detail,
  onChange,
}: {
  level: Classification['level'];
  detail: ClassificationDetail;
  onChange: (d: ClassificationDetail) => void;
}) {
  const set = <K extends keyof ClassificationDetail>(key: K, value: ClassificationDetail[K]) => onChange({ ...detail, [key]: value });
  return (
    <>
      {(level === 'exempt' || level === 'pink-paper') && (
        <Field
          label="Schedule 12A paragraph"
          name="paragraph"
          hint={
            <>
              The kind of exempt information. <Glossary term="exempt" />
            </>
          }
        >
          {(p) => (
            <select {...p} value={detail.paragraph} onChange={(e) => set('paragraph', Number(e.target.value))}>
              {Object.entries(SCHEDULE_12A).map(([n, text]) => (
                <option key={n} value={n}>
                  {n}: {text}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {level === 'pink-paper' && (
        <>
          <p className="hint">
            <Glossary term="pink-paper" label="What is a pink paper?" />
          </p>
          <Field label="Committee" name="committee">
            {(p) => <input {...p} value={detail.committee} onChange={(e) => set('committee', e.target.value)} />}
          </Field>
          <DateInput label="Meeting date" name="meetingDate" value={detail.meetingDate} onChange={(v) => set('meetingDate', v)} />
          <Field label="Agenda item" name="agendaItem">
            {(p) => <input {...p} value={detail.agendaItem} onChange={(e) => set('agendaItem', e.target.value)} />}
          </Field>
          <Field label="Report author’s designation" name="author">
            {(p) => <input {...p} value={detail.author} onChange={(e) => set('author', e.target.value)} />}
          </Field>
        </>
      )}
    </>
  );
}

/**
 * The level and the details it asks for, once: where material is recorded, where the Member classifies
 * what arrived, and where material is reclassified. `levels` is what this user may choose (a PA: open only).
 */
export function ClassificationFields({
  label = 'Classification',
  level,
  onLevel,
  detail,
  onDetail,
  levels = LEVELS,
  choose = false,
  hint,
}: {
  label?: string;
  level: Classification['level'] | '';
  onLevel: (level: Classification['level']) => void;
  detail: ClassificationDetail;
  onDetail: (d: ClassificationDetail) => void;
  levels?: readonly Classification['level'][];
  /** Starts on an empty "Choose…" so nothing is classified by default. */
  choose?: boolean;
  hint?: string;
}) {
  return (
    <>
      <Field label={label} name="level" hint={hint}>
        {(p) => (
          <select {...p} value={level} onChange={(e) => onLevel(e.target.value as Classification['level'])}>
            {choose && <option value="">Choose…</option>}
            {levels.map((v) => (
              <option key={v} value={v}>
                {levelNames[v]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {level && <ClassificationDetails level={level} detail={detail} onChange={onDetail} />}
    </>
  );
}
