import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { refreshDirectory } from '../../../db/working-set';
import {
  meetingInputSchema,
  officerInputSchema,
  SENIORITIES,
  isRetired,
  offeredForNewChoices,
  seniorityNames,
  type Meeting,
  type Officer,
  type Seniority,
} from '../../../../shared/domain/directory';
import { api } from '../../../kit/api';
import { ukDate } from '../../../kit/ui';
import { DateInput, ErrorMessage, Field, Form, Problems, dateParts, emptyDate, useForm, type FieldMap } from '../../../kit/forms';
import { useDirectory } from '../../requests/hooks/useDirectory';
import { today } from '../../../kit/clock';
import { useRead } from '../../../db/useRead';
import { isPersonalEmailDomain, officerEmailWarning } from '../../../../shared/domain/requests';
import { emailDomainOf } from '../../../../shared/domain/email';
import { MeetingImport } from '../../meetings/components/MeetingImport';

/**
 * The officers directory and the meetings list: added, changed in place, retired and reinstated.
 * Nothing is deleted: a retired officer or meeting stays on every request that names it, and is only
 * no longer offered for new ones. The council settings are on the Settings screen.
 */
export function OfficersScreen() {
  // Both lists are read live from the working set; a save refills them at once (its change event would too).
  const { officers, meetings } = useDirectory();
  return (
    <section className="screen" aria-labelledby="officers-heading">
      <h1 id="officers-heading">Officers and meetings</h1>
      <p className="hint">The council protocol profile, nation, email domain and bank holidays are in Settings.</p>
      <OfficersSection officers={officers} />
      <MeetingsSection meetings={meetings} />
    </section>
  );
}

const bump = () => void refreshDirectory();

export const OFFICER_FIELDS: FieldMap = {
  fields: {
    name: { label: 'Officer’s name', missing: 'Enter the officer’s name' },
    role: { label: 'Role', missing: 'Enter the officer’s role' },
    service: { label: 'Service', missing: 'Enter the service' },
    seniority: { label: 'Seniority', missing: 'Choose the officer’s seniority' },
    email: { label: 'Officer’s email address', missing: 'Enter the officer’s email address' },
  },
};

export const MEETING_FIELDS: FieldMap = {
  fields: {
    committee: { label: 'Committee', missing: 'Enter the committee' },
    date: { label: 'Date of the meeting', missing: 'Enter the date of the meeting' },
    agendaItems: 'Agenda items',
  },
};

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** A form's values in one state object: set one, load a record's, or start again. */
function useValues<T extends object>(initial: () => T) {
  const [values, setValues] = useState<T>(initial);
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return { values, set, reset: () => setValues(initial()) };
}

/**
 * An add-or-change form's state: its values (a record's when changing one), its problems, and the
 * way it ends: back to adding with the change announced by the section, or cleared with "Added …".
 */
function useDirectoryForm<V extends object>(fields: FieldMap, initial: () => V, editing: boolean, onChanged: (message?: string) => void) {
  const { values, set, reset } = useValues(initial);
  const [saved, setSaved] = useState('');
  const form = useForm(fields);
  const saving = () => setSaved('');
  const done = (message: string) => {
    form.clear();
    bump();
    if (editing) return onChanged(`Saved the changes to ${message}.`);
    reset();
    setSaved(`Added ${message}.`);
  };
  return { values, set, saved, saving, done, form };
}

/** The form's heading; choosing "Change" brings the keyboard here. */
function FormHeading({ id, editing, children }: { id: string; editing: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) ref.current?.focus();
  }, [editing]);
  return (
    <h3 id={id} tabIndex={-1} ref={ref}>
      {children}
    </h3>
  );
}

type Outcome<T> = Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>;

/**
 * What the officers and meetings sections share: the current and retired records, which one is being
 * changed, which one is being retired (asked in words first, with how many requests name it), the
 * last thing done (announced, and focused when the button that did it has gone) and a failure from
 * main in plain words.
 */
