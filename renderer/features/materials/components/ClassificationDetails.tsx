import { SCHEDULE_12A, levelNames, type Classification } from '../../../../shared/domain/classification';
import { Field, ukDate } from '../../../app/ui';

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
  meetingDate: string;
  agendaItem: string;
  author: string;
}

export function detailOf(c: Classification | null): ClassificationDetail {
  return {
    paragraph: c && (c.level === 'exempt' || c.level === 'pink-paper') ? (c.paragraph ?? 1) : 1,
    committee: c?.level === 'pink-paper' ? c.committee : '',
    meetingDate: c?.level === 'pink-paper' ? c.meetingDate : '',
    agendaItem: c?.level === 'pink-paper' ? c.agendaItem : '',
    author: c?.level === 'pink-paper' ? c.authorDesignation : '',
  };
}

/** The classification a form describes; main validates it (shared/domain/classification). */
export function classificationFrom(level: Classification['level'], d: ClassificationDetail, confidentialBasis: 'given-in-confidence' | 'statutory' = 'given-in-confidence'): Classification {
  if (level === 'exempt') return { level, paragraph: d.paragraph };
  if (level === 'pink-paper') return { level, committee: d.committee, meetingDate: d.meetingDate, agendaItem: d.agendaItem, authorDesignation: d.author, paragraph: d.paragraph };
  if (level === 'confidential') return { level, basis: confidentialBasis };
  return { level } as Classification;
}

/** The fields for the chosen level: used where material is recorded and where it is reclassified. */
export function ClassificationDetails({ level, detail, onChange }: { level: Classification['level']; detail: ClassificationDetail; onChange: (d: ClassificationDetail) => void }) {
  const set = <K extends keyof ClassificationDetail>(key: K, value: ClassificationDetail[K]) => onChange({ ...detail, [key]: value });
  return (
    <>
      {(level === 'exempt' || level === 'pink-paper') && (
        <Field label="Schedule 12A paragraph">
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
          <Field label="Committee">{(p) => <input {...p} value={detail.committee} onChange={(e) => set('committee', e.target.value)} />}</Field>
          <Field label="Meeting date">{(p) => <input {...p} type="date" value={detail.meetingDate} onChange={(e) => set('meetingDate', e.target.value)} />}</Field>
          <Field label="Agenda item">{(p) => <input {...p} value={detail.agendaItem} onChange={(e) => set('agendaItem', e.target.value)} />}</Field>
          <Field label="Report author’s designation">{(p) => <input {...p} value={detail.author} onChange={(e) => set('author', e.target.value)} />}</Field>
        </>
      )}
    </>
  );
}
