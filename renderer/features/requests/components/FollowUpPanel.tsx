import { useState, type FormEvent } from 'react';
import type { RequestDetail } from '../../../../shared/ipc/views';
import type { FollowUpView } from '../../../../shared/ipc/follow-up';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import type { Navigate } from '../../../kit/routes';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { DateInput, Field, Form, Problems, dateParts, useForm, type DateParts, type FieldMap } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { today } from '../../../kit/clock';

/**
 * What follows a sent request beyond logging replies: the Monitoring Officer's decision and
 * its next steps (R-ASK-4, R-ASK-5), the chair notice to a named person (R-ASK-8) and escalation to a
 * named person when overdue (R-DUE-4). Main checks every date and person; this only asks and shows.
 */
export function FollowUpPanel({ detail, navigate, onChanged }: { detail: RequestDetail; navigate: Navigate; onChanged: () => void }) {
  const id = detail.row.id;
  const { data: view, error, reload } = useRead('requests:followUp', { id }, { refreshOn: [`request:${id}`, 'officer'] });
  const changed = () => {
    void reload();
    onChanged();
  };
  if (!view) return <ErrorMessage message={error} />;
  const { moReferral, chairNotice, escalation } = view;
  return (
    <>
      {moReferral && (
        <section aria-labelledby="mo-heading">
          <h2 id="mo-heading">
            Monitoring Officer’s decision <Glossary term="monitoring-officer" />
          </h2>
          {/* R-USE-1: main withheld the Monitoring Officer's advice in the meeting mode; the panel says so. */}
          {moReferral.withheld ? (
            <p className="notice" data-testid="mo-advice-withheld">
              Referred on {ukDate(moReferral.referredOn)}. {moReferral.withheld}
            </p>
          ) : (
            <p>
              Referred on {ukDate(moReferral.referredOn)}: {moReferral.reason}
            </p>
          )}
          {moReferral.decision ? (
            <>
              <p data-testid="mo-decision">
                <strong>{moReferral.decision.accepted ? 'Accepted' : 'Refused'}</strong>
                {moReferral.withheld ? '' : ` by ${moReferral.decision.decidedBy}`} on {ukDate(moReferral.decision.on)}.
              </p>
              {!moReferral.decision.accepted && <h3>What you can do next</h3>}
              <MoNextSteps steps={moReferral.steps} detail={detail} navigate={navigate} />
              <details>
                <summary>The decision was recorded wrongly, or has changed</summary>
                <MoDecisionForm id={id} onDone={changed} changing />
              </details>
            </>
          ) : (
            <MoDecisionForm id={id} onDone={changed} />
          )}
        </section>
      )}
      {chairNotice && (
        <section aria-labelledby="chair-heading">
          <h2 id="chair-heading">Notice to the chair</h2>
          <p className="prose">{chairNotice.text}</p>
          {chairNotice.sentOn ? (
            <p data-testid="chair-notice-sent">
              Sent to {chairNotice.sentTo ?? 'the chair'} on {ukDate(chairNotice.sentOn)}.
            </p>
          ) : (
            <ChairNoticeForm id={id} onDone={changed} />
          )}
        </section>
      )}
      <section aria-labelledby="escalation-heading">
        <h2 id="escalation-heading">Escalation</h2>
        {escalation.history.length > 0 && (
          <ul data-testid="escalations">
            {escalation.history.map((e, i) => (
              <li key={i}>
                {ukDate(e.on)}: escalated to {e.to} ({e.role})
              </li>
            ))}
          </ul>
        )}
        {escalation.overdue ? (
          <EscalateForm id={id} offer={escalation.next} withheld={escalation.withheld} onDone={changed} />
        ) : (
          <p className="hint">If the request becomes overdue, you can escalate it here.</p>
        )}
      </section>
    </>
  );
}

/** A new request started from this one: the same question, officer and reasons. */
function prefillFrom(detail: RequestDetail) {
  const d = detail.draft;
  if (!d) return { subject: detail.row.subject };
  return {
    subject: d.subject,
    informationSought: d.informationSought,
    capacity: d.capacity,
    capacityDetail: d.capacityDetail,
    purpose: d.purpose,
    justification: d.justification,
    officerId: d.officerId,
    ward: d.ward,
    fromEmail: d.fromEmail,
    memberOnly: d.memberOnly,
  };
}

const MO_FIELDS: FieldMap = {
  fields: {
    accepted: { label: 'Decision', missing: 'Say whether the Monitoring Officer accepted or refused' },
    decidedBy: { label: 'Who decided', missing: 'Say who decided' },
    on: { label: 'Date of the decision', missing: 'Enter the date of the decision' },
    note: 'Note',
  },
};

