import { useState, type FormEvent } from 'react';
import { isProtected, levelNames, type Classification } from '../../../../shared/domain/classification';
import { ClassificationDetails, classificationFrom, detailOf } from './ClassificationDetails';
import { CONSENT_NAMES } from '../../../../shared/domain/material-lifecycle';
import type { Material } from '../../../../shared/domain/material';
import { api } from '../../../app/api';
import { ErrorMessage, Field, ukDate } from '../../../app/ui';
import { today } from '../../../app/clock';


/** "Erased on …", "Destroyed on …" or "Returned to … on …": what is left of material whose content is gone. */
export function materialFate(m: Pick<Material, 'erasedOn' | 'disposal'>): string | null {
  if (m.erasedOn) return `Erased on ${ukDate(m.erasedOn)}`;
  if (m.disposal?.how === 'destroyed') return `Destroyed on ${ukDate(m.disposal.on)}`;
  if (m.disposal?.how === 'returned') return `Returned to ${m.disposal.returnedTo ?? 'the council'} on ${ukDate(m.disposal.on)}`;
  return null;
}

/**
 * What can happen to one item after it arrives: change its classification, record the third party's
 * consent, keep or erase personal data, record it destroyed or returned. The main process decides;
 * these forms explain what each rule needs.
 */
export function MaterialLifecycle({ material, isMember, onChanged }: { material: Material; isMember: boolean; onChanged: () => void }) {
  const fate = materialFate(material);
  if (fate) {
    return (
      <p className="hint">
        <strong>{fate}</strong>. Only this record of it is kept; its text and attachments were deleted.
      </p>
    );
  }
  const protectedItem = isProtected(material.classification) || material.isBriefing;
  return (
    <div className="lifecycle">
      {material.thirdParty && <ConsentPanel material={material} onChanged={onChanged} />}
      {isMember && (
        <details>
          <summary>Change classification</summary>
          <ReclassifyForm material={material} onDone={onChanged} />
        </details>
      )}
      {material.personalData.personal && (
        <details>
          <summary>Keep or erase personal data</summary>
          <KeepUntilForm id={material.id} onDone={onChanged} />
          <EraseButton id={material.id} onDone={onChanged} />
        </details>
      )}
      {isMember && protectedItem && (
        <details>
          <summary>Record destroyed or returned</summary>
          <DisposalForm id={material.id} onDone={onChanged} />
        </details>
      )}
    </div>
  );
}

