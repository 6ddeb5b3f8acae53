import { useEffect, useId, useState } from 'react';
import { sentDraftNamesRecipient, type DraftPreview } from '../../../../shared/domain/correspondence';
import type { DraftKind } from '../../../../shared/domain/requests';
import { api } from '../../../kit/api';
import { DateInput, Field, dateParts, readDate, type DateParts } from '../../../kit/forms';
import { today } from '../../../kit/clock';
import { ErrorSummary, type SummaryError } from './ErrorSummary';

type Option = { kind: DraftKind; label: string; applies: boolean; reason: string | null };

/**
 * "Write the email" on a request: the app drafts it, the Member's own mail program sends it. Which
 * drafts apply, and every address rule, come from main (R-ASK-9, R-ASK-10).
 */
export function DraftPanel({ requestId, onSent }: { requestId: string; onSent: () => void }) {
  const base = useId();
  const [options, setOptions] = useState<Option[]>([]);
  const [kind, setKind] = useState<DraftKind | null>(null);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [status, setStatus] = useState('');
  const [sentOn, setSentOn] = useState<DateParts>(() => dateParts(today()));
  const [sentTo, setSentTo] = useState('');
  const sentId = `${base}-sent`;
  const sentToId = `${base}-sent-to`;
  const asksWhom = kind !== null && sentDraftNamesRecipient(kind);

  useEffect(() => {
    let live = true;
    void api()
      .drafts.options({ requestId })
      .then((r) => live && r.ok && setOptions(r.value));
    return () => {
      live = false;
    };
  }, [requestId, status]);

  async function write(k: DraftKind) {
    setKind(k);
    setStatus('');
    setErrors([]);
    const r = await api().drafts.preview({ requestId, kind: k });
    if (!r.ok) {
      setPreview(null);
      return setErrors([{ message: r.error.message }]);
    }
    setPreview(r.value);
    // The escalation's draft is addressed to someone; the chair notice's is not.
    setSentTo(r.value.to[0]?.name ?? '');
  }

  async function open() {
    if (!kind) return;
    const r = await api().drafts.open({ requestId, kind });
    if (!r.ok) return setErrors([{ message: r.error.message }]);
    setErrors([]);
    setStatus('The draft is open in your email program. Check it, send it from there, then come back and say “I have sent it”.');
  }
  async function copy() {
    if (!kind) return;
    const r = await api().drafts.copy({ requestId, kind });
    if (!r.ok) return setErrors([{ message: r.error.message }]);
    setErrors([]);
    setStatus('Copied. Paste it into a new email in your email program.');
  }
  async function sent() {
    if (!kind) return;
    const d = readDate(sentOn, 'The date you sent it', { notFuture: true });
    const problems: SummaryError[] = [];
    if ('error' in d) problems.push({ fieldId: sentId, message: d.error });
    // R-ASK-8, R-DUE-4: a chair notice or escalation is recorded with whom it went to (the Member may have changed the address).
    if (asksWhom && !sentTo.trim())
      problems.push({ fieldId: sentToId, message: `Say who you sent ${kind === 'chair-notice' ? 'the notice' : 'it'} to` });
    if (problems.length || 'error' in d) return setErrors(problems);
    const r = await api().drafts.markSent({ requestId, kind, on: d.iso!, ...(asksWhom ? { to: sentTo.trim() } : {}) });
    if (!r.ok) return setErrors([{ fieldId: /sent to|chair/i.test(r.error.message) ? sentToId : sentId, message: r.error.message }]);
    setSentTo('');
    setErrors([]);
    setPreview(null);
    setKind(null);
    setStatus('Recorded on the timeline.');
    onSent();
  }

  const applicable = options.filter((o) => o.applies);
  return (
    <section aria-labelledby={`${base}-h`} className="draft-panel">
      <h2 id={`${base}-h`}>Email</h2>
      <ErrorSummary errors={errors} />
      <p>
        {applicable.map((o) => (
          <button key={o.kind} type="button" className={o.kind === 'request' ? '' : 'secondary'} onClick={() => void write(o.kind)}>
            {o.kind === 'request' ? 'Write the email' : `Write ${o.label.replace(/^(A|An|The) /, (m) => m.toLowerCase())}`}
          </button>
        ))}
      </p>
      {preview && (
        <div className="draft-preview" aria-label="Draft">
          <dl className="facts">
            <dt>From</dt>
            <dd>{preview.from}</dd>
            <dt>To</dt>
            <dd>{preview.to.map((t) => `${t.name} <${t.email}>`).join(', ') || '(add it in your email program)'}</dd>
            <dt>Copies</dt>
            <dd>{preview.cc.join(', ') || 'None'}</dd>
            <dt>Subject</dt>
            <dd>{preview.subject}</dd>
          </dl>
          {preview.notes.map((n, i) => (
            <p key={i} className="notice">
              {n}
            </p>
          ))}
          <pre className="email-body">{preview.body}</pre>
          <p>
            <button type="button" onClick={() => void open()}>
              Open in your email program
            </button>{' '}
            <button type="button" className="secondary" onClick={() => void copy()}>
              Copy
            </button>{' '}
            {preview.mailto && (
              <a href={preview.mailto} className="secondary">
                Open as a mailto: link
              </a>
            )}
          </p>
          <DateInput
            id={sentId}
            name="sentOn"
            label="When did you send it?"
            value={sentOn}
            onChange={setSentOn}
            error={errors.find((e) => e.fieldId === sentId)?.message ?? null}
          />
          {asksWhom && (
            <Field
              id={sentToId}
              label="Who did you send it to?"
              hint={
                kind === 'chair-notice'
                  ? 'The chair or executive member, for example “Cllr Ann Chair (Chair, Planning)”.'
                  : 'The person you escalated it to.'
              }
              error={errors.find((e) => e.fieldId === sentToId)?.message ?? null}
            >
              {(p) => <input {...p} value={sentTo} maxLength={200} onChange={(e) => setSentTo(e.target.value)} />}
            </Field>
          )}
          <button type="button" onClick={() => void sent()}>
            I have sent it
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
