import { useState, type FormEvent } from 'react';
import { holdsPersonalData, isProtected, type Classification } from '../../../../shared/domain/classification';
import { ClassificationFields, classificationFieldMap, detailOf, readClassification } from './ClassificationDetails';
import { CONSENT_NAMES, evidenceNeededFor } from '../../../../shared/domain/material-lifecycle';
import type { Material } from '../../../../shared/domain/material';
import { api } from '../../../kit/api';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { today } from '../../../kit/clock';
import {
  DateInput,
  Field,
  Form,
  Problems,
  dateParts,
  emptyDate,
  useForm,
  type FieldMap,
  type FormApi,
  type DateParts,
} from '../../../kit/forms';

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
      {holdsPersonalData(material.personalData) && (
        <details>
          <summary>Keep or erase {material.personalData.specialCategory ? 'special category ' : ''}personal data</summary>
          <KeepUntilForm id={material.id} onDone={onChanged} />
          <EraseButton id={material.id} onDone={onChanged} />
        </details>
      )}
      {isMember && material.isBriefing && material.briefing && <BriefingPanel material={material} onChanged={onChanged} />}
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
        Third party: <strong>{tp.name}</strong>. Consent:{' '}
        <span className={`tag ${tp.consent === 'given' ? 'tag-answered' : 'tag-protected'}`}>{CONSENT_NAMES[tp.consent]}</span>
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
      {tp.consent !== 'given' && (
        <p className="hint">
          This belongs to {tp.name}: it is not passed on without their consent, unless the law requires it (protocol 002).
        </p>
      )}
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

/** Calls main for a form: on success clears and reports; on failure maps main's answer onto the form's fields. */
async function submitForm(
  form: FormApi,
  call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>,
  onDone: () => void,
) {
  const r = await call();
  if (r.ok) {
    form.clear();
    onDone();
    return true;
  }
  form.failWith(r.error);
  return false;
}

export const CONSENT_FIELDS: FieldMap = {
  fields: {
    status: 'Consent',
    on: { label: 'Consent date', missing: 'Enter the date of the consent' },
    note: { label: 'Consent note', missing: 'Say how the refusal was given' },
  },
};
const CLASSIFICATION_MAP = classificationFieldMap('New classification');
export const RECLASSIFY_FIELDS: FieldMap = {
  fields: {
    ...CLASSIFICATION_MAP.fields,
    resMeeting: { label: 'Meeting that resolved it', missing: 'Enter the meeting that resolved it' },
    resDate: { label: 'Date of the resolution', missing: 'Enter the date of the resolution' },
    minute: { label: 'Minute reference', missing: 'Enter the minute reference' },
    officer: { label: 'Officer who confirmed', missing: 'Name the officer who confirmed it' },
    confirmedOn: { label: 'Date confirmed', missing: 'Enter the date it was confirmed' },
  },
  aliases: {
    ...CLASSIFICATION_MAP.aliases,
    'resolution.meeting': 'resMeeting',
    'resolution.date': 'resDate',
    'resolution.minuteReference': 'minute',
    minuteReference: 'minute',
    'confirmation.officer': 'officer',
    'confirmation.on': 'confirmedOn',
    resolution: 'resMeeting',
    confirmation: 'officer',
  },
};
export const KEEP_FIELDS: FieldMap = {
  fields: {
    until: { label: 'Keep until', missing: 'Enter the date to keep it until' },
    reason: { label: 'Why it is still needed', missing: 'Say why it is still needed' },
  },
};
export const DISPOSAL_FIELDS: FieldMap = {
  fields: {
    how: 'What happened to it',
    on: { label: 'Date', missing: 'Enter the date' },
    returnedTo: { label: 'Returned to', missing: 'Say who it was returned to' },
    reason: { label: 'Why', missing: 'Say why (for example end of term)' },
  },
};

function ConsentForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [status, setStatus] = useState<'asked' | 'given' | 'refused'>('asked');
  const [on, setOn] = useState<DateParts>(() => dateParts(today()));
  const [note, setNote] = useState('');
  const form = useForm(CONSENT_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    const iso = p.date(on, 'on', 'Consent date', { notFuture: true });
    if (status === 'refused') p.require(note, 'note', 'Say how the refusal was given (for example “letter of 20/11”)');
    p.limit(note, 1000, 'note', 'Consent note');
    if (p.any) return form.fail(p.list);
    void submitForm(
      form,
      () => api().materials.recordConsent({ id, status, on: iso!, note }),
      () => {
        setNote('');
        onDone();
      },
    );
  };
  return (
    <Form form={form} className="stack" onSubmit={submit} aria-label="Record consent">
      <Field label="Consent" name="status">
        {(p) => (
          <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="asked">Asked</option>
            <option value="given">Given</option>
            <option value="refused">Refused</option>
          </select>
        )}
      </Field>
      <DateInput label="Consent date" name="on" value={on} onChange={setOn} />
      <Field label="Consent note" name="note" limit={{ max: 1000, value: note }}>
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Save consent</button>
      </div>
    </Form>
  );
}

