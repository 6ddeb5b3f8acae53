import { useState, type FormEvent } from 'react';
import { refreshDirectory } from '../../../db/working-set';
import { SENIORITIES, seniorityNames, type Seniority } from '../../../../shared/domain/directory';
import { api } from '../../../app/api';
import { ukDate } from '../../../app/ui';
import { DateInput, Field, Form, Problems, emptyDate, useForm, type DateParts, type FieldMap } from '../../../app/forms';
import { useDirectory } from '../../requests/hooks/useDirectory';
import { useRead } from '../../../db/useRead';
import { isPersonalEmailDomain, officerEmailWarning } from '../../../../shared/domain/requests';
import { MeetingImport } from '../../meetings/components/MeetingImport';

/** The officers directory and the meetings list. The council settings are on the Settings screen. */
export function OfficersScreen() {
  // Both lists are read live from the working set; a save refills them at once (its change event would too).
  const { officers, meetings } = useDirectory();
  const bump = () => void refreshDirectory();
  return (
    <section className="screen" aria-labelledby="officers-heading">
      <h1 id="officers-heading">Officers and meetings</h1>
      <p className="hint">The council protocol profile, nation, email domain and bank holidays are in Settings.</p>
      <h2>Officers</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Service</th>
            <th scope="col">Seniority</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {officers.map((o) => (
            <tr key={o.id}>
              <td>{o.name}</td>
              <td>{o.role}</td>
              <td>{o.service}</td>
              <td>{seniorityNames[o.seniority]}</td>
              <td>{o.email}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OfficerForm onSaved={bump} />
      <h2>Meetings</h2>
      <ul>
        {meetings.map((m) => (
          <li key={m.id}>
            {m.committee}, {ukDate(m.date)}:{' '}
            {m.agendaItems.map((item) => (m.privateItems?.includes(item) ? `${item} (private: pink papers)` : item)).join('; ')}
          </li>
        ))}
      </ul>
      <MeetingImport onImported={bump} />
      <MeetingForm onSaved={bump} />
    </section>
  );
}

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function OfficerForm({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [service, setService] = useState('');
  const [seniority, setSeniority] = useState<Seniority>('head-of-service');
  const [email, setEmail] = useState('');
  const [saved, setSaved] = useState('');
  const form = useForm(OFFICER_FIELDS);
  // R-ASK-9 (000 §17.13.2): the address is checked against the council's domain as it is typed.
  const { data: council } = useRead('council:get', undefined, { refreshOn: ['council-settings'] });
  const warning = EMAIL.test(email.trim()) ? officerEmailWarning(email, council?.settings.emailDomain) : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const p = new Problems();
    p.require(name, 'name', 'Enter the officer’s name')
      .require(role, 'role', 'Enter the officer’s role')
      .require(service, 'service', 'Enter the service');
    if (!email.trim()) p.add('email', 'Enter the officer’s email address');
    else if (!EMAIL.test(email.trim())) p.add('email', 'Officer’s email address is not a valid email address');
    else if (isPersonalEmailDomain(email.trim().split('@')[1] ?? '')) p.add('email', warning ?? 'Use the officer’s council email address');
    for (const [k, v] of [
      ['name', name],
      ['role', role],
      ['service', service],
    ] as const)
      p.limit(v, 120, k, k === 'name' ? 'Officer’s name' : k === 'role' ? 'Role' : 'Service');
    if (p.any) return form.fail(p.list);
    const r = await api().officers.save({ name, role, service, seniority, email });
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    setName('');
    setRole('');
    setService('');
    setSeniority('head-of-service');
    setEmail('');
    setSaved(`Added ${r.value.name}.`);
    onSaved();
  }
  return (
    <Form form={form} onSubmit={submit} aria-labelledby="add-officer-heading">
      <h3 id="add-officer-heading">Add an officer</h3>
      <Field label="Officer’s name" name="name">
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Role" name="role">
        {(p) => <input {...p} value={role} onChange={(e) => setRole(e.target.value)} />}
      </Field>
      <Field label="Service" name="service">
        {(p) => <input {...p} value={service} onChange={(e) => setService(e.target.value)} />}
      </Field>
      <Field label="Seniority" name="seniority" hint="Requests go to Chief Officers, Directors or Heads of Service.">
        {(p) => (
          <select {...p} value={seniority} onChange={(e) => setSeniority(e.target.value as Seniority)}>
            {SENIORITIES.map((s) => (
              <option key={s} value={s}>
                {seniorityNames[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Officer’s email address" name="email" hint="Their council address.">
        {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <p className="warning" aria-live="polite" data-testid="officer-email-warning">
        {warning}
      </p>
      <div>
        <button type="submit">Add officer</button>
      </div>
      <p role="status" className="success">
        {saved}
      </p>
    </Form>
  );
}

function MeetingForm({ onSaved }: { onSaved: () => void }) {
  const [committee, setCommittee] = useState('');
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [items, setItems] = useState('');
  const [saved, setSaved] = useState('');
  const form = useForm(MEETING_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const p = new Problems();
    p.require(committee, 'committee', 'Enter the committee').limit(committee, 120, 'committee', 'Committee');
    const iso = p.date(date, 'date', 'Date of the meeting');
    const agendaItems = items
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    if (agendaItems.some((i) => i.length > 200)) p.add('agendaItems', 'Each agenda item must be 200 characters or fewer');
    if (p.any || !iso) return form.fail(p.list);
    const r = await api().meetings.save({ committee, date: iso, agendaItems });
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    setCommittee('');
    setDate(emptyDate());
    setItems('');
    setSaved(`Added ${r.value.committee}, ${ukDate(r.value.date)}.`);
    onSaved();
  }
  return (
    <Form form={form} onSubmit={submit} aria-labelledby="add-meeting-heading">
      <h3 id="add-meeting-heading">Add a meeting</h3>
      <Field label="Committee" name="committee">
        {(p) => <input {...p} value={committee} onChange={(e) => setCommittee(e.target.value)} />}
      </Field>
      <DateInput label="Date of the meeting" name="date" value={date} onChange={setDate} />
      <Field label="Agenda items" name="agendaItems" hint="One per line.">
        {(p) => <textarea {...p} rows={3} value={items} onChange={(e) => setItems(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Add meeting</button>
      </div>
      <p role="status" className="success">
        {saved}
      </p>
    </Form>
  );
}
