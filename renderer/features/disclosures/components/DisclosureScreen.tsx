import { useState, type FormEvent } from 'react';
import { GROUNDS, gateStateNames, type Ground } from '../../../../shared/domain/disclosure';
import { thirdPartyDisclosureCheck } from '../../../../shared/domain/material-lifecycle';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { DateInput, Field, Form, Problems, dateParts, useForm, type DateParts, type FieldMap, type FormApi } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { tidy } from '../../../kit/errors';
import type { Navigate } from '../../../kit/routes';
import { today } from '../../../kit/clock';

type StepResult = { ok: true } | { ok: false; error: { message: string } };
type Submit<T> = (value: T) => Promise<StepResult>;

/** Sends one step; main's refusal is mapped onto the step's own fields. */
async function send(form: FormApi, result: Promise<StepResult>) {
  const r = await result;
  if (r.ok) form.clear();
  else form.failWith(r.error);
}

/** Each ground's evidence fields in words, as the ground's evidence schema in shared/domain/disclosure.ts groups them. */
const EVIDENCE_BY_GROUND = {
  a: {
    consentGivenBy: { label: 'Consent given by', missing: 'Enter who gave consent' },
    authority: { label: 'Why they can give it', missing: 'Say why they can give consent' },
    consentDate: { label: 'Date of consent', missing: 'Enter the date of consent' },
  },
  b: {
    legalProvision: { label: 'The law that requires it', missing: 'Name the law that requires it' },
    requestedBy: { label: 'Who requires it', missing: 'Say who requires it' },
  },
  c: {
    adviser: { label: 'Adviser', missing: 'Name the adviser' },
    profession: { label: 'Profession', missing: 'Enter the adviser’s profession' },
    confidentialityAgreed: {
      label: 'They have agreed to keep it confidential',
      missing: 'Confirm the adviser has agreed to keep it confidential',
    },
  },
  d: {
    publicInterestReasons: {
      label: 'Why disclosure is reasonable and in the public interest',
      missing: 'Say why disclosure is reasonable and in the public interest',
    },
    goodFaith: { label: 'I am acting in good faith', missing: 'Confirm you are acting in good faith' },
    consistentWithAuthorityRequirements: {
      label: 'In line with the council’s reasonable requirements',
      missing: 'Confirm this is in line with the council’s reasonable requirements',
    },
  },
} satisfies Record<Ground, FieldMap['fields']>;
export const EVIDENCE_FIELDS: FieldMap = {
  fields: Object.assign({}, ...Object.values(EVIDENCE_BY_GROUND)),
  aliases: { evidence: 'consentGivenBy' },
};
// Asking the Monitoring Officer and recording their advice are two steps, or one when the advice is already in hand.
const ASKED = {
  requestedOn: { label: 'Asked on', missing: 'Enter the date you asked' },
  monitoringOfficer: { label: 'Monitoring Officer', missing: 'Name the Monitoring Officer (or representative)' },
};
const ADVISED = {
  advice: { label: 'Their advice', missing: 'Record their advice' },
  adviceOn: { label: 'Advice given on', missing: 'Enter the date the advice was given' },
};
export const CONSULTATION_FIELDS: FieldMap = { fields: { ...ASKED, ...ADVISED }, aliases: { consultation: 'monitoringOfficer' } };
export const ASK_FIELDS: FieldMap = { fields: ASKED, aliases: { request: 'monitoringOfficer' } };
export const ADVICE_FIELDS: FieldMap = { fields: ADVISED };
export const ABANDON_FIELDS: FieldMap = {
  fields: { reason: { label: 'Why it is abandoned', missing: 'Say why this disclosure is being abandoned' } },
};
export const REGARD_FIELDS: FieldMap = {
  fields: {
    hadRegard: { label: 'Regard to the advice', missing: 'Confirm you have had regard to the Monitoring Officer’s advice' },
    reasons: { label: 'Your reasons for departing from it', missing: 'Give your reasons for departing from the advice' },
  },
  aliases: { regard: 'hadRegard' },
};
export const APPROVE_FIELDS: FieldMap = {
  fields: {
    checked: 'Checked with the officer',
    note: { label: 'What they said', missing: 'Say what the officer said, or why you could not check' },
    withheld: 'What is left out',
  },
  aliases: { officerCheck: 'note' },
};
export const DISCLOSE_FIELDS: FieldMap = {
  fields: {
    to: { label: 'Passed on to', missing: 'Say who it was passed on to' },
    what: { label: 'What was passed on', missing: 'Say what was passed on' },
  },
};
export const GROUND_FIELDS: FieldMap = { fields: { ground: { label: 'Ground', missing: 'Choose the ground for passing it on' } } };

