import { useState, type FormEvent } from 'react';
import { GROUNDS, gateStateNames, type Ground } from '../../../../shared/domain/disclosure';
import { thirdPartyDisclosureCheck } from '../../../../shared/domain/material-lifecycle';
import { api } from '../../../app/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, Field } from '../../../app/ui';
import type { Navigate } from '../../../app/routes';
import { today } from '../../../app/clock';

/** The guided disclosure: the gate's steps always visible; the main process decides every step. */
export function DisclosureScreen({ id, navigate }: { id: string; navigate: Navigate }) {
  const { data: disclosures, reload } = useRead('disclosures:list', undefined, { refreshOn: ['disclosure', 'material'] });
  const d = disclosures?.find((x) => x.id === id) ?? null;
  const [error, setError] = useState<string | null>(null);

  async function step(event: Parameters<ReturnType<typeof api>['disclosures']['advance']>[0]['event']) {
    const r = await api().disclosures.advance({ id, event });
    if (r.ok) {
      await reload();
      setError(null);
    } else setError(r.error.message);
  }

  if (!d) return <p className="loading">Loading…</p>;
  const current = d.steps.indexOf(d.gate.state);
  return (
    <section className="screen" aria-labelledby="disclosure-heading">
      <h1 id="disclosure-heading">Passing on: {d.materialTitle}</h1>
      <ol className="gate-steps" aria-label="Disclosure steps">
        {d.steps.map((s, i) => (
          <li key={s} className={i < current ? 'done' : i === current ? 'current' : 'todo'} aria-current={i === current ? 'step' : undefined}>
            {gateStateNames[s]}
            {i < current ? ' ✓' : ''}
          </li>
        ))}
      </ol>
      <ErrorMessage message={error} />
      {d.thirdParty && d.thirdParty.consent !== 'given' && d.gate.state !== 'disclosed' && (
        // R-ASK-11: the same check the main process makes at approval and disclosure, explained up front.
        <p className="notice" data-testid="third-party-consent">
          {thirdPartyDisclosureCheck({ thirdParty: d.thirdParty }, d.gate.ground).reason}
        </p>
      )}
      {d.gate.state === 'draft' && <GroundForm onChoose={(ground) => step({ type: 'choose-ground', ground })} />}
      {d.gate.state === 'ground-chosen' && d.gate.ground && <EvidenceForm ground={d.gate.ground} onSubmit={(evidence) => step({ type: 'complete-evidence', evidence })} />}
      {d.gate.state === 'evidence-complete' && d.steps.includes('mo-consulted') && <ConsultationForm onSubmit={(consultation) => step({ type: 'record-consultation', consultation })} />}
      {d.gate.state === 'mo-consulted' && <RegardForm advice={d.gate.consultation?.advice ?? ''} onSubmit={(regard) => step({ type: 'record-regard', regard })} />}
      {(d.gate.state === 'regard-recorded' || (d.gate.state === 'evidence-complete' && !d.steps.includes('mo-consulted'))) && (
        <ApproveForm onSubmit={(officerCheck) => step({ type: 'approve', officerCheck })} />
      )}
      {d.gate.state === 'approved' && <DiscloseForm title={d.materialTitle} onSubmit={(to, what) => step({ type: 'disclose', to, on: today(), what })} />}
      {d.gate.state === 'disclosed' && (
        <p className="success">
          Disclosed to {d.gate.disclosure?.to} on {d.gate.disclosure?.on}. It is in the{' '}
          <button type="button" className="link" onClick={() => navigate({ name: 'register' })}>
            disclosure register
          </button>
          .
        </p>
      )}
      {d.gate.state !== 'disclosed' && d.gate.state !== 'approved' && (
        <p className="hint">Nothing can be passed on until every step above is complete. The app checks this, not just this screen.</p>
      )}
    </section>
  );
}

