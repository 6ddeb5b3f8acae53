import { useId, useState, type FormEvent } from 'react';
import { FILING_KINDS, filingKindNames, type CorrespondenceItem, type FilingKind } from '../../../../shared/domain/correspondence';
import { api } from '../../../kit/api';
import { requestByReference } from '../../../db/queries';
import { DateInput, emptyDate, readDate, type DateParts } from '../../../kit/forms';
import { ErrorSummary, type SummaryError } from './ErrorSummary';

/**
 * "File to request…": which request (unless already matched), what the email is and, for a holding
 * reply, the promised date. Main checks everything again and logs the event with the email's date.
 */
export function FileMessageForm({ item, onFiled }: { item: CorrespondenceItem; onFiled: (i: CorrespondenceItem) => void }) {
  const base = useId();
  const refId = `${base}-ref`;
  const kindId = `${base}-kind`;
  const promisedId = `${base}-promised`;
  const [reference, setReference] = useState('');
  const [kind, setKind] = useState<FilingKind | ''>('');
  const [promised, setPromised] = useState<DateParts>(emptyDate);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const matched = item.requestId;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: SummaryError[] = [];
    let requestId = matched;
    if (!requestId) {
      const wanted = reference
        .trim()
        .replace(/^\[|\]$/g, '')
        .toUpperCase();
      if (!wanted) problems.push({ fieldId: refId, message: 'Enter the request’s reference, for example NTK-2026-00042' });
      else {
        const found = await requestByReference(wanted);
        if (!found) problems.push({ fieldId: refId, message: `There is no request ${wanted} that you can see` });
        else requestId = found.id;
      }
    }
    if (!kind) problems.push({ fieldId: kindId, message: 'Choose what the email is' });
    let promisedBy: string | null = null;
    if (kind === 'holding') {
      const d = readDate(promised, 'The promised date');
      if ('error' in d) problems.push({ fieldId: promisedId, message: d.error });
      else promisedBy = d.iso;
    }
    setErrors(problems);
    if (problems.length || !requestId || !kind) return;
    setBusy(true);
    const r = await api().correspondence.file({ id: item.id, requestId, kind, promisedBy });
    setBusy(false);
    if (!r.ok) return setErrors([{ message: r.error.message }]);
    onFiled(r.value);
  }

  const fieldError = (id: string) => errors.find((x) => x.fieldId === id)?.message ?? null;
  return (
    <form
      className="file-message"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={matched ? 'Record on the timeline' : 'File to request'}
    >
      <ErrorSummary errors={errors} />
      {!matched && (
        <div className="field">
          <label htmlFor={refId}>Request reference</label>
          <p className="hint" id={`${refId}-hint`}>
            For example NTK-2026-00042 (it is on the request page).
          </p>
          {fieldError(refId) && <p className="error">{fieldError(refId)}</p>}
          <input
            id={refId}
            aria-describedby={`${refId}-hint`}
            aria-invalid={fieldError(refId) ? true : undefined}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </div>
      )}
      <fieldset className="field" id={kindId} tabIndex={-1}>
        <legend>What is this email?</legend>
        {fieldError(kindId) && <p className="error">{fieldError(kindId)}</p>}
        {FILING_KINDS.map((k) => (
          <label key={k} className="radio">
            <input type="radio" name={`${base}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} /> {filingKindNames[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'holding' && (
        <DateInput
          id={promisedId}
          name="promisedBy"
          label="The date the officer promised an answer by"
          error={fieldError(promisedId)}
          value={promised}
          onChange={setPromised}
        />
      )}
      <button type="submit" disabled={busy}>
        {matched ? 'Record it' : 'File to request'}
      </button>
    </form>
  );
}
