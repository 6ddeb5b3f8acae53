import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';

/** The one problem the site step can have (its address), as an error summary linking to the field. */
export function AddressProblem({
  message,
  fieldId,
  summaryRef,
}: {
  message: string;
  fieldId: string;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div role="alert" className="error-summary" tabIndex={-1} ref={summaryRef}>
      <h2>There is a problem</h2>
      <ul>
        <li>
          <a href={`#${fieldId}`}>{message}</a>
        </li>
      </ul>
    </div>
  );
}

/** The site step's answers, kept while the Member goes on to confirm the address and back. */
export function useSiteChoice() {
  const [siteFrom, setSiteFrom] = useState<'file' | 'address'>('file');
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const addressId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  return { siteFrom, setSiteFrom, address, setAddress, addressError, setAddressError, addressId, summaryRef };
}
export type SiteChoice = ReturnType<typeof useSiteChoice>;

/** Where the democracy site's meetings come from: a file saved from it, or its address. */
export function SiteForm({
  site,
  busy,
  onSubmit,
  onCancel,
}: {
  site: SiteChoice;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
}) {
  const { siteFrom, setSiteFrom: onSiteFrom, address, setAddress: onAddress, addressError, addressId } = site;
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <fieldset>
        <legend>Where are the meetings?</legend>
        <label className="choice">
          <input type="radio" name="site-from" checked={siteFrom === 'file'} onChange={() => onSiteFrom('file')} /> A file saved from the
          site (ModernGov GetMeetings or GetMeeting, .xml)
        </label>
        <label className="choice">
          <input type="radio" name="site-from" checked={siteFrom === 'address'} onChange={() => onSiteFrom('address')} /> Fetch them from
          the site’s address
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
            onChange={(e) => onAddress(e.target.value)}
          />
        </div>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          Continue
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The one address the app will contact, said before it does. */
export function ConfirmSite({
  origin,
  busy,
  onContact,
  onChange,
}: {
  origin: string;
  busy: boolean;
  onContact: () => void;
  onChange: () => void;
}) {
  return (
    <div className="stack">
      <p>
        <strong>This will contact {origin}</strong> to ask for its meetings from a week ago to three months ahead, with their agendas. This
        is the only time the app uses the internet; nothing about you or your requests is sent.
      </p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={onContact}>
          {busy ? 'Contacting the site…' : 'Contact the site'}
        </button>
        <button type="button" className="secondary" onClick={onChange}>
          Change the address
        </button>
      </div>
    </div>
  );
}
