import type { FormEvent } from 'react';
import { democracySiteOrigin } from '../../../../shared/domain/meeting-import';
import type { MeetingImportPreview } from '../../../../shared/ipc/meeting-import';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { useMeetingImport } from '../hooks/useMeetingImport';
import { AddressProblem, ConfirmSite, SiteForm, useSiteChoice } from './SiteSteps';

/**
 * Import meetings from a calendar file or the council's democracy site, GOV.UK style: choose, (for
 * the site) confirm the one address the app will contact, check your answers, import. Main reads
 * and checks everything; nothing is saved until "Import".
 */
export function MeetingImport({ onImported }: { onImported: () => void }) {
  const { step, setStep, error, done, busy, preview, apply } = useMeetingImport(onImported);
  const site = useSiteChoice();
  const { siteFrom, address, addressError, setAddressError, addressId, summaryRef } = site;

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

  return (
    <section aria-labelledby="import-meetings-heading" className="stack wide">
      <h3 id="import-meetings-heading">Import meetings</h3>
      {addressError && <AddressProblem message={addressError} fieldId={addressId} summaryRef={summaryRef} />}
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

      {step.name === 'site' && <SiteForm site={site} busy={busy} onSubmit={continueSite} onCancel={() => setStep({ name: 'start' })} />}

      {step.name === 'confirm-site' && (
        <ConfirmSite
          origin={step.origin}
          busy={busy}
          onContact={() => void preview({ from: 'moderngov-site', address: step.origin })}
          onChange={() => setStep({ name: 'site' })}
        />
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