/** The guided disclosure: the gate's steps always visible; the main process decides every step. */
export function DisclosureScreen({ id, navigate }: { id: string; navigate: Navigate }) {
  const { data: disclosures, reload } = useRead('disclosures:list', undefined, { refreshOn: ['disclosure', 'material'] });
  const d = disclosures?.find((x) => x.id === id) ?? null;
  const [error, setError] = useState<string | null>(null);

  async function step(event: Parameters<ReturnType<typeof api>['disclosures']['advance']>[0]['event']): Promise<StepResult> {
    const r = await api().disclosures.advance({ id, event });
    if (r.ok) {
      await reload();
      setError(null);
    }
    return r;
  }

  if (!d) return error ? <ErrorMessage message={error} /> : <p className="loading">Loading…</p>;
  const current = d.steps.indexOf(d.gate.state);
  return (
    <section className="screen" aria-labelledby="disclosure-heading">
      <h1 id="disclosure-heading">Passing on: {d.materialTitle}</h1>
      <ol className="gate-steps" aria-label="Disclosure steps">
        {d.steps.map((s, i) => (
          <li
            key={s}
            className={i < current ? 'done' : i === current ? 'current' : 'todo'}
            aria-current={i === current ? 'step' : undefined}
          >
            {gateStateNames[s]}
            {i < current ? ' ✓' : ''}
          </li>
        ))}
      </ol>
      <ErrorMessage message={error} />
      {d.thirdParty && d.thirdParty.consent !== 'given' && d.gate.state !== 'disclosed' && (
        // R-ASK-11: the same check the main process makes at approval and disclosure, explained up front.
        <p className="notice" data-testid="third-party-consent">
          {tidy(thirdPartyDisclosureCheck({ thirdParty: d.thirdParty }, d.gate.ground).reason ?? '')}
        </p>
      )}
      {d.gate.state === 'draft' && <GroundForm onChoose={(ground) => step({ type: 'choose-ground', ground })} />}
      {d.gate.state === 'ground-chosen' && d.gate.ground && (
        <EvidenceForm ground={d.gate.ground} onSubmit={(evidence) => step({ type: 'complete-evidence', evidence })} />
      )}
      {d.gate.state === 'evidence-complete' && d.steps.includes('mo-consulted') && (
        <AskForm onSubmit={(request) => step({ type: 'ask-monitoring-officer', request })} />
      )}
      {d.gate.state === 'mo-asked' && d.gate.moRequest && (
        <AdviceForm
          askedOn={d.gate.moRequest.requestedOn}
          asked={d.gate.moRequest.monitoringOfficer}
          onSubmit={(advice, adviceOn) => step({ type: 'record-advice', advice, adviceOn })}
        />
      )}
      {d.gate.state === 'mo-consulted' && (
        <RegardForm advice={d.gate.consultation?.advice ?? ''} onSubmit={(regard) => step({ type: 'record-regard', regard })} />
      )}
      {(d.gate.state === 'regard-recorded' || (d.gate.state === 'evidence-complete' && !d.steps.includes('mo-consulted'))) && (
        <ApproveForm
          onSubmit={(officerCheck, withheld) => step({ type: 'approve', officerCheck, ...(withheld.trim() ? { withheld } : {}) })}
        />
      )}
      {d.gate.state === 'approved' && (
        <DiscloseForm title={d.materialTitle} onSubmit={(to, what) => step({ type: 'disclose', to, on: today(), what })} />
      )}
      {d.gate.state === 'disclosed' && (
        <p className="success">
          Disclosed to {d.gate.disclosure?.to} on {ukDate(d.gate.disclosure?.on)}. It is in the{' '}
          <button type="button" className="link" onClick={() => navigate({ name: 'register' })}>
            disclosure register
          </button>
          .
        </p>
      )}
      {d.gate.state === 'approved' && d.gate.withheld && <p className="notice">Approved leaving out: {d.gate.withheld}</p>}
      {d.gate.state === 'abandoned' && (
        <p className="notice">
          This disclosure was abandoned{d.gate.abandoned?.on ? ` on ${ukDate(d.gate.abandoned.on)}` : ''}: {d.gate.abandoned?.reason}. It is
          kept for the record.
        </p>
      )}
      {d.gate.state !== 'disclosed' && d.gate.state !== 'approved' && d.gate.state !== 'abandoned' && (
        <>
          <p className="hint">
            Nothing can be passed on until every step above is complete. The app checks this, not just this screen. You can leave this page
            and come back: it is kept as it is.
          </p>
          <AbandonForm onAbandon={(reason) => step({ type: 'abandon', reason })} />
        </>
      )}
    </section>
  );
}