function ConsentPanel({ material, onChanged }: { material: Material; onChanged: () => void }) {
  const tp = material.thirdParty!;
  return (
    <div>
      <p>
        Third party: <strong>{tp.name}</strong>. Consent: <span className={`tag ${tp.consent === 'given' ? 'tag-answered' : 'tag-protected'}`}>{CONSENT_NAMES[tp.consent]}</span>
      </p>
      {tp.history && tp.history.length > 0 && (
        <ul className="explanation">
          {tp.history.map((h, i) => (
            <li key={i}>
              {ukDate(h.on)}: {CONSENT_NAMES[h.status]}
              {h.note ? `: ${h.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {tp.consent !== 'given' && <p className="hint">This belongs to {tp.name}: it is not passed on without their consent, unless the law requires it (protocol 002).</p>}
      <details>
        <summary>Record consent</summary>
        <ConsentForm id={material.id} onDone={onChanged} />
      </details>
    </div>
  );
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    const r = await call();
    if (r.ok) {
      setError(null);
      onDone();
    } else setError(r.error.message);
  };
  return { error, run };
}

function ConsentForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [status, setStatus] = useState<'asked' | 'given' | 'refused'>('asked');
  const [on, setOn] = useState(today());
  const [note, setNote] = useState('');
  const { error, run } = useSubmit(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api().materials.recordConsent({ id, status, on, note }));
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Record consent">
      <ErrorMessage message={error} />
      <Field label="Consent">
        {(p) => (
          <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="asked">Asked</option>
            <option value="given">Given</option>
            <option value="refused">Refused</option>
          </select>
        )}
      </Field>
      <Field label="Consent date">{(p) => <input {...p} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}</Field>
      <Field label="Consent note">{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <div>
        <button type="submit">Save consent</button>
      </div>
    </form>
  );
}

function ReclassifyForm({ material, onDone }: { material: Material; onDone: () => void }) {
  const current = material.classification;
  const [level, setLevel] = useState<Classification['level']>(current.level);
  const [detail, setDetail] = useState(() => detailOf(current));
  const [resMeeting, setResMeeting] = useState(current.level === 'pink-paper' ? current.committee : '');
  const [resDate, setResDate] = useState('');
  const [minute, setMinute] = useState('');
  const [officer, setOfficer] = useState('');
  const [confirmedOn, setConfirmedOn] = useState(today());
  const { error, run } = useSubmit(onDone);
  const leavingPink = current.level === 'pink-paper' && level !== 'pink-paper';
  const leavingUnsure = current.level === 'unsure' && level !== 'unsure';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const classification = classificationFrom(level, detail, current.level === 'confidential' ? current.basis : 'given-in-confidence');
    void run(() =>
      api().materials.reclassify({
        id: material.id,
        classification,
        resolution: leavingPink ? { meeting: resMeeting, date: resDate, minuteReference: minute } : null,
        confirmation: leavingUnsure ? { officer, on: confirmedOn } : null,
      }),
    );
  };

  return (
    <form className="stack wide" onSubmit={submit} aria-label="Change classification" noValidate>
      <ErrorMessage message={error} />
      <Field label="New classification">
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
      {leavingPink && (
        <fieldset>
          <legend>The committee’s resolution to admit the press and public</legend>
          <p className="hint">A pink paper stays confidential until the committee resolves not to exclude the press and public. Record that resolution.</p>
          <Field label="Meeting that resolved it">{(p) => <input {...p} value={resMeeting} onChange={(e) => setResMeeting(e.target.value)} />}</Field>
          <Field label="Date of the resolution">{(p) => <input {...p} type="date" value={resDate} onChange={(e) => setResDate(e.target.value)} />}</Field>
          <Field label="Minute reference">{(p) => <input {...p} value={minute} onChange={(e) => setMinute(e.target.value)} />}</Field>
        </fieldset>
      )}
      {leavingUnsure && (
        <fieldset>
          <legend>The officer’s confirmation</legend>
          <p className="hint">Until the officer confirms its status, this is treated as confidential. Record who confirmed it and when.</p>
          <Field label="Officer who confirmed">{(p) => <input {...p} value={officer} onChange={(e) => setOfficer(e.target.value)} />}</Field>
          <Field label="Date confirmed">{(p) => <input {...p} type="date" value={confirmedOn} onChange={(e) => setConfirmedOn(e.target.value)} />}</Field>
        </fieldset>
      )}
      <div>
        <button type="submit">Save the classification</button>
      </div>
    </form>
  );
}

export function KeepUntilForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const { error, run } = useSubmit(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api().materials.keepUntil({ id, until, reason }));
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Keep until">
      <ErrorMessage message={error} />
      <Field label="Keep until">{(p) => <input {...p} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />}</Field>
      <Field label="Why it is still needed">{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <div>
        <button type="submit" className="secondary">
          Keep until this date
        </button>
      </div>
    </form>
  );
}

/** Two steps, so a slip of the keyboard cannot erase anything. */
export function EraseButton({ id, onDone }: { id: string; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { error, run } = useSubmit(onDone);
  return (
    <div>
      <ErrorMessage message={error} />
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          Erase now
        </button>
      ) : (
        <div className="notice" role="group" aria-label="Confirm erasure">
          <p>The title, text and attachments are deleted for good; a record that something was erased, and when, is kept. Backups made before today still hold it.</p>
          <button type="button" onClick={() => void run(() => api().materials.erase({ id }))}>
            Erase for good
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

export function DisposalForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [how, setHow] = useState<'destroyed' | 'returned'>('destroyed');
  const [on, setOn] = useState(today());
  const [returnedTo, setReturnedTo] = useState('');
  const [reason, setReason] = useState('End of term');
  const { error, run } = useSubmit(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api().materials.recordDisposal({ id, how, on, reason, ...(how === 'returned' ? { returnedTo } : {}) }));
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Record destroyed or returned" noValidate>
      <ErrorMessage message={error} />
      <fieldset>
        <legend>What happened to it</legend>
        <label className="checkbox">
          <input type="radio" name={`how-${id}`} checked={how === 'destroyed'} onChange={() => setHow('destroyed')} /> Destroyed
        </label>
        <label className="checkbox">
          <input type="radio" name={`how-${id}`} checked={how === 'returned'} onChange={() => setHow('returned')} /> Returned
        </label>
      </fieldset>
      <Field label="On">{(p) => <input {...p} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}</Field>
      {how === 'returned' && <Field label="Returned to">{(p) => <input {...p} value={returnedTo} onChange={(e) => setReturnedTo(e.target.value)} />}</Field>}
      <Field label="Why" hint="For example: end of term, or no longer needed.">
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <p className="hint">Its text and attachments are then deleted from this app; the record that it was {how} is kept.</p>
      <div>
        <button type="submit">Record it {how}</button>
      </div>
    </form>
  );
}
