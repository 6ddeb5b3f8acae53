import { useState, type FormEvent } from 'react';
import { isMemberOnly, isProtected } from '../../../../shared/domain/classification';
import { isVisibleInMode, modeInWords, type MeetingMode } from '../../../../shared/domain/protection';
import type { Material } from '../../../../shared/domain/material';
import type { RequestDetail } from '../../../../shared/ipc/views';
import type { RequestEvent } from '../../../../shared/domain/requests';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import type { Navigate } from '../../../kit/routes';
import { ErrorMessage, OpenButton, ukDate, useOpen } from '../../../kit/ui';
import {
  DateInput,
  Field,
  Form,
  Problems,
  SubmitWithStatus,
  dateParts,
  emptyDate,
  readDate,
  useForm,
  type DateParts,
  type FieldMap,
} from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { LifecycleActions, Timeline } from './RequestTimeline';
import { MaterialAttachments } from './MaterialAttachments';
import { FollowUpPanel } from './FollowUpPanel';
import { PassItOn } from '../../disclosures/components/PassItOn';
import { MaterialLifecycle, materialFate } from '../../materials/components/MaterialLifecycle';
import { DraftPanel } from '../../correspondence/components/DraftPanel';
import { RequestCorrespondence } from '../../correspondence/components/RequestCorrespondence';
import { classificationLabel } from '../../materials/components/ClassificationDetails';
import {
  MATERIAL_DETAILS_FIELDS,
  MaterialDetailsFields,
  materialDetails,
  personalDataLabel,
  readMaterialDetails,
} from '../../materials/components/MaterialDetails';
import { today } from '../../../kit/clock';
import { RecordArrivalForm, RequestArrivals } from './Arrivals';
import { RequestHeader, WhatWasAsked } from './RequestSummary';

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
  const { data: detail, error: readError, reload } = useRead('requests:get', { id }, { refreshOn: [`request:${id}`, 'disclosure'] });
  const error = readError;
  // A command answers with the fresh detail; reading it again through the working set keeps every screen in step.
  const setDetail: (answer?: RequestDetail) => void = () => void reload();

  if (error && !detail)
    return (
      <section className="screen">
        <h1>Request</h1>
        <ErrorMessage message={error} />
      </section>
    );
  if (!detail) return <p className="loading">Loading…</p>;
  const { row } = detail;
  // R-USE-1: main withheld this request's own words in the meeting mode; its page says so and offers nothing to do.
  if (detail.withheld)
    return (
      <section className="screen" aria-labelledby="request-heading">
        <h1 id="request-heading">Request {row.reference}</h1>
        <p className="notice" role="status">
          {detail.withheld}
        </p>
        <WithheldMaterials items={detail.withheldMaterials} mode={mode} />
      </section>
    );

  return (
    <section className="screen" aria-labelledby="request-heading">
      <RequestHeader id={id} detail={detail} navigate={navigate} />
      <WhatWasAsked detail={detail} />
      {error && <ErrorMessage message={error} />}
      {row.awaitingMonitoringOfficer && <p className="notice">Awaiting the Monitoring Officer’s decision on the need to know.</p>}
      <h2>Timeline</h2>
      <Timeline
        id={id}
        sentOn={row.sentOn}
        items={detail.timeline}
        canCorrect={detail.lifecycle.state === 'open'}
        onChanged={() => void reload()}
      />
      <LifecycleActions detail={detail} onChanged={() => void reload()} />
      {detail.lifecycle.state === 'open' && <LogEventForm id={id} onDone={setDetail} />}
      <FollowUpPanel detail={detail} navigate={navigate} onChanged={() => void reload()} />
      <DraftPanel requestId={id} onSent={() => void reload()} />
      <RequestCorrespondence requestId={id} refreshKey={detail.events.length} onChanged={() => void reload()} />

      <WhatCameBack id={id} detail={detail} mode={mode} isMember={isMember} navigate={navigate} reload={reload} />
    </section>
  );
}

