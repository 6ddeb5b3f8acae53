import { useEffect, useId, useState } from 'react';
import { sentDraftNamesRecipient, type DraftPreview } from '../../../../shared/domain/correspondence';
import type { DraftKind } from '../../../../shared/domain/requests';
import { api } from '../../../kit/api';
import { DateInput, Field, dateParts, readDate, type DateParts } from '../../../kit/forms';
import { today } from '../../../kit/clock';
import { ErrorSummary, type SummaryError } from './ErrorSummary';

type Option = { kind: DraftKind; label: string; applies: boolean; reason: string | null };

/** The drafts main says apply to this request, asked again after each step (`after`). */
function useDraftOptions(requestId: string, after: string): Option[] {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    let live = true;
    void api()
      .drafts.options({ requestId })
      .then((r) => live && r.ok && setOptions(r.value));
    return () => {
      live = false;
    };
  }, [requestId, after]);
  return options;
}

const OPENED = 'The draft is open in your email program. Check it, send it from there, then come back and say “I have sent it”.';
const COPIED = 'Copied. Paste it into a new email in your email program.';

/**
 * "Write the email" on a request: the app drafts it, the Member's own mail program sends it. Which
 * drafts apply, and every address rule, come from main (R-ASK-9, R-ASK-10).
 */
export function DraftPanel({ requestId, onSent }: { requestId: string; onSent: () => void }) {
  const base = useId();
  const [kind, setKind] = useState<DraftKind | null>(null);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [status, setStatus] = useState('');
  const [sentOn, setSentOn] = useState<DateParts>(() => dateParts(today()));
  const [sentTo, setSentTo] = useState('');
  const options = useDraftOptions(requestId, status);
  const ids = { sent: `${base}-sent`, sentTo: `${base}-sent-to` };
  const asksWhom = kind !== null && sentDraftNamesRecipient(kind);

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

  async function hand(how: 'open' | 'copy') {
    if (!kind) return;
    const r = await api().drafts[how]({ requestId, kind });
    if (!r.ok) return setErrors([{ message: r.error.message }]);
    setErrors([]);
    setStatus(how === 'open' ? OPENED : COPIED);
  }

  async function sent() {
    if (!kind) return;
    const d = readDate(sentOn, 'The date you sent it', { notFuture: true });
    const problems: SummaryError[] = [];
    if ('error' in d) problems.push({ fieldId: ids.sent, message: d.error });
    // R-ASK-8, R-DUE-4: a chair notice or escalation is recorded with whom it went to (the Member may have changed the address).
    if (asksWhom && !sentTo.trim())
      problems.push({ fieldId: ids.sentTo, message: `Say who you sent ${kind === 'chair-notice' ? 'the notice' : 'it'} to` });
    if (problems.length || 'error' in d) return setErrors(problems);
    const r = await api().drafts.markSent({ requestId, kind, on: d.iso!, ...(asksWhom ? { to: sentTo.trim() } : {}) });
    if (!r.ok) return setErrors([{ fieldId: /sent to|chair/i.test(r.error.message) ? ids.sentTo : ids.sent, message: r.error.message }]);
    setSentTo('');
    setErrors([]);
    setPreview(null);
    setKind(null);
    setStatus('Recorded on the timeline.');
    onSent();
  }

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  return (
    <section aria-labelledby={`${base}-h`} className="draft-panel">
      <h2 id={`${base}-h`}>Email</h2>
      <ErrorSummary errors={errors} />
      <DraftChoices options={options} onWrite={(k) => void write(k)} />
      {preview && (
        <div className="draft-preview" aria-label="Draft">
          <DraftText preview={preview} onOpen={() => void hand('open')} onCopy={() => void hand('copy')} />
          <DateInput
            id={ids.sent}
            name="sentOn"
            label="When did you send it?"
            value={sentOn}
            onChange={setSentOn}
            error={errorFor(ids.sent)}
          />
          {asksWhom && (
            <Field
              id={ids.sentTo}
              label="Who did you send it to?"
              hint={
                kind === 'chair-notice'
                  ? 'The chair or executive member, for example “Cllr Ann Chair (Chair, Planning)”.'
                  : 'The person you escalated it to.'
              }
              error={errorFor(ids.sentTo)}
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

/** A button for each draft that applies now. */
function DraftChoices({ options, onWrite }: { options: Option[]; onWrite: (kind: DraftKind) => void }) {
  return (
    <p>
      {options
        .filter((o) => o.applies)
        .map((o) => (
          <button key={o.kind} type="button" className={o.kind === 'request' ? '' : 'secondary'} onClick={() => onWrite(o.kind)}>
            {o.kind === 'request' ? 'Write the email' : `Write ${o.label.replace(/^(A|An|The) /, (m) => m.toLowerCase())}`}
          </button>
        ))}
    </p>
  );
}

/** The draft's addresses, notes and body, and the ways to hand it to the mail program. */
function DraftText({ preview, onOpen, onCopy }: { preview: DraftPreview; onOpen: () => void; onCopy: () => void }) {
  return (
    <>
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
        <button type="button" onClick={onOpen}>
          Open in your email program
        </button>{' '}
        <button type="button" className="secondary" onClick={onCopy}>
          Copy
        </button>{' '}
        {preview.mailto && (
          <a href={preview.mailto} className="secondary">
            Open as a mailto: link
          </a>
        )}
      </p>
    </>
  );
}