function useDirectoryActions<T extends Officer | Meeting>(kind: 'officer' | 'meeting', records: T[]) {
  const { data: counts } = useRead(kind === 'officer' ? 'officers:requestCounts' : 'meetings:requestCounts', undefined, {
    refreshOn: ['request', kind],
  });
  const calls = (kind === 'officer' ? api().officers : api().meetings) as unknown as {
    retire: (input: { id: string }) => Outcome<T>;
    reinstate: (input: { id: string }) => Outcome<T>;
  };
  const [editing, setEditing] = useState<T | null>(null);
  const [confirming, setConfirming] = useState<T | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Bumped when the message should take the focus. */
  const [focusKey, setFocusKey] = useState(0);
  const prefix = useId();
  /** The id of a record's "Change" button, so Cancel can return the keyboard to it. */
  const changeButtonId = (id: string) => `${prefix}-change-${id}`;
  const retireButtonId = (id: string) => `${prefix}-retire-${id}`;
  const announce = (text: string) => {
    setMessage(text);
    setError(null);
    // The button pressed is gone (its row moved, or the form changed mode): the message takes the focus.
    setFocusKey((k) => k + 1);
  };
  const act = async (call: Outcome<T>, done: (value: T) => string) => {
    const r = await call;
    if (!r.ok) return setError(r.error.message);
    setConfirming(null);
    if (editing && editing.id === r.value.id) setEditing(null);
    bump();
    announce(done(r.value));
  };
  return {
    current: offeredForNewChoices(records),
    retired: records.filter(isRetired),
    /** How many requests name the record being retired (null until main has counted). */
    count: confirming && counts ? (counts[confirming.id] ?? 0) : null,
    editing,
    confirming,
    status: { message, error, focusKey },
    changeButtonId,
    retireButtonId,
    edit: (record: T) => {
      setConfirming(null);
      setMessage('');
      setEditing(record);
    },
    /** Back to adding: with what was saved announced, or (cancelled) to the row's Change button. */
    stopEditing: (text?: string) => {
      const left = editing;
      setEditing(null);
      if (text) announce(text);
      else if (left) requestAnimationFrame(() => document.getElementById(changeButtonId(left.id))?.focus());
    },
    askToRetire: (record: T) => {
      setMessage('');
      setError(null);
      setConfirming(record);
    },
    /** "No, keep them": the question goes and the keyboard is back on the row's Retire button. */
    cancelRetire: () => {
      const asked = confirming;
      setConfirming(null);
      if (asked) requestAnimationFrame(() => document.getElementById(retireButtonId(asked.id))?.focus());
    },
    retire: (record: T, done: (value: T) => string) => act(calls.retire({ id: record.id }), done),
    reinstate: (record: T, done: (value: T) => string) => act(calls.reinstate({ id: record.id }), done),
  };
}

/** A section's heading, then what was last done in it (polite), focused when the button that did it has gone. */
function SectionStart({ title, status }: { title: string; status: { message: string; error: string | null; focusKey: number } }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status.focusKey > 0) ref.current?.focus();
  }, [status.focusKey]);
  return (
    <>
      <h2>{title}</h2>
      <p role="status" className="success" tabIndex={-1} ref={ref}>
        {status.message}
      </p>
      <ErrorMessage message={status.error} />
    </>
  );
}

/** "Retire X?" in words, with what happens to the requests that name it; focused when it opens. */
function ConfirmRetire({
  title,
  children,
  yes,
  no,
  onYes,
  onNo,
}: {
  title: string;
  children: ReactNode;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="stack wide confirm" role="group" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1} ref={ref}>
        {title}
      </h3>
      <p>{children}</p>
      <div>
        <button type="button" className="warning" onClick={onYes}>
          {yes}
        </button>{' '}
        <button type="button" className="secondary" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}