function ReclassifyForm({ material, onDone }: { material: Material; onDone: () => void }) {
  const current = material.classification;
  const [level, setLevel] = useState<Classification['level']>(current.level);
  const [detail, setDetail] = useState(() => detailOf(current));
  const [resMeeting, setResMeeting] = useState(current.level === 'pink-paper' ? current.committee : '');
  const [resDate, setResDate] = useState<DateParts>(emptyDate);
  const [minute, setMinute] = useState('');
  const [officer, setOfficer] = useState('');
  const [confirmedOn, setConfirmedOn] = useState<DateParts>(() => dateParts(today()));
  const form = useForm(RECLASSIFY_FIELDS);
  // The same rule main enforces (R-CLS-2, R-CLS-3): which evidence lowering this classification needs.
  const needed = evidenceNeededFor(current, { level } as Classification);
  const leavingPink = needed === 'resolution';
  const leavingUnsure = needed === 'confirmation';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    const classification = readClassification(level, detail, p, current.level === 'confidential' ? current.basis : undefined);
    let resIso: string | null = null;
    let confIso: string | null = null;
    if (leavingPink) {
      p.require(resMeeting, 'resMeeting', 'Enter the meeting that resolved it');
      resIso = p.date(resDate, 'resDate', 'Date of the resolution', { notFuture: true });
      p.require(minute, 'minute', 'Enter the minute reference');
    }
    if (leavingUnsure) {
      p.require(officer, 'officer', 'Name the officer who confirmed it');
      confIso = p.date(confirmedOn, 'confirmedOn', 'Date confirmed', { notFuture: true });
    }
    if (p.any || !classification) return form.fail(p.list);
    void submitForm(
      form,
      () =>
        api().materials.reclassify({
          id: material.id,
          classification,
          resolution: leavingPink ? { meeting: resMeeting, date: resIso!, minuteReference: minute } : null,
          confirmation: leavingUnsure ? { officer, on: confIso! } : null,
        }),
      onDone,
    );
  };

  return (
    <Form form={form} onSubmit={submit} aria-label="Change classification">
      <ClassificationFields label="New classification" level={level} onLevel={setLevel} detail={detail} onDetail={setDetail} />
      {leavingPink && (
        <fieldset>
          <legend>The committee’s resolution to admit the press and public</legend>
          <p className="hint">
            A pink paper stays confidential until the committee resolves not to exclude the press and public. Record that resolution.
          </p>
          <Field label="Meeting that resolved it" name="resMeeting">
            {(p) => <input {...p} value={resMeeting} onChange={(e) => setResMeeting(e.target.value)} />}
          </Field>
          <DateInput label="Date of the resolution" name="resDate" value={resDate} onChange={setResDate} />
          <Field label="Minute reference" name="minute">
            {(p) => <input {...p} value={minute} onChange={(e) => setMinute(e.target.value)} />}
          </Field>
        </fieldset>
      )}
      {leavingUnsure && (
        <fieldset>
          <legend>The officer’s confirmation</legend>
          <p className="hint">
            {current.level === 'unsure'
              ? 'Until the officer confirms its status, this is treated as confidential.'
              : 'Lowering the protection needs the confirmation of the officer who gave it.'}{' '}
            Record who confirmed it and when.
          </p>
          <Field label="Officer who confirmed" name="officer">
            {(p) => <input {...p} value={officer} onChange={(e) => setOfficer(e.target.value)} />}
          </Field>
          <DateInput label="Date confirmed" name="confirmedOn" value={confirmedOn} onChange={setConfirmedOn} />
        </fieldset>
      )}
      <div>
        <button type="submit">Save the classification</button>
      </div>
    </Form>
  );
}

