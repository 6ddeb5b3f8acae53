import { useState, type FormEvent } from 'react';
import { refreshDirectory } from '../../../db/working-set';
import { SENIORITIES, seniorityNames, type Seniority } from '../../../../shared/domain/directory';
import { api } from '../../../app/api';
import { ErrorMessage, Field, ukDate } from '../../../app/ui';
import { useDirectory } from '../../requests/hooks/useDirectory';
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
            {m.committee}, {ukDate(m.date)}: {m.agendaItems.map((item) => (m.privateItems?.includes(item) ? `${item} (private: pink papers)` : item)).join('; ')}
          </li>
        ))}
      </ul>
      <MeetingImport onImported={bump} />
      <MeetingForm onSaved={bump} />
    </section>
  );
}

function OfficerForm({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [service, setService] = useState('');
  const [seniority, setSeniority] = useState<Seniority>('head-of-service');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api().officers.save({ name, role, service, seniority, email });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setName('');
    setRole('');
    setEmail('');
    onSaved();
  }
  return (
    <form className="stack wide" onSubmit={submit} aria-labelledby="add-officer-heading" noValidate>
      <h3 id="add-officer-heading">Add an officer</h3>
      <ErrorMessage message={error} />
      <Field label="Officer’s name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label="Role">{(p) => <input {...p} value={role} onChange={(e) => setRole(e.target.value)} />}</Field>
      <Field label="Service">{(p) => <input {...p} value={service} onChange={(e) => setService(e.target.value)} />}</Field>
      <Field label="Seniority">
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
      <Field label="Council email">{(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
      <div>
        <button type="submit">Add officer</button>
      </div>
    </form>
  );
}

function MeetingForm({ onSaved }: { onSaved: () => void }) {
  const [committee, setCommittee] = useState('');
  const [date, setDate] = useState('');
  const [items, setItems] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api().meetings.save({ committee, date, agendaItems: items.split('\n').map((s) => s.trim()).filter(Boolean) });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setCommittee('');
    setItems('');
    onSaved();
  }
  return (
    <form className="stack wide" onSubmit={submit} aria-labelledby="add-meeting-heading" noValidate>
      <h3 id="add-meeting-heading">Add a meeting</h3>
      <ErrorMessage message={error} />
      <Field label="Committee">{(p) => <input {...p} value={committee} onChange={(e) => setCommittee(e.target.value)} />}</Field>
      <Field label="Date">{(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
      <Field label="Agenda items" hint="One per line.">{(p) => <textarea {...p} rows={3} value={items} onChange={(e) => setItems(e.target.value)} />}</Field>
      <div>
        <button type="submit">Add meeting</button>
      </div>
    </form>
  );
}
