import { useState, type FormEvent } from 'react';
import type { ArrivalSummary, OpenedArrival } from '../../../../shared/domain/arrivals';
import type { MeetingMode } from '../../../../shared/domain/protection';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage, OpenButton, ukDate, useOpen } from '../../../kit/ui';
import { Field, Form, Problems, SubmitWithStatus, useForm, type FieldMap } from '../../../kit/forms';
import {
  MATERIAL_DETAILS_FIELDS,
  MaterialDetailsFields,
  materialDetails,
  readMaterialDetails,
} from '../../materials/components/MaterialDetails';

const ARRIVAL_FIELDS: FieldMap = {
  fields: { title: { label: 'Title', missing: 'Give what arrived a title' }, summary: 'Summary', files: 'Files' },
  aliases: { requestId: 'title' },
};

/** Main's words for one arrival, as the PA and the Member both see it before it is opened. */
function sealedLine(a: ArrivalSummary): string {
  const files = a.fileCount === 0 ? '' : `, with ${a.fileCount} file${a.fileCount === 1 ? '' : 's'}`;
  return `1 item arrived for the Member on ${ukDate(a.arrivedOn)}${files}, sealed`;
}

/**
 * Anyone (a PA above all) records that something arrived for the Member. What is typed
 * and the files are sealed to the Member by main; the PA cannot open them afterwards.
 */