function GroundForm({ onChoose }: { onChoose: (g: Ground) => void }) {
  const [ground, setGround] = useState<Ground | ''>('');
  return (
    <form className="stack wide" onSubmit={(e) => { e.preventDefault(); if (ground) onChoose(ground); }}>
      <fieldset>
        <legend>On what ground may this be passed on?</legend>
        {(Object.keys(GROUNDS) as Ground[]).map((g) => (
          <label key={g} className="checkbox">
            <input type="radio" name="ground" value={g} checked={ground === g} onChange={() => setGround(g)} /> ({g}) {GROUNDS[g]}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit">Choose this ground</button>
      </div>
    </form>
  );
}

function EvidenceForm({ ground, onSubmit }: { ground: Ground; onSubmit: (evidence: Record<string, unknown>) => void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [c, setC] = useState(today());
  const [agreed, setAgreed] = useState(false);
  const [agreed2, setAgreed2] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const evidence =
      ground === 'a' ? { consentGivenBy: a, authority: b, consentDate: c } : ground === 'b' ? { legalProvision: a, requestedBy: b } : ground === 'c' ? { adviser: a, profession: b, confidentialityAgreed: agreed } : { publicInterestReasons: a, goodFaith: agreed, consistentWithAuthorityRequirements: agreed2 };
    onSubmit(evidence);
  };
  return (
    <form className="stack wide" onSubmit={submit} aria-label="Evidence for the ground">
      <h2>Evidence for ground ({ground})</h2>
      {ground === 'a' && (
        <>
          <Field label="Consent given by">{(p) => <input {...p} value={a} onChange={(e) => setA(e.target.value)} />}</Field>
          <Field label="Why they can give it">{(p) => <input {...p} value={b} onChange={(e) => setB(e.target.value)} />}</Field>
          <Field label="Date of consent">{(p) => <input {...p} type="date" value={c} onChange={(e) => setC(e.target.value)} />}</Field>
        </>
      )}
      {ground === 'b' && (
        <>
          <Field label="The law that requires it">{(p) => <input {...p} value={a} onChange={(e) => setA(e.target.value)} />}</Field>
          <Field label="Who requires it">{(p) => <input {...p} value={b} onChange={(e) => setB(e.target.value)} />}</Field>
        </>
      )}
      {ground === 'c' && (
        <>
          <Field label="Adviser">{(p) => <input {...p} value={a} onChange={(e) => setA(e.target.value)} />}</Field>
          <Field label="Profession">{(p) => <input {...p} value={b} onChange={(e) => setB(e.target.value)} />}</Field>
          <label className="checkbox">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> They have agreed to keep it confidential
          </label>
        </>
      )}
      {ground === 'd' && (
        <>
          <Field label="Why disclosure is reasonable and in the public interest">{(p) => <textarea {...p} rows={3} value={a} onChange={(e) => setA(e.target.value)} />}</Field>
          <label className="checkbox">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I am acting in good faith
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={agreed2} onChange={(e) => setAgreed2(e.target.checked)} /> This is in line with the council’s reasonable requirements
          </label>
        </>
      )}
      <div>
        <button type="submit">Record the evidence</button>
      </div>
    </form>
  );
}

function ConsultationForm({ onSubmit }: { onSubmit: (c: { requestedOn: string; monitoringOfficer: string; advice: string; adviceOn: string }) => void }) {
  const [requestedOn, setRequestedOn] = useState(today());
  const [mo, setMo] = useState('');
  const [advice, setAdvice] = useState('');
  const [adviceOn, setAdviceOn] = useState(today());
  return (
    <form className="stack wide" onSubmit={(e) => { e.preventDefault(); onSubmit({ requestedOn, monitoringOfficer: mo, advice, adviceOn }); }} aria-label="Monitoring Officer consultation">
      <h2>Consult the Monitoring Officer</h2>
      <p className="hint">This ground needs the Monitoring Officer’s advice before anything is passed on.</p>
      <Field label="Asked on">{(p) => <input {...p} type="date" value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} />}</Field>
      <Field label="Monitoring Officer (or representative)">{(p) => <input {...p} value={mo} onChange={(e) => setMo(e.target.value)} />}</Field>
      <Field label="Their advice">{(p) => <textarea {...p} rows={3} value={advice} onChange={(e) => setAdvice(e.target.value)} />}</Field>
      <Field label="Advice given on">{(p) => <input {...p} type="date" value={adviceOn} onChange={(e) => setAdviceOn(e.target.value)} />}</Field>
      <div>
        <button type="submit">Record the advice</button>
      </div>
    </form>
  );
}

function RegardForm({ advice, onSubmit }: { advice: string; onSubmit: (r: { hadRegard: true; followsAdvice: boolean; reasons?: string }) => void }) {
  const [had, setHad] = useState(false);
  const [follows, setFollows] = useState(true);
  const [reasons, setReasons] = useState('');
  return (
    <form className="stack wide" onSubmit={(e) => { e.preventDefault(); if (had) onSubmit({ hadRegard: true, followsAdvice: follows, ...(follows ? {} : { reasons }) }); }} aria-label="Regard to the advice">
      <h2>Your regard to the advice</h2>
      <blockquote>{advice}</blockquote>
      <label className="checkbox">
        <input type="checkbox" checked={had} onChange={(e) => setHad(e.target.checked)} /> I have had regard to the Monitoring Officer’s advice
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={!follows} onChange={(e) => setFollows(!e.target.checked)} /> I am departing from the advice
      </label>
      {!follows && <Field label="Your reasons for departing from it">{(p) => <textarea {...p} rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />}</Field>}
      <div>
        <button type="submit">Record my regard</button>
      </div>
    </form>
  );
}

function ApproveForm({ onSubmit }: { onSubmit: (c: { checked: boolean; note: string }) => void }) {
  const [checked, setChecked] = useState(false);
  const [note, setNote] = useState('');
  return (
    <form className="stack wide" onSubmit={(e) => { e.preventDefault(); onSubmit({ checked, note }); }} aria-label="Approve">
      <h2>Before you pass it on</h2>
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> I checked with the officer who gave me this
      </label>
      <Field label="What they said (or why you could not check)">{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <div>
        <button type="submit">Approve the disclosure</button>
      </div>
    </form>
  );
}

function DiscloseForm({ title, onSubmit }: { title: string; onSubmit: (to: string, what: string) => void }) {
  const [to, setTo] = useState('');
  const [what, setWhat] = useState(title);
  return (
    <form className="stack wide" onSubmit={(e) => { e.preventDefault(); onSubmit(to, what); }} aria-label="Disclose">
      <h2>Record the disclosure</h2>
      <Field label="Passed on to">{(p) => <input {...p} value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      <Field label="What was passed on">{(p) => <input {...p} value={what} onChange={(e) => setWhat(e.target.value)} />}</Field>
      <div>
        <button type="submit">Disclose and record it</button>
      </div>
    </form>
  );
}