/** What the officer sent back: the materials on the request, its arrivals, and the forms to add more. */
function WhatCameBack({
  id,
  detail,
  mode,
  isMember,
  navigate,
  reload,
}: {
  id: string;
  detail: RequestDetail;
  mode: MeetingMode;
  isMember: boolean;
  navigate: Navigate;
  reload: () => Promise<unknown>;
}) {
  return (
    <>
      <h2>What came back</h2>
      {detail.lockedMaterials > 0 && !isMember && (
        <p className="locked">
          🔒 {detail.lockedMaterials} Member-only item{detail.lockedMaterials === 1 ? '' : 's'} on this request: only the Member can open{' '}
          {detail.lockedMaterials === 1 ? 'it' : 'them'}.
        </p>
      )}
      {detail.materials.length === 0 && detail.withheldMaterials.length === 0 && <p>Nothing recorded yet.</p>}
      <WithheldMaterials items={detail.withheldMaterials} mode={mode} />
      <ul className="materials">
        {detail.materials.map((m) => (
          <MaterialItem key={m.id} material={m} mode={mode} isMember={isMember} navigate={navigate} onChanged={reload} />
        ))}
      </ul>
      <RequestArrivals requestId={id} isMember={isMember} mode={mode} onChanged={reload} />
      <AddMaterialForm requestId={id} isMember={isMember} onAdded={reload} />
      <RecordArrivalForm requestId={id} onDone={reload} />
    </>
  );
}

/** Material main withheld in the meeting mode: named only by its kind ("Protected material (pink paper)"), never its title. */
function WithheldMaterials({ items, mode }: { items: RequestDetail['withheldMaterials']; mode: MeetingMode }) {
  if (items.length === 0) return null;
  return (
    <ul className="materials">
      {items.map((m) => (
        <li key={m.id} className="material placeholder">
          {m.name}, received {ukDate(m.receivedOn)}: hidden in {modeInWords(mode)}.
        </li>
      ))}
    </ul>
  );
}

// The Monitoring Officer's decision and escalations have their own forms (FollowUpPanel), which record who.
const LOGGED_ELSEWHERE = new Set(['mo-decision', 'escalated']);

export const LOG_EVENT_FIELDS: FieldMap = {
  fields: {
    type: 'What happened',
    on: { label: 'Date it happened', missing: 'Enter the date it happened' },
    promisedBy: { label: 'Promised by', missing: 'Enter the date the answer is promised by' },
    note: 'Note',
  },
  aliases: { event: 'type', decidedBy: 'note', informationWithheld: 'note' },
};

