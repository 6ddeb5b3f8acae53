import { useId, useRef, useState, type FormEvent } from 'react';
import { democracySiteOrigin } from '../../../../shared/domain/meeting-import';
import type { MeetingImportPreview, MeetingImportRequest } from '../../../../shared/ipc/meeting-import';
import { api } from '../../../kit/api';
import { ErrorMessage, ukDate } from '../../../kit/ui';

type Step =
  { name: 'start' } | { name: 'site' } | { name: 'confirm-site'; origin: string } | { name: 'check'; preview: MeetingImportPreview };

/**
 * Import meetings from a calendar file or the council's democracy site, GOV.UK style: choose, (for
 * the site) confirm the one address the app will contact, check your answers, import. Main reads
 * and checks everything; nothing is saved until "Import".
 */
export function MeetingImport({ onImported }: { onImported: () => void }) {
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [siteFrom, setSiteFrom] = useState<'file' | 'address'>('file');
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const addressId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);

  async function preview(request: MeetingImportRequest) {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await api().meetings.importPreview(request);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    if (!r.value.token) return; // the user cancelled the file dialog
    setStep({ name: 'check', preview: r.value });
  }

  function continueSite(e: FormEvent) {
    e.preventDefault();
    if (siteFrom === 'file') return void preview({ from: 'moderngov-file' });
    try {
      setAddressError(null);
      setStep({ name: 'confirm-site', origin: democracySiteOrigin(address) });
    } catch (err) {
      setAddressError(err instanceof Error ? err.message : 'Enter the site’s address.');
      queueMicrotask(() => summaryRef.current?.focus());
    }
  }

  async function apply(token: string) {
    setBusy(true);
    const r = await api().meetings.importApply({ token });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setStep({ name: 'start' });
    setDone(
      `Imported: ${r.value.added} added, ${r.value.updated} updated${r.value.unchanged ? `, ${r.value.unchanged} already up to date` : ''}.`,
    );
    onImported();
  }

  return (
    <section aria-labelledby="import-meetings-heading" className="stack wide">
      <h3 id="import-meetings-heading">Import meetings</h3>
      {addressError && (
        <div role="alert" className="error-summary" tabIndex={-1} ref={summaryRef}>
          <h2>There is a problem</h2>
          <ul>
            <li>
              <a href={`#${addressId}`}>{addressError}</a>
            </li>
          </ul>
        </div>
      )}
      <ErrorMessage message={error} />
      {done && <p role="status">{done}</p>}

      {step.name === 'start' && (
        <div className="button-row">
          <button type="button" disabled={busy} onClick={() => void preview({ from: 'ics-file' })}>
            Import from a calendar file (.ics)
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setStep({ name: 'site' })}>
            Import from the council’s democracy site
          </button>
        </div>
      )}

      {step.name === 'site' && (
        <form onSubmit={continueSite} noValidate className="stack">
          <fieldset>
            <legend>Where are the meetings?</legend>
            <label className="choice">
              <input type="radio" name="site-from" checked={siteFrom === 'file'} onChange={() => setSiteFrom('file')} /> A file saved from
              the site (ModernGov GetMeetings or GetMeeting, .xml)
            </label>
            <label className="choice">
              <input type="radio" name="site-from" checked={siteFrom === 'address'} onChange={() => setSiteFrom('address')} /> Fetch them
              from the site’s address
            </label>
          </fieldset>
          {siteFrom === 'address' && (
            <div className="field">
              <label htmlFor={addressId}>The democracy site’s address</label>
              <p className="hint" id={`${addressId}-hint`}>
                For example https://democracy.example.gov.uk. The app contacts nothing else, and only when you confirm.
              </p>
              {addressError && <p className="error">{addressError}</p>}
              <input
                id={addressId}
                type="url"
                aria-describedby={`${addressId}-hint`}
                aria-invalid={addressError ? true : undefined}
                value={address}
                onChange={(e) => setAddress(e.target.value)}
              />
            </div>
          )}
          <div className="button-row">
            <button type="submit" disabled={busy}>
              Continue
            </button>
            <button type="button" className="secondary" onClick={() => setStep({ name: 'start' })}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {step.name === 'confirm-site' && (
        <div className="stack">
          <p>
            <strong>This will contact {step.origin}</strong> to ask for its meetings from a week ago to three months ahead, with their
            agendas. This is the only time the app uses the internet; nothing about you or your requests is sent.
          </p>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void preview({ from: 'moderngov-site', address: step.origin })}>
              {busy ? 'Contacting the site…' : 'Contact the site'}
            </button>
            <button type="button" className="secondary" onClick={() => setStep({ name: 'site' })}>
              Change the address
            </button>
          </div>
        </div>
      )}

      {step.name === 'check' && (
        <CheckMeetings
          preview={step.preview}
          busy={busy}
          onImport={() => void apply(step.preview.token)}
          onCancel={() => setStep({ name: 'start' })}
        />
      )}
    </section>
  );
}

function CheckMeetings({
  preview,
  busy,
  onImport,
  onCancel,
}: {
  preview: MeetingImportPreview;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const total = preview.add.length + preview.update.length;
  const list = (items: MeetingImportPreview['add'], label: string) =>
    items.length > 0 && (
      <>
        <h4>{label}</h4>
        <dl className="summary-list" aria-label={label}>
          {items.map((m) => (
            <div key={`${m.committee}-${m.date}`}>
              <dt>
                {m.committee}, {ukDate(m.date)}
              </dt>
              <dd>
                {m.changes.length > 0 && <p>Changes: {m.changes.join('; ')}</p>}
                {m.agendaItems.length === 0 ? (
                  'No agenda items'
                ) : (
                  <ul>
                    {m.agendaItems.map((item) => (
                      <li key={item}>
                        {item}
                        {m.privateItems.includes(item) && <strong> (private: pink papers)</strong>}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </>
    );
  return (
    <div className="stack">
      <h4>Check the meetings before you import them</h4>
      <p>
        From {preview.sourceLabel}: {preview.add.length} to add, {preview.update.length} to update
        {preview.unchanged ? `, ${preview.unchanged} already up to date` : ''}.
      </p>
      {list(preview.add, 'Meetings to add')}
      {list(preview.update, 'Meetings to update')}
      <div className="button-row">
        <button type="button" disabled={busy || total === 0} onClick={onImport}>
          {total === 0 ? 'Nothing to import' : `Import ${total} meeting${total === 1 ? '' : 's'}`}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