export function KeepUntilForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [until, setUntil] = useState<DateParts>(emptyDate);
  const [reason, setReason] = useState('');
  const form = useForm(KEEP_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    const iso = p.date(until, 'until', 'Keep until', { future: true });
    p.require(reason, 'reason', 'Say why it is still needed for your duties as a Member');
    if (reason.trim() && reason.trim().length < 5) p.add('reason', 'Say why it is still needed for your duties as a Member');
    p.limit(reason, 1000, 'reason', 'Why it is still needed');
    if (p.any) return form.fail(p.list);
    void submitForm(
      form,
      () => api().materials.keepUntil({ id, until: iso!, reason }),
      () => {
        setUntil(emptyDate());
        setReason('');
        onDone();
      },
    );
  };
  return (
    <Form form={form} className="stack" onSubmit={submit} aria-label="Keep until">
      <DateInput label="Keep until" name="until" value={until} onChange={setUntil} />
      <Field label="Why it is still needed" name="reason" limit={{ max: 1000, value: reason }}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div>
        <button type="submit" className="secondary">
          Keep until this date
        </button>
      </div>
    </Form>
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
          <p>
            The title, text and attachments are deleted for good; a record that something was erased, and when, is kept. Backups made before
            today still hold it.
          </p>
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
  const [on, setOn] = useState<DateParts>(() => dateParts(today()));
  const [returnedTo, setReturnedTo] = useState('');
  const [reason, setReason] = useState('End of term');
  const form = useForm(DISPOSAL_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    const iso = p.date(on, 'on', 'Date', { notFuture: true });
    if (how === 'returned')
      p.require(returnedTo, 'returnedTo', 'Say who it was returned to').limit(returnedTo, 200, 'returnedTo', 'Returned to');
    p.require(reason, 'reason', 'Say why (for example end of term)').limit(reason, 1000, 'reason', 'Why');
    if (p.any) return form.fail(p.list);
    void submitForm(
      form,
      () => api().materials.recordDisposal({ id, how, on: iso!, reason, ...(how === 'returned' ? { returnedTo } : {}) }),
      onDone,
    );
  };
  return (
    <Form form={form} className="stack" onSubmit={submit} aria-label="Record destroyed or returned">
      <fieldset>
        <legend>What happened to it</legend>
        <label className="checkbox">
          <input
            type="radio"
            id={form.idFor('how')}
            name={`how-${id}`}
            checked={how === 'destroyed'}
            onChange={() => setHow('destroyed')}
          />{' '}
          Destroyed
        </label>
        <label className="checkbox">
          <input type="radio" name={`how-${id}`} checked={how === 'returned'} onChange={() => setHow('returned')} /> Returned
        </label>
      </fieldset>
      <DateInput label="Date" name="on" value={on} onChange={setOn} />
      {how === 'returned' && (
        <Field label="Returned to" name="returnedTo">
          {(p) => <input {...p} value={returnedTo} onChange={(e) => setReturnedTo(e.target.value)} />}
        </Field>
      )}
      <Field label="Why" name="reason" hint="For example: end of term, or no longer needed.">
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <p className="hint">Its text and attachments are then deleted from this app; the record that it was {how} is kept.</p>
      <div>
        <button type="submit">Record it {how}</button>
      </div>
    </Form>
  );
}

export const BRIEFING_PERMISSION_FIELDS: FieldMap = {
  fields: {
    givenBy: { label: 'Permission given by', missing: 'Say who gave permission' },
    givenOn: { label: 'Given on', missing: 'Enter the date permission was given' },
    sharedWith: 'Shared with',
  },
  aliases: { id: 'givenBy' },
};

/** R-CLS-5 (003 §4.13–4.14): who asked for a briefing, and their permission to share it with another Member, recorded. */
function BriefingPanel({ material, onChanged }: { material: Material; onChanged: () => void }) {
  const b = material.briefing!;
  const [givenBy, setGivenBy] = useState(b.requestedBy);
  const [givenOn, setGivenOn] = useState<DateParts>(() => dateParts(today()));
  const [sharedWith, setSharedWith] = useState('');
  const form = useForm(BRIEFING_PERMISSION_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = new Problems()
      .require(givenBy, 'givenBy', 'Say who gave permission')
      .limit(givenBy, 120, 'givenBy', 'Permission given by')
      .limit(sharedWith, 120, 'sharedWith', 'Shared with');
    const on = p.date(givenOn, 'givenOn', 'Given on', { notFuture: true });
    if (p.any) return form.fail(p.list);
    const r = await api().materials.recordBriefingPermission({
      id: material.id,
      givenBy,
      givenOn: on!,
      ...(sharedWith.trim() ? { sharedWith } : {}),
    });
    if (r.ok) {
      form.clear();
      onChanged();
    } else form.failWith(r.error);
  }
  return (
    <div>
      <p>
        A briefing given in confidence, asked for by <strong>{b.requestedBy}</strong>.{' '}
        {b.permission
          ? `${b.permission.givenBy} gave permission to share it${b.permission.sharedWith ? ` with ${b.permission.sharedWith}` : ' with other Members'} on ${ukDate(b.permission.givenOn)}.`
          : `It is not shared with another Member unless ${b.requestedBy} permits it.`}
      </p>
      <details>
        <summary>Record permission to share</summary>
        <Form form={form} onSubmit={submit} aria-label="Permission to share the briefing">
          <Field label="Permission given by" name="givenBy" hint="Only the Member who asked for the briefing can give it.">
            {(p) => <input {...p} value={givenBy} onChange={(e) => setGivenBy(e.target.value)} />}
          </Field>
          <DateInput label="Given on" name="givenOn" value={givenOn} onChange={setGivenOn} />
          <Field label="Shared with (optional)" name="sharedWith" hint="Leave empty if it may be shared with any Member.">
            {(p) => <input {...p} value={sharedWith} onChange={(e) => setSharedWith(e.target.value)} />}
          </Field>
          <div>
            <button type="submit">Record permission</button>
          </div>
        </Form>
      </details>
    </div>
  );
}
