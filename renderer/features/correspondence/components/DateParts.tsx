import { useId } from 'react';

export interface DateValue {
  day: string;
  month: string;
  year: string;
}

export const dateValueOf = (iso: string): DateValue => ({ day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) });

/** The date as YYYY-MM-DD, or the problem in words (GOV.UK date input messages). */
export function isoFrom(v: DateValue, what: string): { iso: string } | { error: string } {
  if (!v.day.trim() || !v.month.trim() || !v.year.trim()) return { error: `Enter ${what} with a day, month and year` };
  const d = Number(v.day);
  const m = Number(v.month);
  const y = Number(v.year);
  if (![d, m, y].every(Number.isInteger) || v.year.trim().length !== 4) return { error: `${what[0]!.toUpperCase()}${what.slice(1)} must be a real date` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { error: `${what[0]!.toUpperCase()}${what.slice(1)} must be a real date` };
  return { iso: date.toISOString().slice(0, 10) };
}

/** GOV.UK day/month/year boxes in a fieldset; `id` goes on the day box (the error summary links there). */
export function DateParts({ id, legend, hint, error, value, onChange }: { id: string; legend: string; hint?: string; error?: string | null; value: DateValue; onChange: (v: DateValue) => void }) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const box = (part: keyof DateValue, label: string, width: string) => (
    <div className="date-part">
      <label htmlFor={part === 'day' ? id : `${id}-${part}`}>{label}</label>
      <input
        id={part === 'day' ? id : `${id}-${part}`}
        className={width}
        inputMode="numeric"
        autoComplete="off"
        value={value[part]}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange({ ...value, [part]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className="field date-input" role="group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error">
          {error}
        </p>
      )}
      {box('day', 'Day', 'width-2')}
      {box('month', 'Month', 'width-2')}
      {box('year', 'Year', 'width-4')}
    </fieldset>
  );
}
