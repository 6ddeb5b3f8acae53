// GOV.UK form patterns, once: the error summary (top, focused, links to fields), field messages,
// the day/month/year date input and character limits shown before saving.
import { createContext, useContext, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { compareIso, isIsoDate, parseIsoDate } from '../../shared/domain/dates';
import { describeIssues } from '../../shared/domain/errors';
import { today } from './clock';
import { plainErrors, plainMessage, type FieldMap, type FormError } from './errors';

export type { FormError, FieldMap } from './errors';

/** Today's date in the UK (Europe/London), from the app's one clock: YYYY-MM-DD. */
export const ukToday = (): string => today();

export interface FormApi {
  prefix: string;
  errors: FormError[];
  focusKey: number;
  idFor: (name: string) => string;
  errorFor: (name: string) => string | null;
  /** Shows these problems (all at once) and moves focus to the summary. Returns false so handlers can `return form.fail(...)`. */
  fail: (errors: FormError[]) => false;
  /** A failure from main, mapped to this form's fields in plain words. */
  failWith: (error: { message: string }) => false;
  clear: () => void;
}

/** One form's problems; `fields` names its fields and labels for the error mapper. */
export function useForm(map: FieldMap = { fields: {} }): FormApi {
  const prefix = useId().replace(/:/g, '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const fail = (list: FormError[]) => {
    setErrors(list);
    setFocusKey((k) => k + 1);
    return false as const;
  };
  return {
    prefix,
    errors,
    focusKey,
    idFor: (name: string) => `${prefix}-${name}`,
    errorFor: (name: string) => errors.find((e) => e.field === name)?.message ?? null,
    fail,
    failWith: (error: { message: string }) => fail(plainErrors(error.message, map)),
    clear: () => setErrors([]),
  };
}

const FormContext = createContext<FormApi | null>(null);

/** Problems found before saving, collected so every one is shown at once. */
export class Problems {
  readonly list: FormError[] = [];
  add(field: string | undefined, message: string) {
    if (!this.list.some((e) => e.field !== undefined && e.field === field)) this.list.push({ field, message });
    return this;
  }
  /** Adds `message` when `value` is blank. */
  require(value: string | null | undefined, field: string, message: string) {
    if (!value || !value.trim()) this.add(field, message);
    return this;
  }
  /** Adds a message when the text is over its limit. */
  limit(value: string | null | undefined, max: number, field: string, label: string) {
    if (value && value.length > max) this.add(field, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`);
    return this;
  }
  /**
   * The problems a shared schema (shared/domain) found, in the words main's refusal of the same value
   * is shown in: the form and main check with one rule and say the same. `path` names a lone field.
   */
  schema<T>(result: z.ZodSafeParseResult<T>, map: FieldMap, path: string[] = []): T | null {
    if (result.success) return result.data;
    for (const e of plainErrors(describeIssues(result.error.issues, path), map)) this.add(e.field, e.message);
    return null;
  }
  /** The problems in the order their fields are on the page (the order of the form's field map). */
  inFieldOrder(map: FieldMap): FormError[] {
    const order = Object.keys(map.fields);
    const at = (e: FormError) => (e.field && order.includes(e.field) ? order.indexOf(e.field) : order.length);
    return [...this.list].sort((a, b) => at(a) - at(b));
  }
  /** Reads a date field, adding its problem; the ISO date, or null. */
  date(parts: DateParts, field: string, label: string, options: DateOptions = {}): string | null {
    const r = readDate(parts, label, options);
    if ('error' in r) {
      if (r.error) this.add(field, r.error);
      return null;
    }
    return r.iso;
  }
  get any() {
    return this.list.length > 0;
  }
}

interface FormProps {
  form: FormApi;
  onSubmit: (event: FormEvent) => void;
  className?: string;
  children: ReactNode;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/** A form with the GOV.UK error summary at its top; its fields find their errors by name. */
export function Form({ form, onSubmit, className = 'stack wide', children, ...aria }: FormProps) {
  return (
    <FormContext.Provider value={form}>
      <form className={className} onSubmit={onSubmit} noValidate {...aria}>
        <ErrorSummary form={form} />
        {children}
      </form>
    </FormContext.Provider>
  );
}

/** GOV.UK error summary: "There is a problem", focused when shown, each problem a link that focuses its field. */
export function ErrorSummary({ form }: { form: FormApi }) {
  const ref = useRef<HTMLDivElement>(null);
  const { errors, focusKey } = form;
  useEffect(() => {
    if (focusKey > 0 && errors.length) ref.current?.focus();
  }, [focusKey, errors.length]);
  if (!errors.length) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby={`${form.prefix}-summary-title`}
      data-testid="error-summary"
    >
      <h2 id={`${form.prefix}-summary-title`}>There is a problem</h2>
      <ul>
        {errors.map((e, i) =>
          e.field ? (
            <li key={i}>
              <a
                href={`#${form.idFor(e.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  const target = document.getElementById(form.idFor(e.field!));
                  target?.focus();
                  target?.scrollIntoView?.({ block: 'center' });
                }}
              >
                {e.message}
              </a>
            </li>
          ) : (
            <li key={i}>{e.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}

interface FieldProps {
  label: ReactNode;
  /** The field's name in its form: its id, and where its errors are found. */
  name?: string;
  hint?: ReactNode;
  error?: string | null;
  /** A character limit, shown before saving, with the live count. */
  limit?: { max: number; value: string };
  /** The control's id outside a form (for an error summary of the caller's own), as DateInput takes. */
  id?: string;
  children: (props: { id: string; name?: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** Label, hint, limit and error tied to the control for screen readers. */
export function Field({ label, name, hint, error, limit, id: givenId, children }: FieldProps) {
  const form = useContext(FormContext);
  const ownId = useId();
  const hintId = useId();
  const errorId = useId();
  const countId = useId();
  const id = givenId ?? (form && name ? form.idFor(name) : ownId);
  const message = error ?? (form && name ? form.errorFor(name) : null);
  const limitHint = limit ? `You can enter up to ${limit.max.toLocaleString('en-GB')} characters.` : null;
  const describedBy =
    [hint || limitHint ? hintId : null, message ? errorId : null, limit ? countId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${message ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {(hint || limitHint) && (
        <p id={hintId} className="hint">
          {hint}
          {hint && limitHint ? ' ' : ''}
          {limitHint}
        </p>
      )}
      <FieldErrorText id={errorId} message={message} />
      {children({ id, ...(name ? { name } : {}), 'aria-describedby': describedBy, ...(message ? { 'aria-invalid': true as const } : {}) })}
      {limit && <CharacterCount id={countId} max={limit.max} length={limit.value.length} />}
    </div>
  );
}

/** A form's button and, under it, the live line that says what was saved (heard by a screen reader). */
export function SubmitWithStatus({ label, saved }: { label: string; saved: string }) {
  return (
    <>
      <div>
        <button type="submit">{label}</button>
      </div>
      <p role="status" className="success">
        {saved}
      </p>
    </>
  );
}

/** GOV.UK error message under a field's label, "Error:" read out first. */
function FieldErrorText({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="error">
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

function CharacterCount({ id, max, length }: { id: string; max: number; length: number }) {
  const left = max - length;
  const text =
    left >= 0
      ? `You have ${left.toLocaleString('en-GB')} character${left === 1 ? '' : 's'} remaining`
      : `You have ${(-left).toLocaleString('en-GB')} character${left === -1 ? '' : 's'} too many`;
  return (
    <p id={id} className={left < 0 ? 'error count' : 'hint count'} aria-live="polite">
      {text}
    </p>
  );
}

/** The three boxes of a date, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate = (): DateParts => ({ day: '', month: '', year: '' });

/** The boxes for a stored date (YYYY-MM-DD), or empty ones. */
export function dateParts(iso: string | null | undefined): DateParts {
  const date = iso?.slice(0, 10);
  return isIsoDate(date)
    ? { day: String(Number(date.slice(8))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) }
    : emptyDate();
}

export interface DateOptions {
  /** Empty boxes are fine (the date is optional): read as no date. */
  optional?: boolean;
  /** The date cannot be after today (the UK date). */
  notFuture?: boolean;
  /** The date must be after today. */
  future?: boolean;
  /** Today, for tests. */
  today?: string;
}

/**
 * GOV.UK date rules, with the domain's strict parser deciding what is real (31/02/2026 is not).
 * `{ iso: null }` is an optional date left empty.
 */
export function readDate(parts: DateParts, label: string, options: DateOptions = {}): { iso: string | null } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return options.optional ? { iso: null } : { error: `Enter ${lowerFirst(label)}` };
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean) as string[];
  if (missing.length) return { error: `${label} must include ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  try {
    parseIsoDate(iso);
  } catch {
    return { error: `${label} must be a real date` };
  }
  const today = options.today ?? ukToday();
  if (options.notFuture && compareIso(iso, today) > 0) return { error: `${label} must be today or in the past` };
  if (options.future && compareIso(iso, today) <= 0) return { error: `${label} must be in the future` };
  return { iso };
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

interface DateInputProps {
  label: ReactNode;
  name: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  hint?: ReactNode;
  error?: string | null;
  /** The day box's id, for a form that keeps its own error summary (otherwise the form names it). */
  id?: string;
}

/** GOV.UK date input: day, month and year boxes in one fieldset, so a date reads the UK way on any laptop. */
export function DateInput({ label, name, value, onChange, hint, error, id }: DateInputProps) {
  const form = useContext(FormContext);
  const ownId = useId();
  const base = id ?? (form ? form.idFor(name) : `${ownId}-${name}`);
  const message = error ?? (form ? form.errorFor(name) : null);
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [hintId, message ? errorId : null].filter(Boolean).join(' ');
  const box = (part: keyof DateParts, text: string, width: string) => (
    <div className="date-item">
      <label htmlFor={part === 'day' ? base : `${base}-${part}`}>{text}</label>
      <input
        id={part === 'day' ? base : `${base}-${part}`}
        name={`${name}-${part}`}
        className={width}
        inputMode="numeric"
        autoComplete="off"
        value={value[part]}
        aria-invalid={message ? true : undefined}
        onChange={(e) => onChange({ ...value, [part]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset className={`field date-input${message ? ' field-error' : ''}`} role="group" aria-describedby={describedBy}>
      <legend>{label}</legend>
      <p id={hintId} className="hint">
        {hint ? <>{hint} </> : null}For example, 27 3 2026
      </p>
      <FieldErrorText id={errorId} message={message} />
      <div className="date-boxes">
        {box('day', 'Day', 'width-2')}
        {box('month', 'Month', 'width-2')}
        {box('year', 'Year', 'width-4')}
      </div>
    </fieldset>
  );
}

/** A one-line error for screens without a form (a failed load, a button's action), in plain words. */
export function ErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="error">
      {plainMessage(message)}
    </p>
  );
}