/** A row's action button whose accessible name says which record it acts on ("Change Jane Smith"). */
function RowButton({ verb, who, onClick, id }: { verb: string; who: string; onClick: () => void; id?: string }) {
  return (
    <button type="button" className="link" id={id} onClick={onClick}>
      {verb} <span className="visually-hidden">{who}</span>
    </button>
  );
}

function OfficersSection({ officers }: { officers: Officer[] }) {
  const actions = useDirectoryActions('officer', officers);
  const { confirming, count } = actions;
  return (
    <>
      <SectionStart title="Officers" status={actions.status} />
      <OfficerTable
        officers={actions.current}
        extra={[
          ['Seniority', (o) => seniorityNames[o.seniority]],
          ['Email', (o) => o.email],
        ]}
        actions={(o) => (
          <>
            <RowButton verb="Change" who={o.name} id={actions.changeButtonId(o.id)} onClick={() => actions.edit(o)} />{' '}
            <RowButton verb="Retire" who={o.name} id={actions.retireButtonId(o.id)} onClick={() => actions.askToRetire(o)} />
          </>
        )}
      />
      {confirming && (
        <ConfirmRetire
          title={`Retire ${confirming.name}?`}
          yes={`Yes, retire ${confirming.name}`}
          no="No, keep them"
          onYes={() =>
            void actions.retire(
              confirming,
              (o) => `Retired ${o.name}. They are listed under Retired officers, where they can be reinstated.`,
            )
          }
          onNo={actions.cancelRetire}
        >
          They will no longer be offered for new requests;{' '}
          {count === null
            ? 'every request sent to them keeps their name.'
            : count === 0
              ? 'no request names them.'
              : `their ${plural(count, 'request keeps', 'requests keep')} their name.`}
        </ConfirmRetire>
      )}
      <OfficerForm key={actions.editing?.id ?? 'new'} editing={actions.editing} onChanged={actions.stopEditing} />
      <h3>Retired officers</h3>
      {actions.retired.length === 0 ? (
        <p className="hint">None. A retired officer keeps their name on every request sent to them.</p>
      ) : (
        <OfficerTable
          officers={actions.retired}
          extra={[['Retired on', (o) => ukDate(o.retiredOn)]]}
          actions={(o) => (
            <RowButton
              verb="Reinstate"
              who={o.name}
              onClick={() => void actions.reinstate(o, (r) => `Reinstated ${r.name}. They are offered for new requests again.`)}
            />
          )}
        />
      )}
    </>
  );
}

