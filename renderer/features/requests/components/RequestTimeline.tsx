// The request's timeline (date order, corrections shown beside the entry they correct) and the
// commands that correct or end a request: edit, withdraw, close, reopen. Every rule is main's; these
// forms only gather the answers, check what can be checked before saving, and show main's reasons.
import { useState, type FormEvent } from 'react';
import type { RequestDetail, TimelineItem } from '../../../../shared/ipc/views';
import { CLOSE_OUTCOMES, type CloseOutcome } from '../../../../shared/domain/request-lifecycle';
import { REQUEST_LIMITS, requestFieldSchemas } from '../../../../shared/domain/request-draft';
import { isIsoDate } from '../../../../shared/domain/dates';
import { splitAddresses } from '../hooks/useNewRequest';
import { api } from '../../../kit/api';
import { ukDate } from '../../../kit/ui';
import { DateInput, Field, Form, Problems, dateParts, useForm, type DateParts, type FieldMap } from '../../../kit/forms';
import { today } from '../../../kit/clock';

/** A correction as the page says it: "Corrected on 24/11/2026: date was 23/11/2026 — Typed the wrong day". */
function correctionText(c: TimelineItem['corrections'][number]): string {
  const changes = c.changes
    .map((ch) => `${ch.label.toLowerCase()} was ${isIsoDate(ch.from) ? ukDate(ch.from) : `“${ch.from || '(none)'}”`}`)
    .join(', ');
  return `Corrected on ${ukDate(c.on)}: ${changes} — ${c.reason}`;
}

