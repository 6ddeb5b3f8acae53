import { useState, type FormEvent } from 'react';
import { levelNames, isProtected, type Classification } from '../../../../shared/domain/classification';
import { isVisibleInMode, type MeetingMode } from '../../../../shared/domain/protection';
import type { Material } from '../../../../shared/domain/material';
import type { RequestDetail } from '../../../../shared/ipc/views';
import type { RequestEvent } from '../../../../shared/domain/requests';
import { api } from '../../../app/api';
import { useRead } from '../../../db/useRead';
import type { Navigate } from '../../../app/routes';
import { ErrorMessage, Field, ukDate } from '../../../app/ui';
import { StatusTag } from './RequestsScreen';
import { MaterialAttachments } from './MaterialAttachments';
import { MaterialLifecycle, materialFate } from '../../materials/components/MaterialLifecycle';
import { DraftPanel } from '../../correspondence/components/DraftPanel';
import { RequestCorrespondence } from '../../correspondence/components/RequestCorrespondence';
import { ClassificationDetails, classificationFrom, classificationLabel, detailOf } from '../../materials/components/ClassificationDetails';
import { today } from '../../../app/clock';

const EVENT_NAMES: Record<RequestEvent['type'], string> = {
  acknowledged: 'Acknowledged',
  holding: 'Holding reply',
  answered: 'Answered',
  chased: 'Chased',
  escalated: 'Escalated',
  'mo-decision': 'Monitoring Officer decision',
  emailed: 'Email sent',
};