export function RecordArrivalForm({ requestId, onDone }: { requestId: string; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [saved, setSaved] = useState('');
  const form = useForm(ARRIVAL_FIELDS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const p = new Problems();
    p.require(title, 'title', 'Give what arrived a title').limit(title, 200, 'title', 'Title').limit(summary, 8000, 'summary', 'Summary');
    if (files.length > 10) p.add('files', 'Choose at most 10 files');
    if (p.any) return form.fail(p.list);
    const bytes = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const r = await api().arrivals.record({ requestId, title, summary, files: bytes, pick: false });
    if (r.ok) {
      form.clear();
      setTitle('');
      setSummary('');
      setFiles([]);
      setFileKey((k) => k + 1);
      setSaved(`Recorded and sealed for the Member. ${sealedLine(r.value)}.`);
      onDone();
    } else form.failWith(r.error);
  }

  return (
    <Form form={form} onSubmit={submit} aria-labelledby={`arrival-heading-${requestId}`}>
      <h3 id={`arrival-heading-${requestId}`}>Record that it arrived for the Member</h3>
      <p className="hint">
        For anything that may be confidential, exempt or a pink paper. It is sealed for the Member as soon as you record it: you will not be
        able to open it again, and the Member classifies it.
      </p>
      <Field label="Title" name="title" limit={{ max: 200, value: title }}>
        {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label="Summary" name="summary" limit={{ max: 8000, value: summary }}>
        {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <Field label="Files (optional)" name="files" hint="Up to 10 files, 50 MB each.">
        {(p) => <input {...p} key={fileKey} type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />}
      </Field>
      <SubmitWithStatus label="Record and seal for the Member" saved={saved} />
    </Form>
  );
}

/** The arrivals on one request: a sealed line for everyone; the Member opens and classifies each. */
export function RequestArrivals({
  requestId,
  isMember,
  mode,
  onChanged,
}: {
  requestId: string;
  isMember: boolean;
  mode: MeetingMode;
  onChanged: () => void;
}) {
  const { data, error, reload } = useRead('arrivals:list', { requestId }, { refreshOn: ['arrival'] });
  if (error) return <ErrorMessage message={error} />;
  const waiting = (data ?? []).filter((a) => a.status === 'waiting');
  if (waiting.length === 0) return null;
  return (
    <>
      <h3>Arrived for the Member</h3>
      <ul className="materials">
        {waiting.map((a) => (
          <ArrivalItem
            key={a.id}
            arrival={a}
            isMember={isMember}
            mode={mode}
            onChanged={() => {
              void reload();
              onChanged();
            }}
          />
        ))}
      </ul>
    </>
  );
}

function ArrivalItem({
  arrival,
  isMember,
  mode,
  onChanged,
}: {
  arrival: ArrivalSummary;
  isMember: boolean;
  mode: MeetingMode;
  onChanged: () => void;
}) {
  const { opened, error, toggle } = useOpen(() => api().arrivals.open({ id: arrival.id }));
  return (
    <li className="material">
      <span className="locked">🔒 {sealedLine(arrival)}</span>
      {!isMember && <p className="hint">Only the Member can open it.</p>}
      {isMember && mode.kind !== 'normal' && <p className="hint">Not yet classified, so it opens only outside meeting modes.</p>}
      {isMember && mode.kind === 'normal' && (
        <div className="actions">
          <OpenButton open={!!opened} onClick={() => void toggle()} what={`what arrived on ${ukDate(arrival.arrivedOn)}`} />
        </div>
      )}
      <ErrorMessage message={error} />
      {/* R-USE-1: what was opened before a meeting mode began is not shown while it is on. */}
      {opened && mode.kind === 'normal' && (
        <div className="opened">
          <p>
            <strong>{opened.title}</strong>
          </p>
          <p className="prose">{opened.summary || '(no summary recorded)'}</p>
          {opened.files.length > 0 && (
            <ul>
              {opened.files.map((f, i) => (
                <li key={i}>
                  {f.name} ({Math.max(1, Math.round(f.size / 1024))} KB)
                </li>
              ))}
            </ul>
          )}
          <ClassifyArrivalForm arrival={opened} onDone={onChanged} />
        </div>
      )}
    </li>
  );
}

const CLASSIFY_FIELDS: FieldMap = {
  fields: MATERIAL_DETAILS_FIELDS.fields,
  aliases: { ...MATERIAL_DETAILS_FIELDS.aliases, id: 'title' },
};

/**
 * The Member chooses what it is, with the same details as any material (personal or special-category
 * data, whose it is, a briefing); its files become the material's, sealed under the level chosen.
 */
function ClassifyArrivalForm({ arrival, onDone }: { arrival: OpenedArrival; onDone: () => void }) {
  // Nothing is classified by default: the Member chooses from "Choose…".
  const [details, setDetails] = useState(() => materialDetails({ title: arrival.title, summary: arrival.summary }));
  const form = useForm(CLASSIFY_FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = new Problems();
    const input = readMaterialDetails(details, p, { allowBriefing: true });
    if (!input) return form.fail(p.list);
    const r = await api().arrivals.classify({ id: arrival.id, ...input });
    if (r.ok) {
      form.clear();
      onDone();
    } else form.failWith(r.error);
  }
  return (
    <Form form={form} onSubmit={submit} aria-labelledby={`classify-${arrival.id}`}>
      <h4 id={`classify-${arrival.id}`}>Classify it</h4>
      <MaterialDetailsFields value={details} onChange={setDetails} choose allowBriefing />
      <div>
        <button type="submit">Classify and file it</button>
      </div>
    </Form>
  );
}

/** Today, for the Member: what arrived and waits to be classified, with a link to each request. */
export function ArrivedForYou({ onOpenRequest }: { onOpenRequest: (requestId: string) => void }) {
  const { data } = useRead('arrivals:list', {}, { refreshOn: ['arrival'] });
  const waiting = (data ?? []).filter((a) => a.status === 'waiting');
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="arrived-heading">
      <h2 id="arrived-heading">Arrived for you: {waiting.length}</h2>
      <ul>
        {waiting.map((a) => (
          <li key={a.id}>
            <button type="button" className="link" onClick={() => onOpenRequest(a.requestId)}>
              Arrived on {ukDate(a.arrivedOn)}
              {a.fileCount ? `, ${a.fileCount} file${a.fileCount === 1 ? '' : 's'}` : ''}: open the request to classify it
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
