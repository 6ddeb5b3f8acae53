import { useMemo, useState } from 'react';
import type { CorrespondenceItem, ImportFlag } from '../../../../shared/domain/correspondence';
import { api } from '../../../kit/api';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { formatSize } from '../../requests/components/MaterialAttachments';
import { sanitiseEmailHtml } from './sanitise';
import { cleanFileName } from '../../../../shared/domain/file-names';

const FLAG_NAMES: Record<ImportFlag, string> = {
  'outside-domain': 'Not a council address',
  copies: 'Copies',
  'blind-copy': 'Blind copy',
  'sender-checks': 'Sender not confirmed',
  'message-id-clash': 'Two different copies',
};

const who = (a: { name: string; email: string } | null) => (a ? (a.name ? `${a.name} <${a.email}>` : a.email) : 'unknown sender');

/** One imported email: who, when, flags, then its plain text (or its HTML made safe). */
export function MessageView({ item, headingLevel = 3 }: { item: CorrespondenceItem; headingLevel?: 2 | 3 }) {
  const html = useMemo(() => (!item.text.trim() && item.html ? sanitiseEmailHtml(item.html) : null), [item.text, item.html]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  async function saveOriginal() {
    setStatus('');
    setError(null);
    const r = await api().correspondence.exportOriginal({ id: item.id });
    if (!r.ok) return setError(r.error.message);
    setStatus(r.value.file ? `Saved a copy of the email to ${r.value.file}.` : 'Nothing was saved.');
  }
  return (
    <article className="email" aria-label={`Email: ${item.subject || '(no subject)'}`}>
      <Heading>{item.subject || '(no subject)'}</Heading>
      <dl className="facts">
        <dt>From</dt>
        <dd>{who(item.from)}</dd>
        <dt>To</dt>
        <dd>{item.to.map(who).join(', ') || '—'}</dd>
        {item.cc.length > 0 && (
          <>
            <dt>Copies</dt>
            <dd>{item.cc.map(who).join(', ')}</dd>
          </>
        )}
        <dt>Date</dt>
        <dd>{ukDate(item.date)}</dd>
        {item.importer && (
          <>
            <dt>Imported by</dt>
            <dd>
              {item.importer}, {ukDate(item.importedOn)}
            </dd>
          </>
        )}
        {item.attachments.length > 0 && (
          <>
            <dt>Attachments</dt>
            <dd>
              <ul>
                {item.attachments.map((a, i) => (
                  <li key={i}>
                    {cleanFileName(a.name)} ({formatSize(a.size)})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {item.flagNotes.length > 0 && (
        <ul className="flags" aria-label="Flags">
          {item.flags.map((f, i) => (
            <li key={f}>
              <strong className="tag tag-warning">{FLAG_NAMES[f]}</strong> {item.flagNotes[i]}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Show the email</summary>
        {html !== null ? (
          <div className="email-body" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <pre className="email-body">{item.text || '(no text)'}</pre>
        )}
      </details>
      <p>
        <button type="button" className="secondary" onClick={() => void saveOriginal()}>
          Save the original email…
        </button>
      </p>
      <ErrorMessage message={error} />
      {status && <p role="status">{status}</p>}
    </article>
  );
}