export function RequestScreen({ id, navigate, mode, isMember }: { id: string; navigate: Navigate; mode: MeetingMode; isMember: boolean }) {
  // A change to the request's material is announced as a change to the request too; disclosures are not.
  const { data: detail, error, reload } = useRead('requests:get', { id }, { refreshOn: [`request:${id}`, 'disclosure'] });
  // A command answers with the fresh detail; reading it again through the working set keeps every screen in step.
  const setDetail: (answer?: RequestDetail) => void = () => void reload();

  if (error && !detail) return <section className="screen"><h1>Request</h1><ErrorMessage message={error} /></section>;
  if (!detail) return <p className="loading">Loading…</p>;
  const { row } = detail;

  return (
    <section className="screen" aria-labelledby="request-heading">
      <p className="hint">{row.reference}</p>
      <h1 id="request-heading">{row.subject}</h1>
      <p>
        <StatusTag status={row.status} late={row.workingDaysLate} /> To {row.officerName} ({row.service}). Sent {ukDate(row.sentOn)};{' '}
        {row.acknowledgeBy ? `acknowledgement due ${ukDate(row.acknowledgeBy)}; ` : ''}answer due <strong>{ukDate(row.target)}</strong>.
      </p>
      <p>
        <button type="button" className="secondary" onClick={() => navigate({ name: 'reports', requestId: id })}>
          Report of this request…
        </button>
      </p>
      <details>
        <summary>How the due dates were worked out ({detail.profileName})</summary>
        <ol className="explanation">
          {detail.explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </details>
      <dl className="facts">
        <dt>Information sought</dt>
        <dd>{row.question}</dd>
        <dt>Capacity</dt>
        <dd>{row.capacity}</dd>
        <dt>Route</dt>
        <dd>{row.route}</dd>
        <dt>Need to know</dt>
        <dd>{detail.assessmentSummary}</dd>
        {row.meetingLabel && (
          <>
            <dt>Meeting</dt>
            <dd>{row.meetingLabel}</dd>
          </>
        )}
      </dl>
      {detail.foiOffered && (
        <p className="notice">
          The need to know was not made out. You can also ask under Freedom of Information: anyone’s right, answered within 20 working days, but the answer is public.
        </p>
      )}
      {row.awaitingMonitoringOfficer && <p className="notice">Awaiting the Monitoring Officer’s decision on the need to know.</p>}
      {row.chairNoticePending && (
        <p className="notice">
          The chair or executive member must be told what you asked and were given.{' '}
          <button type="button" className="secondary" onClick={async () => { const r = await api().requests.markChairNoticeSent({ id, on: today() }); if (r.ok) setDetail(r.value); }}>
            Mark the chair notice sent
          </button>
        </p>
      )}

      <h2>Timeline</h2>
      <ol className="timeline">
        <li>
          {ukDate(row.sentOn)}: Sent
        </li>
        {detail.events.map((e, i) => (
          <li key={i}>
            {ukDate(e.on)}: <strong>{EVENT_NAMES[e.type]}</strong>
            {e.type === 'holding' ? ` (new target ${ukDate(e.promisedBy)})` : ''}
            {e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
      <LogEventForm id={id} onDone={setDetail} />
      <DraftPanel requestId={id} onSent={() => void reload()} />
      <RequestCorrespondence requestId={id} refreshKey={detail.events.length} onChanged={() => void reload()} />

      <h2>What came back</h2>
      {detail.lockedMaterials > 0 && !isMember && <p className="locked">🔒 {detail.lockedMaterials} Member-only item{detail.lockedMaterials === 1 ? '' : 's'}: only the Member can open {detail.lockedMaterials === 1 ? 'it' : 'them'}.</p>}
      {detail.materials.length === 0 && <p>Nothing recorded yet.</p>}
      <ul className="materials">
        {detail.materials.map((m) => (
          <MaterialItem key={m.id} material={m} mode={mode} isMember={isMember} navigate={navigate} onChanged={reload} />
        ))}
      </ul>
      <AddMaterialForm requestId={id} isMember={isMember} onAdded={reload} />
    </section>
  );
}

function LogEventForm({ id, onDone }: { id: string; onDone: (d: RequestDetail) => void }) {
  const [type, setType] = useState<RequestEvent['type']>('acknowledged');
  const [on, setOn] = useState(today());
  const [note, setNote] = useState('');
  const [promisedBy, setPromisedBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const event = (type === 'holding' ? { type, on, note, promisedBy } : type === 'escalated' ? { type, on, note, informationWithheld: false } : type === 'mo-decision' ? { type, on, note, accepted: true, decidedBy: note || 'Monitoring Officer' } : { type, on, note }) as RequestEvent;
    const r = await api().requests.logEvent({ id, event });
    if (r.ok) {
      setError(null);
      setNote('');
      onDone(r.value);
    } else setError(r.error.message);
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Log a response">
      <ErrorMessage message={error} />
      <Field label="What happened">
        {(p) => (
          <select {...p} value={type} onChange={(e) => setType(e.target.value as RequestEvent['type'])}>
            {Object.entries(EVENT_NAMES).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="On">{(p) => <input {...p} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}</Field>
      {type === 'holding' && <Field label="Promised by">{(p) => <input {...p} type="date" value={promisedBy} onChange={(e) => setPromisedBy(e.target.value)} />}</Field>}
      <Field label="Note">{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <div>
        <button type="submit">Log it</button>
      </div>
    </form>
  );
}

function MaterialItem({ material, mode, isMember, navigate, onChanged }: { material: Material; mode: MeetingMode; isMember: boolean; navigate: Navigate; onChanged: () => void }) {
  const [opened, setOpened] = useState<Material | null>(null);
  const [error, setError] = useState<string | null>(null);
  const visible = isVisibleInMode(material, mode);
  if (!visible) return <li className="material placeholder">Protected material: hidden in {mode.kind === 'public-meeting' ? 'public-meeting mode' : 'this private session'}.</li>;
  return (
    <li className="material">
      <strong>{material.title}</strong> <span className={`tag ${isProtected(material.classification) ? 'tag-protected' : ''}`}>{classificationLabel(material.classification)}</span> received {ukDate(material.receivedOn)}
      {material.personalData.personal && !material.erasedOn && <span className="tag">Personal data{material.personalData.retainUntil ? `, erase by ${ukDate(material.personalData.retainUntil)}` : ''}</span>}
      {!materialFate(material) && <div className="actions">
        <button type="button" className="secondary" onClick={async () => { const r = await api().materials.view({ id: material.id }); if (r.ok) setOpened(r.value); else setError(r.error.message); }}>
          Open
        </button>{' '}
        {isMember && isProtected(material.classification) && (
          <button type="button" className="secondary" onClick={async () => { const r = await api().disclosures.start({ materialId: material.id }); if (r.ok) navigate({ name: 'disclosure', id: r.value.id }); else setError(r.error.message); }}>
            Pass it on (disclosure)…
          </button>
        )}
      </div>}
      <ErrorMessage message={error} />
      {opened && <p className="opened">{opened.summary || '(no summary recorded)'}</p>}
      <MaterialAttachments material={material} />
      {opened && !materialFate(material) && <p className="opened">{opened.summary || '(no summary recorded)'}</p>}
      <MaterialLifecycle material={material} isMember={isMember} onChanged={onChanged} />
    </li>
  );
}

function AddMaterialForm({ requestId, isMember, onAdded }: { requestId: string; isMember: boolean; onAdded: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [level, setLevel] = useState<Classification['level']>('unsure');
  const [detail, setDetail] = useState(() => detailOf(null));
  const [personal, setPersonal] = useState(false);
  const [retainUntil, setRetainUntil] = useState('');
  const [thirdPartyName, setThirdPartyName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const classification = classificationFrom(level, detail);
    const r = await api().materials.add({ requestId, title, summary, receivedOn, classification, personalData: { personal, specialCategory: false, retainUntil: personal ? retainUntil || null : null }, isBriefing: false, thirdPartyName });
    if (r.ok) {
      setError(null);
      setTitle('');
      setThirdPartyName('');
      setSummary('');
      // Whether the next item holds personal data is a fresh question, not carried over.
      setPersonal(false);
      setRetainUntil('');
      onAdded();
    } else setError(r.error.message);
  }

  return (
    <form className="stack wide" onSubmit={submit} aria-labelledby="add-material-heading" noValidate>
      <h3 id="add-material-heading">Record what the officer sent</h3>
      {!isMember && <p className="hint">As a PA you can record open material. Anything confidential, exempt, a pink paper or not yet known goes in the Member-only part, which only the Member can record.</p>}
      <ErrorMessage message={error} />
      <Field label="Title">{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
      <Field label="Summary or text">{(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}</Field>
      <Field label="Received on">{(p) => <input {...p} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />}</Field>
      <Field label="Classification" hint="If you are not sure, it is treated as confidential until the officer confirms.">
        {(p) => (
          <select {...p} value={level} onChange={(e) => setLevel(e.target.value as Classification['level'])}>
            {Object.entries(levelNames).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ClassificationDetails level={level} detail={detail} onChange={setDetail} />
      <label className="checkbox">
        <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} /> Contains personal data
      </label>
      <Field label="Whose information it is, if it belongs to someone else" hint="Their consent is needed before it is passed on (protocol 002).">
        {(p) => <input {...p} value={thirdPartyName} onChange={(e) => setThirdPartyName(e.target.value)} />}
      </Field>
      {personal && <Field label="Erase by">{(p) => <input {...p} type="date" value={retainUntil} onChange={(e) => setRetainUntil(e.target.value)} />}</Field>}
      <div>
        <button type="submit">Record it</button>
      </div>
    </form>
  );
}