/** Records the decision; `changing` records a new one over a decision already recorded, which needs the reason. */
function MoDecisionForm({ id, onDone, changing = false }: { id: string; onDone: () => void; changing?: boolean }) {
  const [accepted, setAccepted] = useState<'yes' | 'no' | ''>('');
  const [decidedBy, setDecidedBy] = useState('');
  const [on, setOn] = useState<DateParts>(() => dateParts(today()));
  const [note, setNote] = useState('');
  const form = useForm(MO_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = new Problems();
    if (!accepted) p.add('accepted', 'Say whether the Monitoring Officer accepted or refused');
    p.require(decidedBy, 'decidedBy', 'Say who decided')
      .limit(decidedBy, 200, 'decidedBy', 'Who decided')
      .limit(note, 2000, 'note', 'Note');
    if (changing && note.trim().length < 3) p.add('note', 'Say why the decision is being changed');
    const date = p.date(on, 'on', 'Date of the decision', { notFuture: true });
    if (p.any) return form.fail(p.list);
    const r = await api().requests.recordMoDecision({ id, accepted: accepted === 'yes', decidedBy, on: date!, note });
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    onDone();
  }
  return (
    <Form form={form} onSubmit={submit} aria-label={changing ? 'Record a changed decision' : 'Record the Monitoring Officer’s decision'}>
      <Field label="Decision" name="accepted">
        {(p) => (
          <select {...p} value={accepted} onChange={(e) => setAccepted(e.target.value as 'yes' | 'no' | '')}>
            <option value="">Choose…</option>
            <option value="yes">Accepted: the need to know is shown</option>
            <option value="no">Refused</option>
          </select>
        )}
      </Field>
      <Field label="Who decided" name="decidedBy" hint="The Monitoring Officer or their representative.">
        {(p) => <input {...p} value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} />}
      </Field>
      <DateInput label="Date of the decision" name="on" value={on} onChange={setOn} />
      <Field
        label="Note"
        name="note"
        hint={changing ? 'Why it changed, or what was entered wrongly. The earlier decision stays on the timeline.' : undefined}
        limit={{ max: 2000, value: note }}
      >
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">{changing ? 'Record the changed decision' : 'Record the decision'}</button>
      </div>
    </Form>
  );
}

const CHAIR_FIELDS: FieldMap = {
  fields: {
    to: { label: 'Sent to', missing: 'Say who the notice was sent to' },
    on: { label: 'Date sent', missing: 'Enter the date it was sent' },
  },
};

function ChairNoticeForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [to, setTo] = useState('');
  const [on, setOn] = useState<DateParts>(() => dateParts(today()));
  const form = useForm(CHAIR_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = new Problems();
    p.require(to, 'to', 'Say who the notice was sent to').limit(to, 200, 'to', 'Sent to');
    const date = p.date(on, 'on', 'Date sent', { notFuture: true });
    if (p.any) return form.fail(p.list);
    const r = await api().requests.markChairNoticeSent({ id, to, on: date! });
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    onDone();
  }
  return (
    <Form form={form} onSubmit={submit} aria-label="Record the notice to the chair as sent">
      <p className="notice">The chair or executive member must be told what you asked and were given.</p>
      <Field label="Sent to" name="to" hint="The chair or executive member, by name.">
        {(p) => <input {...p} value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      <DateInput label="Date sent" name="on" value={on} onChange={setOn} />
      <div>
        <button type="submit">Record the notice as sent</button>
      </div>
    </Form>
  );
}

type Offer = { level: string; role: string; explanation: string; officerId: string | null; name: string | null };
const ESCALATE_FIELDS: FieldMap = {
  fields: {
    name: { label: 'Name', missing: 'Name the person you escalated to' },
    on: { label: 'Date escalated', missing: 'Enter the date' },
    note: 'Note',
  },
};

function EscalateForm({ id, offer, withheld, onDone }: { id: string; offer: Offer; withheld: Offer; onDone: () => void }) {
  const [informationWithheld, setWithheld] = useState(false);
  const [name, setName] = useState('');
  const [on, setOn] = useState<DateParts>(() => dateParts(today()));
  const [note, setNote] = useState('');
  const form = useForm(ESCALATE_FIELDS);
  const target = informationWithheld ? withheld : offer;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = new Problems();
    if (!target.officerId) p.require(name, 'name', `Name the ${target.role} you escalated to`).limit(name, 200, 'name', 'Name');
    p.limit(note, 2000, 'note', 'Note');
    const date = p.date(on, 'on', 'Date escalated', { notFuture: true });
    if (p.any) return form.fail(p.list);
    const r = await api().requests.escalate({
      id,
      on: date!,
      informationWithheld,
      officerId: target.officerId,
      name: target.officerId ? '' : name,
      note,
    });
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    setName('');
    setNote('');
    onDone();
  }
  return (
    <Form form={form} onSubmit={submit} aria-label="Escalate the request">
      <p>{target.explanation}</p>
      <label className="checkbox">
        <input type="checkbox" checked={informationWithheld} onChange={(e) => setWithheld(e.target.checked)} /> Information I need for my
        duties is being withheld
      </label>
      {!target.officerId && (
        <Field label={`Name of the ${target.role}`} name="name" hint="Nobody in the officers directory has this role.">
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      )}
      <DateInput label="Date escalated" name="on" value={on} onChange={setOn} />
      <Field label="Note" name="note" limit={{ max: 2000, value: note }}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">{target.officerId ? `Escalate to ${target.name}, ${target.role}` : `Escalate to the ${target.role}`}</button>
      </div>
    </Form>
  );
}

type MoStep = NonNullable<FollowUpView['moReferral']>['steps'][number];

/** After the Monitoring Officer's decision: what the Member can do next (an FOI request, another route, closing). */
function MoNextSteps({ steps, detail, navigate }: { steps: MoStep[]; detail: RequestDetail; navigate: Navigate }) {
  return (
    <ul className="steps" data-testid="mo-next-steps">
      {steps.map((s) => (
        <li key={s.step}>
          {s.step === 'use-foi' ? (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => navigate({ name: 'new-request', prefill: { ...prefillFrom(detail), route: 'foi' } })}
              >
                {s.label}
              </button>{' '}
              <span className="hint">{s.explanation}</span>
            </>
          ) : s.step === 'change-route' ? (
            <button
              type="button"
              className="secondary"
              onClick={() => navigate({ name: 'new-request', prefill: { ...prefillFrom(detail), route: null } })}
            >
              {s.label}
            </button>
          ) : s.step === 'close-request' ? (
            <>{s.label}: record it below as closed, with the Monitoring Officer’s refusal as the reason.</>
          ) : (
            s.label
          )}
        </li>
      ))}
    </ul>
  );
}