/** Officers in a table: name (the row's header), role, service, the `extra` columns, then the row's buttons. */
function OfficerTable({
  officers,
  extra,
  actions,
}: {
  officers: Officer[];
  extra: Array<[string, (o: Officer) => ReactNode]>;
  actions: (o: Officer) => ReactNode;
}) {
  const columns: Array<[string, (o: Officer) => ReactNode]> = [['Role', (o) => o.role], ['Service', (o) => o.service], ...extra];
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          {columns.map(([heading]) => (
            <th scope="col" key={heading}>
              {heading}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {officers.map((o) => (
          <tr key={o.id}>
            <th scope="row">{o.name}</th>
            {columns.map(([heading, cell]) => (
              <td key={heading}>{cell(o)}</td>
            ))}
            <td>{actions(o)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const noOfficer = () => ({ name: '', role: '', service: '', seniority: 'head-of-service' as Seniority, email: '' });

/** Add an officer, or (given one) change their details in place. */
function OfficerForm({ editing, onChanged }: { editing: Officer | null; onChanged: (message?: string) => void }) {
  const { values, set, saved, saving, done, form } = useDirectoryForm(
    OFFICER_FIELDS,
    () =>
      editing
        ? { name: editing.name, role: editing.role, service: editing.service, seniority: editing.seniority, email: editing.email }
        : noOfficer(),
    editing !== null,
    onChanged,
  );
  const { name, role, service, seniority, email } = values;
  const headingId = useId();
  // R-ASK-9 (000 §17.13.2): the address is checked against the council's domain as it is typed.
  const { data: council } = useRead('council:get', undefined, { refreshOn: ['council-settings'] });
  const domain = emailDomainOf(email);
  const warning = domain ? officerEmailWarning(email, council?.settings.emailDomain) : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    saving();
    // The schema main saves with (shared/domain/directory), in the same words; then the personal-address rule main applies too.
    const p = new Problems();
    p.schema(officerInputSchema.safeParse(values), OFFICER_FIELDS);
    if (domain && isPersonalEmailDomain(domain)) p.add('email', warning ?? 'Use the officer’s council email address');
    if (p.any) return form.fail(p.inFieldOrder(OFFICER_FIELDS));
    const r = await api().officers.save({ ...(editing ? { id: editing.id } : {}), ...values });
    if (!r.ok) return form.failWith(r.error);
    done(r.value.name);
  }
  return (
    <Form form={form} onSubmit={submit} aria-labelledby={headingId}>
      <FormHeading id={headingId} editing={editing !== null}>
        {editing ? 'Change an officer’s details' : 'Add an officer'}
      </FormHeading>
      {editing && (
        <p className="hint">
          Requests already sent to {editing.name} will show the name you save here; each keeps the service it was sent to.
        </p>
      )}
      <Field label="Officer’s name" name="name">
        {(p) => <input {...p} value={name} onChange={(e) => set('name')(e.target.value)} />}
      </Field>
      <Field label="Role" name="role">
        {(p) => <input {...p} value={role} onChange={(e) => set('role')(e.target.value)} />}
      </Field>
      <Field label="Service" name="service">
        {(p) => <input {...p} value={service} onChange={(e) => set('service')(e.target.value)} />}
      </Field>
      <Field label="Seniority" name="seniority" hint="Requests go to Chief Officers, Directors or Heads of Service.">
        {(p) => (
          <select {...p} value={seniority} onChange={(e) => set('seniority')(e.target.value as Seniority)}>
            {SENIORITIES.map((s) => (
              <option key={s} value={s}>
                {seniorityNames[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Officer’s email address" name="email" hint="Their council address.">
        {(p) => <input {...p} type="email" value={email} onChange={(e) => set('email')(e.target.value)} />}
      </Field>
      <p className="warning" aria-live="polite" data-testid="officer-email-warning">
        {warning}
      </p>
      <FormButtons editing={editing !== null} add="Add officer" onCancel={() => onChanged()} />
      <p role="status" className="success">
        {saved}
      </p>
    </Form>
  );
}

/** "Add …", or "Save changes" with a way back to adding. */
function FormButtons({ editing, add, onCancel }: { editing: boolean; add: string; onCancel: () => void }) {
  return (
    <div>
      <button type="submit">{editing ? 'Save changes' : add}</button>
      {editing && (
        <>
          {' '}
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}

const meetingName = (m: Meeting) => `${m.committee}, ${ukDate(m.date)}`;
const itemText = (m: Meeting, item: string) => (m.privateItems?.includes(item) ? `${item} (private: pink papers)` : item);

function MeetingsSection({ meetings }: { meetings: Meeting[] }) {
  const actions = useDirectoryActions('meeting', meetings);
  const { confirming, count } = actions;
  return (
    <>
      <SectionStart title="Meetings" status={actions.status} />
      <ul className="meetings">
        {actions.current.map((m) => (
          <li key={m.id}>
            {meetingName(m)}: {m.agendaItems.map((item) => itemText(m, item)).join('; ')}{' '}
            <RowButton verb="Change" who={meetingName(m)} id={actions.changeButtonId(m.id)} onClick={() => actions.edit(m)} />{' '}
            <RowButton verb="Retire" who={meetingName(m)} id={actions.retireButtonId(m.id)} onClick={() => actions.askToRetire(m)} />
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmRetire
          title={`Retire ${meetingName(confirming)}?`}
          yes={`Yes, retire ${meetingName(confirming)}`}
          no="No, keep it"
          onYes={() =>
            void actions.retire(
              confirming,
              (m) => `Retired ${meetingName(m)}. It is listed under Retired meetings, where it can be reinstated.`,
            )
          }
          onNo={actions.cancelRetire}
        >
          It will no longer be offered for new s.100F requests or private sessions;{' '}
          {count === null
            ? 'every request that names it keeps showing it.'
            : count === 0
              ? 'no request names it.'
              : `its ${plural(count, 'request keeps', 'requests keep')} showing it.`}
        </ConfirmRetire>
      )}
      <MeetingImport onImported={bump} />
      <MeetingForm key={actions.editing?.id ?? 'new'} editing={actions.editing} onChanged={actions.stopEditing} />
      <h3>Retired meetings</h3>
      {actions.retired.length === 0 ? (
        <p className="hint">None. A retired meeting still shows on every request that names it.</p>
      ) : (
        <ul className="meetings">
          {actions.retired.map((m) => (
            <li key={m.id}>
              {meetingName(m)} (retired on {ukDate(m.retiredOn)}){' '}
              <RowButton
                verb="Reinstate"
                who={meetingName(m)}
                onClick={() => void actions.reinstate(m, (r) => `Reinstated ${meetingName(r)}. It is offered again.`)}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Add a meeting, or (given one) change its committee, date and agenda items. Private items are kept by main. */
function MeetingForm({ editing, onChanged }: { editing: Meeting | null; onChanged: (message?: string) => void }) {
  const { values, set, saved, saving, done, form } = useDirectoryForm(
    MEETING_FIELDS,
    () =>
      editing
        ? { committee: editing.committee, date: dateParts(editing.date), items: editing.agendaItems.join('\n') }
        : { committee: '', date: emptyDate(), items: '' },
    editing !== null,
    onChanged,
  );
  const { committee, date, items } = values;
  const headingId = useId();
  async function submit(e: FormEvent) {
    e.preventDefault();
    saving();
    const p = new Problems();
    const iso = p.date(date, 'date', 'Date of the meeting');
    const agendaItems = items
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    // The schema main saves with (shared/domain/directory), in the same words; the date boxes were read above.
    p.schema(meetingInputSchema.safeParse({ committee, date: iso ?? today(), agendaItems }), MEETING_FIELDS);
    if (p.any || !iso) return form.fail(p.inFieldOrder(MEETING_FIELDS));
    const r = await api().meetings.save({ ...(editing ? { id: editing.id } : {}), committee, date: iso, agendaItems });
    // Main refuses dropping an agenda item a request names (or a private one): the message belongs to that box.
    if (!r.ok && r.error.code === 'refused') return form.fail([{ field: 'agendaItems', message: r.error.message }]);
    if (!r.ok) return form.failWith(r.error);
    done(meetingName(r.value));
  }
  const privateItems = editing?.privateItems ?? [];
  return (
    <Form form={form} onSubmit={submit} aria-labelledby={headingId}>
      <FormHeading id={headingId} editing={editing !== null}>
        {editing ? 'Change a meeting' : 'Add a meeting'}
      </FormHeading>
      <Field label="Committee" name="committee">
        {(p) => <input {...p} value={committee} onChange={(e) => set('committee')(e.target.value)} />}
      </Field>
      <DateInput label="Date of the meeting" name="date" value={date} onChange={set('date')} />
      <Field
        label="Agenda items"
        name="agendaItems"
        hint={
          editing
            ? `One per line. An item a request names cannot be removed or renamed.${privateItems.length ? ` Taken in private (pink papers): ${privateItems.join('; ')}.` : ''}`
            : 'One per line.'
        }
      >
        {(p) => <textarea {...p} rows={3} value={items} onChange={(e) => set('items')(e.target.value)} />}
      </Field>
      <FormButtons editing={editing !== null} add="Add meeting" onCancel={() => onChanged()} />
      <p role="status" className="success">
        {saved}
      </p>
    </Form>
  );
}