function LogEventForm({ id, onDone }: { id: string; onDone: (d: RequestDetail) => void }) {
  const [type, setType] = useState<RequestEvent['type']>('acknowledged');
  const [onParts, setOnParts] = useState<DateParts>(() => dateParts(today()));
  const [note, setNote] = useState('');
  const [promisedParts, setPromisedParts] = useState<DateParts>(emptyDate);
  const [saved, setSaved] = useState('');
  const form = useForm(LOG_EVENT_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const p = new Problems();
    const on = p.date(onParts, 'on', 'Date it happened', { notFuture: true });
    const promisedBy = type === 'holding' ? p.date(promisedParts, 'promisedBy', 'Promised by') : '';
    if (type === 'holding') p.require(note, 'note', 'Say what the holding reply says is happening');
    p.limit(note, type === 'answered' ? 4000 : 2000, 'note', 'Note');
    if (p.any) return form.fail(p.list);
    const event = (
      type === 'holding'
        ? { type, on, note, promisedBy }
        : type === 'escalated'
          ? { type, on, note, informationWithheld: false }
          : type === 'mo-decision'
            ? { type, on, note, accepted: true, decidedBy: note || 'Monitoring Officer' }
            : { type, on, note }
    ) as RequestEvent;
    const r = await api().requests.logEvent({ id, event });
    if (r.ok) {
      form.clear();
      setNote('');
      setPromisedParts(emptyDate());
      setOnParts(dateParts(today()));
      setSaved(`${EVENT_NAMES[type]} logged.`);
      onDone(r.value);
    } else form.failWith(r.error);
  }
  return (
    <Form form={form} className="stack wide" onSubmit={submit} aria-label="Log a response">
      <Field label="What happened" name="type">
        {(p) => (
          <select {...p} value={type} onChange={(e) => setType(e.target.value as RequestEvent['type'])}>
            {Object.entries(EVENT_NAMES)
              .filter(([v]) => !LOGGED_ELSEWHERE.has(v))
              .map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
          </select>
        )}
      </Field>
      <DateInput label="Date it happened" name="on" value={onParts} onChange={setOnParts} />
      {type === 'holding' && (
        <DateInput
          label="Promised by"
          name="promisedBy"
          value={promisedParts}
          onChange={setPromisedParts}
          hint={
            <>
              The new date for the answer. <Glossary term="holding-reply" />
            </>
          }
        />
      )}
      <Field label="Note" name="note" limit={{ max: type === 'answered' ? 4000 : 2000, value: note }}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <SubmitWithStatus label="Log it" saved={saved} />
    </Form>
  );
}

function MaterialItem({
  material,
  mode,
  isMember,
  navigate,
  onChanged,
}: {
  material: Material;
  mode: MeetingMode;
  isMember: boolean;
  navigate: Navigate;
  onChanged: () => void;
}) {
  const { opened, error, toggle } = useOpen(() => api().materials.view({ id: material.id }));
  const visible = isVisibleInMode(material, mode);
  if (!visible)
    return (
      <li className="material placeholder">
        Protected material: hidden in {mode.kind === 'public-meeting' ? 'public-meeting mode' : 'this private session'}.
      </li>
    );
  return (
    <li className="material">
      <strong>{material.title}</strong>{' '}
      <span className={`tag ${isProtected(material.classification) ? 'tag-protected' : ''}`}>
        {classificationLabel(material.classification)}
      </span>
      {material.isBriefing && <span className="tag tag-protected">Briefing given in confidence (Member only)</span>} received{' '}
      {ukDate(material.receivedOn)}
      {!material.erasedOn && personalDataLabel(material.personalData) && (
        <span className="tag">{personalDataLabel(material.personalData)}</span>
      )}
      {!materialFate(material) && (
        <div className="actions">
          <OpenButton open={!!opened} onClick={() => void toggle()} what={material.title} />{' '}
          {isMember && isMemberOnly(material) && <PassItOn material={material} navigate={navigate} />}
        </div>
      )}
      <ErrorMessage message={error} />
      {opened && !materialFate(material) && <p className="opened prose">{opened.summary || '(no summary recorded)'}</p>}
      <MaterialAttachments material={material} isMember={isMember} />
      <MaterialLifecycle material={material} isMember={isMember} onChanged={onChanged} />
    </li>
  );
}

export const MATERIAL_FIELDS: FieldMap = {
  fields: { ...MATERIAL_DETAILS_FIELDS.fields, receivedOn: { label: 'Received on', missing: 'Enter the date it was received' } },
  aliases: { ...MATERIAL_DETAILS_FIELDS.aliases, requestId: 'title' },
};

export function AddMaterialForm({ requestId, isMember, onAdded }: { requestId: string; isMember: boolean; onAdded: () => void }) {
  // A PA can only ever record open material, so that is all a PA is offered (never a "not yet known" default they would be refused).
  const fresh = () => materialDetails({ level: isMember ? 'unsure' : 'open' });
  const [details, setDetails] = useState(fresh);
  const [receivedOn, setReceivedOn] = useState<DateParts>(() => dateParts(today()));
  const [saved, setSaved] = useState('');
  const form = useForm(MATERIAL_FIELDS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const p = new Problems();
    const received = readDate(receivedOn, 'Received on', { notFuture: true });
    const input = readMaterialDetails(details, p, {
      allowBriefing: isMember,
      // The received date stands after the summary, so its problem is listed there.
      afterSummary: () => 'error' in received && p.add('receivedOn', received.error),
    });
    if (!input || !('iso' in received) || !received.iso) return form.fail(p.list);
    const r = await api().materials.add({ requestId, receivedOn: received.iso, ...input });
    if (r.ok) {
      form.clear();
      setSaved(`Recorded ${details.title.trim()}.`);
      setDetails(fresh());
      setReceivedOn(dateParts(today()));
      onAdded();
    } else form.failWith(r.error);
  }

  return (
    <Form form={form} onSubmit={submit} aria-labelledby="add-material-heading">
      <h3 id="add-material-heading">Record what the officer sent</h3>
      {!isMember && (
        <p className="hint">
          As a PA you record open material here. For anything that may be confidential, exempt or a pink paper, use “Record that it arrived
          for the Member” below: it is sealed for the Member, who classifies it.
        </p>
      )}
      <MaterialDetailsFields
        value={details}
        onChange={setDetails}
        levels={isMember ? undefined : ['open']}
        levelHint={isMember ? 'If you are not sure, it is treated as confidential until the officer confirms.' : 'Open: anyone may see it.'}
        allowBriefing={isMember}
        afterSummary={<DateInput label="Received on" name="receivedOn" value={receivedOn} onChange={setReceivedOn} />}
      />
      <SubmitWithStatus label="Record it" saved={saved} />
    </Form>
  );
}