export function Timeline({
  id,
  sentOn,
  items,
  canCorrect,
  onChanged,
}: {
  id: string;
  sentOn: string;
  items: TimelineItem[];
  canCorrect: boolean;
  onChanged: () => void;
}) {
  const [correcting, setCorrecting] = useState<string | null>(null);
  return (
    <ol className="timeline" data-testid="timeline">
      <li>{ukDate(sentOn)}: Sent</li>
      {items.map((e) => (
        <li key={e.id} data-entry={e.type}>
          {ukDate(e.on)}: <strong>{e.label}</strong>
          {e.promisedBy ? ` (new target ${ukDate(e.promisedBy)})` : ''}
          {e.note ? `: ${e.note}` : ''}
          {e.details.length > 0 && (
            <ul>
              {e.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {e.corrections.map((c, i) => (
            <p key={i} className="hint correction">
              {correctionText(c)}
            </p>
          ))}
          {canCorrect && e.correctable && correcting !== e.id && (
            <button type="button" className="secondary link-button" onClick={() => setCorrecting(e.id)}>
              Correct
              <span className="visually-hidden">
                {' '}
                the {e.label.toLowerCase()} entry of {ukDate(e.on)}
              </span>
            </button>
          )}
          {correcting === e.id && (
            <CorrectForm
              id={id}
              entry={e}
              onCancel={() => setCorrecting(null)}
              onDone={() => {
                setCorrecting(null);
                onChanged();
              }}
            />
          )}
        </li>
      ))}
    </ol>
  );
}

const CORRECT_FIELDS: FieldMap = {
  fields: {
    on: { label: 'Correct date', missing: 'Enter the correct date' },
    promisedBy: { label: 'Correct promised date', missing: 'Enter the promised date' },
    note: 'Note',
    reason: { label: 'Why it is being corrected', missing: 'Say why the entry is being corrected' },
  },
  aliases: { entryId: 'on', changes: 'on', corrects: 'on' },
};

/** The correction form's reason field and save button. */
const CORRECTION_WORDS = { reason: 'Why it is being corrected', button: 'Save the correction' };

function CorrectForm({ id, entry, onCancel, onDone }: { id: string; entry: TimelineItem; onCancel: () => void; onDone: () => void }) {
  const [on, setOn] = useState<DateParts>(() => dateParts(entry.on));
  const [promisedBy, setPromisedBy] = useState<DateParts>(() => dateParts(entry.promisedBy));
  const [note, setNote] = useState(entry.note);
  const [reason, setReason] = useState('');
  const form = useForm(CORRECT_FIELDS);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const p = new Problems();
    const date = p.date(on, 'on', 'Correct date', { notFuture: true });
    const promised = entry.promisedBy ? p.date(promisedBy, 'promisedBy', 'Correct promised date') : null;
    p.limit(note, 2000, 'note', 'Note');
    p.require(reason, 'reason', 'Say why the entry is being corrected').limit(reason, 2000, 'reason', CORRECTION_WORDS.reason);
    if (p.any) return form.fail(p.list);
    const changes: { on?: string; promisedBy?: string; note?: string } = {};
    if (date && date !== entry.on) changes.on = date;
    if (promised && promised !== entry.promisedBy) changes.promisedBy = promised;
    if (note.trim() !== entry.note) changes.note = note;
    const r = await api().requests.correctEvent({ id, entryId: entry.id, changes, reason });
    if (r.ok) onDone();
    else form.failWith(r.error);
  }
  return (
    <Form form={form} onSubmit={submit} aria-label={`Correct the ${entry.label.toLowerCase()} entry`}>
      <p className="hint">The entry as first recorded is kept; the correction is shown beside it with your reason.</p>
      <DateInput label="Correct date" name="on" value={on} onChange={setOn} />
      {entry.promisedBy && <DateInput label="Correct promised date" name="promisedBy" value={promisedBy} onChange={setPromisedBy} />}
      <Field label="Note" name="note" limit={{ max: 2000, value: note }}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <ReasonAndSave words={CORRECTION_WORDS} reason={reason} onReason={setReason} onCancel={onCancel} />
    </Form>
  );
}

type Action = 'edit' | 'withdraw' | 'close' | 'reopen';
const ACTION_WORDS: Record<Action, string> = { edit: 'Edit request', withdraw: 'Withdraw', close: 'Close', reopen: 'Reopen' };
const STATE_WORDS = { withdrawn: 'Withdrawn', closed: 'Closed' } as const;

/** Edit, withdraw, close or reopen: only the commands the request's state allows are offered. */
export function LifecycleActions({ detail, onChanged }: { detail: RequestDetail; onChanged: () => void }) {
  const [open, setOpen] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const { lifecycle } = detail;
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    onChanged();
  };
  return (
    <div className="lifecycle">
      {lifecycle.state !== 'open' && (
        <p className="notice" data-testid="request-ended">
          {STATE_WORDS[lifecycle.state]} on {ukDate(lifecycle.since)}
          {lifecycle.reason ? `: ${lifecycle.reason}` : ''}. It no longer counts on Today.
        </p>
      )}
      <p className="actions">
        {lifecycle.allowed.map((a) => (
          <button
            key={a}
            type="button"
            className="secondary"
            aria-expanded={open === a}
            onClick={() => {
              setDone('');
              setOpen(open === a ? null : a);
            }}
          >
            {ACTION_WORDS[a]}…
          </button>
        ))}
      </p>
      <p role="status" className="success">
        {done}
      </p>
      {open === 'edit' && (
        <EditForm
          detail={detail}
          onCancel={() => setOpen(null)}
          onDone={() => finish('The request was changed; the old wording is kept on the timeline.')}
        />
      )}
      {(open === 'withdraw' || open === 'close' || open === 'reopen') && (
        <EndForm action={open} id={detail.row.id} onCancel={() => setOpen(null)} onDone={finish} />
      )}
    </div>
  );
}

const END_FIELDS: FieldMap = {
  fields: {
    on: { label: 'Date', missing: 'Enter the date' },
    outcome: { label: 'Outcome', missing: 'Say whether it was answered or is no longer needed' },
    reason: { label: 'Reason', missing: 'Give the reason' },
  },
  aliases: { note: 'reason' },
};

function EndForm({
  action,
  id,
  onCancel,
  onDone,
}: {
  action: 'withdraw' | 'close' | 'reopen';
  id: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const [on, setOn] = useState<DateParts>(() => dateParts(today()));
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<CloseOutcome>('answered');
  const form = useForm(END_FIELDS);
  const words = {
    withdraw: {
      heading: 'Withdraw this request',
      reason: 'Why you are withdrawing it',
      button: 'Withdraw this request',
      done: 'The request was withdrawn.',
    },
    close: { heading: 'Close this request', reason: 'Note (optional)', button: 'Close this request', done: 'The request was closed.' },
    reopen: {
      heading: 'Reopen this request',
      reason: 'Why you are reopening it',
      button: 'Reopen this request',
      done: 'The request was reopened.',
    },
  }[action];
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const p = new Problems();
    const date = p.date(on, 'on', 'Date', { notFuture: true });
    if (action !== 'close')
      p.require(
        reason,
        'reason',
        action === 'withdraw' ? 'Say why the request is being withdrawn' : 'Say why the request is being reopened',
      );
    p.limit(reason, 2000, 'reason', words.reason);
    if (p.any || !date) return form.fail(p.list);
    const r =
      action === 'withdraw'
        ? await api().requests.withdraw({ id, on: date, reason })
        : action === 'close'
          ? await api().requests.close({ id, on: date, outcome, ...(reason.trim() ? { note: reason } : {}) })
          : await api().requests.reopen({ id, on: date, reason });
    if (r.ok) onDone(words.done);
    else form.failWith(r.error);
  }
  return (
    <Form form={form} onSubmit={submit} aria-label={words.heading}>
      <h3>{words.heading}</h3>
      {action !== 'reopen' && <p className="hint">It leaves Today’s counts. Nothing is deleted, and you can reopen it later.</p>}
      <DateInput label="Date" name="on" value={on} onChange={setOn} />
      {action === 'close' && (
        <Field label="Outcome" name="outcome">
          {(p) => (
            <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value as CloseOutcome)}>
              {Object.entries(CLOSE_OUTCOMES).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <ReasonAndSave words={words} reason={reason} onReason={setReason} onCancel={onCancel} />
    </Form>
  );
}

const EDIT_FIELDS: FieldMap = {
  fields: {
    subject: { label: 'Subject', missing: 'Give the request a short subject' },
    informationSought: 'What you asked for',
    purpose: 'Purpose',
    justification: 'Why you need it',
    ward: 'Ward',
    agendaItem: 'Agenda item',
    copies: 'People copied',
    reason: 'Why it is being changed',
  },
  aliases: { changes: 'subject', capacityDetail: 'subject', meetingId: 'agendaItem', mayBeRaisedAtMeeting: 'agendaItem' },
};

const TEXT_FIELDS = [
  ['subject', 'Subject', REQUEST_LIMITS.subject],
  ['informationSought', 'What you asked for', REQUEST_LIMITS.informationSought],
  ['purpose', 'Purpose', REQUEST_LIMITS.purpose],
  ['justification', 'Why you need it', REQUEST_LIMITS.justification],
  ['ward', 'Ward', REQUEST_LIMITS.ward],
  ['agendaItem', 'Agenda item', REQUEST_LIMITS.agendaItem],
] as const;
type TextField = (typeof TEXT_FIELDS)[number][0];

/** The edit form's reason field and save button. */
const EDIT_WORDS = { reason: 'Why it is being changed (optional)', button: 'Save the changes' };

function EditForm({ detail, onCancel, onDone }: { detail: RequestDetail; onCancel: () => void; onDone: () => void }) {
  const d = detail.draft;
  const initial = (f: TextField): string => (d?.[f] ?? '') as string;
  const [values, setValues] = useState<Record<TextField, string>>(
    () => Object.fromEntries(TEXT_FIELDS.map(([f]) => [f, initial(f)])) as Record<TextField, string>,
  );
  const [copies, setCopies] = useState((d?.copies ?? []).join(', '));
  const [reason, setReason] = useState('');
  const form = useForm(EDIT_FIELDS);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    // Each field with the rule main edits it by (shared/domain/request-draft), in the same words.
    const p = new Problems();
    for (const [f] of TEXT_FIELDS) p.schema(requestFieldSchemas[f].safeParse(values[f].trim()), EDIT_FIELDS, [f]);
    const list = splitAddresses(copies);
    p.schema(requestFieldSchemas.copies.safeParse(list), EDIT_FIELDS, ['copies']);
    p.limit(reason, 2000, 'reason', 'Why it is being changed');
    if (p.any) return form.fail(p.list);
    const changes: Record<string, unknown> = {};
    for (const [f] of TEXT_FIELDS) if (values[f].trim() !== initial(f).trim()) changes[f] = values[f];
    if (list.join(',') !== (d?.copies ?? []).join(',')) changes.copies = list;
    if (Object.keys(changes).length === 0)
      return form.fail([{ field: 'subject', message: 'Nothing has changed: change a field, or cancel.' }]);
    const r = await api().requests.edit({ id: detail.row.id, changes, ...(reason.trim() ? { reason } : {}) });
    if (r.ok) onDone();
    else form.failWith(r.error);
  }
  return (
    <Form form={form} onSubmit={submit} aria-label="Edit request">
      <h3>Edit request</h3>
      <p className="hint">
        The date sent, the officer, the route and the role you asked in fix the deadlines, so they cannot change here. Each change is kept
        on the timeline.
      </p>
      {TEXT_FIELDS.map(([f, label, max]) => (
        <Field key={f} label={label} name={f} limit={{ max, value: values[f] }}>
          {(p) =>
            max > 200 ? (
              <textarea {...p} rows={3} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            ) : (
              <input {...p} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            )
          }
        </Field>
      ))}
      <Field label="People copied" name="copies" hint="Email addresses, separated by commas.">
        {(p) => <input {...p} value={copies} onChange={(e) => setCopies(e.target.value)} />}
      </Field>
      <ReasonAndSave words={EDIT_WORDS} reason={reason} onReason={setReason} onCancel={onCancel} />
    </Form>
  );
}

/** The end of every form that changes what is on record: why (kept beside the change), then save or cancel. */
function ReasonAndSave({
  words,
  reason,
  onReason,
  onCancel,
}: {
  /** The reason field's label and the save button's words. */
  words: { reason: string; button: string };
  reason: string;
  onReason: (reason: string) => void;
  onCancel: () => void;
}) {
  return (
    <>
      <Field label={words.reason} name="reason" limit={{ max: 2000, value: reason }}>
        {(p) => <input {...p} value={reason} onChange={(e) => onReason(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit">{words.button}</button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