function GroundForm({ onChoose }: { onChoose: Submit<Ground> }) {
  const [ground, setGround] = useState<Ground | ''>('');
  const form = useForm(GROUND_FIELDS);
  return (
    <Form
      form={form}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ground) return form.fail([{ field: 'ground', message: 'Choose the ground for passing it on' }]);
        void send(form, onChoose(ground));
      }}
      aria-label="Ground for passing it on"
    >
      <fieldset className={form.errorFor('ground') ? 'field-error' : undefined}>
        <legend>On what ground may this be passed on?</legend>
        <p className="hint">
          <Glossary term="grounds" />
        </p>
        {form.errorFor('ground') && <p className="error">{form.errorFor('ground')}</p>}
        {(Object.keys(GROUNDS) as Ground[]).map((g, i) => (
          <label key={g} className="checkbox">
            <input
              type="radio"
              id={i === 0 ? form.idFor('ground') : undefined}
              name="ground"
              value={g}
              checked={ground === g}
              onChange={() => setGround(g)}
            />{' '}
            ({g}) {GROUNDS[g]}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit">Choose this ground</button>
      </div>
    </Form>
  );
}

function Check({
  form,
  name,
  checked,
  onChange,
  children,
}: {
  form: FormApi;
  name: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  children: React.ReactNode;
}) {
  const error = form.errorFor(name);
  return (
    <div className={error ? 'field-error' : undefined}>
      {error && <p className="error">{error}</p>}
      <label className="checkbox">
        <input
          type="checkbox"
          id={form.idFor(name)}
          checked={checked}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {children}
      </label>
    </div>
  );
}

function EvidenceForm({ ground, onSubmit }: { ground: Ground; onSubmit: Submit<Record<string, unknown>> }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [c, setC] = useState<DateParts>(() => dateParts(today()));
  const [agreed, setAgreed] = useState(false);
  const [agreed2, setAgreed2] = useState(false);
  const form = useForm(EVIDENCE_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    const need = (value: string, name: string) => p.require(value, name, (EVIDENCE_FIELDS.fields[name] as { missing: string }).missing);
    let evidence: Record<string, unknown>;
    if (ground === 'a') {
      need(a, 'consentGivenBy');
      need(b, 'authority');
      const date = p.date(c, 'consentDate', 'Date of consent', { notFuture: true });
      evidence = { consentGivenBy: a, authority: b, consentDate: date };
    } else if (ground === 'b') {
      need(a, 'legalProvision');
      need(b, 'requestedBy');
      evidence = { legalProvision: a, requestedBy: b };
    } else if (ground === 'c') {
      need(a, 'adviser');
      need(b, 'profession');
      if (!agreed) p.add('confidentialityAgreed', 'Confirm the adviser has agreed to keep it confidential');
      evidence = { adviser: a, profession: b, confidentialityAgreed: agreed };
    } else {
      need(a, 'publicInterestReasons');
      if (a.trim() && a.trim().length < 20)
        p.add('publicInterestReasons', 'Why disclosure is reasonable and in the public interest must be at least 20 characters');
      if (!agreed) p.add('goodFaith', 'Confirm you are acting in good faith');
      if (!agreed2) p.add('consistentWithAuthorityRequirements', 'Confirm this is in line with the council’s reasonable requirements');
      evidence = { publicInterestReasons: a, goodFaith: agreed, consistentWithAuthorityRequirements: agreed2 };
    }
    if (p.any) return form.fail(p.list);
    void send(form, onSubmit(evidence));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Evidence for the ground">
      <h2>Evidence for ground ({ground})</h2>
      {ground === 'a' && (
        <>
          <Field label="Consent given by" name="consentGivenBy">
            {(p) => <input {...p} value={a} onChange={(e) => setA(e.target.value)} />}
          </Field>
          <Field label="Why they can give it" name="authority">
            {(p) => <input {...p} value={b} onChange={(e) => setB(e.target.value)} />}
          </Field>
          <DateInput label="Date of consent" name="consentDate" value={c} onChange={setC} />
        </>
      )}
      {ground === 'b' && (
        <>
          <Field label="The law that requires it" name="legalProvision">
            {(p) => <input {...p} value={a} onChange={(e) => setA(e.target.value)} />}
          </Field>
          <Field label="Who requires it" name="requestedBy">
            {(p) => <input {...p} value={b} onChange={(e) => setB(e.target.value)} />}
          </Field>
        </>
      )}
      {ground === 'c' && (
        <>
          <Field label="Adviser" name="adviser">
            {(p) => <input {...p} value={a} onChange={(e) => setA(e.target.value)} />}
          </Field>
          <Field label="Profession" name="profession">
            {(p) => <input {...p} value={b} onChange={(e) => setB(e.target.value)} />}
          </Field>
          <Check form={form} name="confidentialityAgreed" checked={agreed} onChange={setAgreed}>
            They have agreed to keep it confidential
          </Check>
        </>
      )}
      {ground === 'd' && (
        <>
          <Field
            label="Why disclosure is reasonable and in the public interest"
            name="publicInterestReasons"
            hint="At least 20 characters."
          >
            {(p) => <textarea {...p} rows={3} value={a} onChange={(e) => setA(e.target.value)} />}
          </Field>
          <Check form={form} name="goodFaith" checked={agreed} onChange={setAgreed}>
            I am acting in good faith
          </Check>
          <Check form={form} name="consistentWithAuthorityRequirements" checked={agreed2} onChange={setAgreed2}>
            This is in line with the council’s reasonable requirements
          </Check>
        </>
      )}
      <div>
        <button type="submit">Record the evidence</button>
      </div>
    </Form>
  );
}

function AskForm({ onSubmit }: { onSubmit: Submit<{ requestedOn: string; monitoringOfficer: string }> }) {
  const [requestedOn, setRequestedOn] = useState<DateParts>(() => dateParts(today()));
  const [mo, setMo] = useState('');
  const form = useForm(ASK_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    const asked = p.date(requestedOn, 'requestedOn', 'Asked on', { notFuture: true });
    p.require(mo, 'monitoringOfficer', 'Name the Monitoring Officer (or representative)');
    if (p.any) return form.fail(p.list);
    void send(form, onSubmit({ requestedOn: asked!, monitoringOfficer: mo }));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Asking the Monitoring Officer">
      <h2>Ask the Monitoring Officer</h2>
      <p className="hint">
        This ground needs the Monitoring Officer’s advice before anything is passed on. Record when you asked, and who; record their advice
        when it comes. <Glossary term="monitoring-officer" />
      </p>
      <DateInput label="Asked on" name="requestedOn" value={requestedOn} onChange={setRequestedOn} />
      <Field label="Monitoring Officer (or representative)" name="monitoringOfficer">
        {(p) => <input {...p} value={mo} onChange={(e) => setMo(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Record that I asked</button>
      </div>
    </Form>
  );
}

function AdviceForm({
  askedOn,
  asked,
  onSubmit,
}: {
  askedOn: string;
  asked: string;
  onSubmit: (advice: string, adviceOn: string) => Promise<StepResult>;
}) {
  const [advice, setAdvice] = useState('');
  const [adviceOn, setAdviceOn] = useState<DateParts>(() => dateParts(today()));
  const form = useForm(ADVICE_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    p.require(advice, 'advice', 'Record their advice');
    const given = p.date(adviceOn, 'adviceOn', 'Advice given on', { notFuture: true });
    if (given && given < askedOn) p.add('adviceOn', `Advice given on must be on or after the date you asked (${ukDate(askedOn)})`);
    if (p.any) return form.fail(p.list);
    void send(form, onSubmit(advice, given!));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Monitoring Officer’s advice">
      <h2>Advice received</h2>
      <p className="notice">
        Waiting for the Monitoring Officer: you asked {asked} on {ukDate(askedOn)}.
      </p>
      <Field label="Their advice" name="advice">
        {(p) => <textarea {...p} rows={3} value={advice} onChange={(e) => setAdvice(e.target.value)} />}
      </Field>
      <DateInput label="Advice given on" name="adviceOn" value={adviceOn} onChange={setAdviceOn} />
      <div>
        <button type="submit">Record the advice</button>
      </div>
    </Form>
  );
}

/** A mistaken draft is abandoned, never deleted: asks first, then keeps it with the reason. */
function AbandonForm({ onAbandon }: { onAbandon: (reason: string) => Promise<StepResult> }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const form = useForm(ABANDON_FIELDS);
  if (!confirming) {
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Abandon this draft
        </button>
      </p>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems()
      .require(reason, 'reason', 'Say why this disclosure is being abandoned')
      .limit(reason, 1000, 'reason', 'Why it is abandoned');
    if (p.any) return form.fail(p.list);
    void send(form, onAbandon(reason));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Abandon this draft">
      <h2>Abandon this draft?</h2>
      <p className="hint">
        Nothing will be passed on. The draft is kept, marked abandoned, with your reason. To pass it on later you start again.
      </p>
      <Field label="Why it is abandoned" name="reason" limit={{ max: 1000, value: reason }}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div>
        <button type="submit" className="warning">
          Yes, abandon it
        </button>{' '}
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          No, keep it
        </button>
      </div>
    </Form>
  );
}

function RegardForm({
  advice,
  onSubmit,
}: {
  advice: string;
  onSubmit: Submit<{ hadRegard: true; followsAdvice: boolean; reasons?: string }>;
}) {
  const [had, setHad] = useState(false);
  const [follows, setFollows] = useState(true);
  const [reasons, setReasons] = useState('');
  const form = useForm(REGARD_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    if (!had) p.add('hadRegard', 'Confirm you have had regard to the Monitoring Officer’s advice');
    if (!follows) p.require(reasons, 'reasons', 'Give your reasons for departing from the advice');
    if (p.any) return form.fail(p.list);
    void send(form, onSubmit({ hadRegard: true, followsAdvice: follows, ...(follows ? {} : { reasons }) }));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Regard to the advice">
      <h2>Your regard to the advice</h2>
      <blockquote>{advice}</blockquote>
      <Check form={form} name="hadRegard" checked={had} onChange={setHad}>
        I have had regard to the Monitoring Officer’s advice
      </Check>
      <label className="checkbox">
        <input type="checkbox" checked={!follows} onChange={(e) => setFollows(!e.target.checked)} /> I am departing from the advice
      </label>
      {!follows && (
        <Field label="Your reasons for departing from it" name="reasons">
          {(p) => <textarea {...p} rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />}
        </Field>
      )}
      <div>
        <button type="submit">Record my regard</button>
      </div>
    </Form>
  );
}

function ApproveForm({
  onSubmit,
}: {
  onSubmit: (officerCheck: { checked: boolean; note: string }, withheld: string) => Promise<StepResult>;
}) {
  const [checked, setChecked] = useState(false);
  const [note, setNote] = useState('');
  const [withheld, setWithheld] = useState('');
  const form = useForm(APPROVE_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems();
    if (!note.trim()) p.add('note', checked ? 'Say what the officer said' : 'Say why you could not check with the officer');
    p.limit(withheld, 500, 'withheld', 'What is left out');
    if (p.any) return form.fail(p.list);
    void send(form, onSubmit({ checked, note }, withheld));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Approve">
      <h2>Before you pass it on</h2>
      <Check form={form} name="checked" checked={checked} onChange={setChecked}>
        I checked with the officer who gave me this
      </Check>
      <Field label="What they said (or why you could not check)" name="note">
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <Field
        label="What is left out (optional)"
        name="withheld"
        hint="For example “no prices”. Leave empty if the whole of it may be passed on."
        limit={{ max: 500, value: withheld }}
      >
        {(p) => <input {...p} value={withheld} onChange={(e) => setWithheld(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Approve the disclosure</button>
      </div>
    </Form>
  );
}

function DiscloseForm({ title, onSubmit }: { title: string; onSubmit: (to: string, what: string) => Promise<StepResult> }) {
  const [to, setTo] = useState('');
  const [what, setWhat] = useState(title);
  const form = useForm(DISCLOSE_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = new Problems().require(to, 'to', 'Say who it was passed on to').require(what, 'what', 'Say what was passed on');
    if (p.any) return form.fail(p.list);
    void send(form, onSubmit(to, what));
  };
  return (
    <Form form={form} onSubmit={submit} aria-label="Disclose">
      <h2>Record the disclosure</h2>
      <Field label="Passed on to" name="to">
        {(p) => <input {...p} value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <Field label="What was passed on" name="what">
        {(p) => <input {...p} value={what} onChange={(e) => setWhat(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Disclose and record it</button>
      </div>
    </Form>
  );
}
