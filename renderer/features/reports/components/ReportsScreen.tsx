import { useEffect, useState } from 'react';
import type { Report, ReportRequest } from '../../../../shared/ipc/reports';
import { api } from '../../../kit/api';
import { ErrorMessage } from '../../../kit/ui';
import { closedInMode, type MeetingMode } from '../../../../shared/domain/protection';

type Kind = 'outstanding' | 'register';

/**
 * Reports made from the app's own records: the report is laid out here to read, and "Save as PDF"
 * asks main for it by kind only; main prints its own copy of the report it built, never this page.
 * Main decides what the report may contain; a refusal is shown with its reason.
 */
export function ReportsScreen({ isMember, requestId, mode }: { isMember: boolean; requestId?: string; mode: MeetingMode }) {
  const [chosen, setKind] = useState<Kind>('outstanding');
  // R-USE-1: the register lists protected things, so it is not offered while a meeting mode closes it.
  const registerOffered = isMember && !closedInMode('register', mode);
  const kind: Kind = registerOffered ? chosen : 'outstanding';
  const [confidential, setConfidential] = useState(false);
  const request: ReportRequest = requestId
    ? { kind: 'request', requestId, includeProtected: confidential }
    : kind === 'outstanding'
      ? { kind: 'outstanding', includeMemberOnly: confidential }
      : { kind: 'register' };
  // The mode is part of what is asked: main builds the report for the mode in force, so a change asks again.
  const key = JSON.stringify(request);
  const modeKey = JSON.stringify(mode);
  // The report with what it was built for: one built for another request or mode is never shown (R-USE-1).
  const [built, setReport] = useState<{ for: string; report: Report | null }>({ for: '', report: null });
  const report = built.for === `${key} ${modeKey}` ? built.report : null;
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api()
      .reports.get(JSON.parse(key) as ReportRequest)
      .then((r) => {
        if (!live) return;
        setSaved(null);
        if (r.ok) {
          setReport({ for: `${key} ${modeKey}`, report: r.value });
          setError(null);
        } else {
          setReport({ for: '', report: null });
          setError(r.error.message);
        }
      });
    return () => {
      live = false;
    };
  }, [key, modeKey]);

  async function savePdf() {
    setBusy(true);
    setSaved(null);
    const r = await api().reports.savePdf(JSON.parse(key) as ReportRequest);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    if (r.value.file)
      setSaved(`Saved the report as a PDF (${Math.max(1, Math.round(r.value.bytes / 1024))} KB): ${r.value.file.split(/[\\/]/).pop()}`);
  }

  const confidentialLabel = requestId
    ? 'Include the content of protected material (a confidential report)'
    : 'Include Member-only requests (a confidential report)';
  return (
    <section className="screen report-screen" aria-labelledby="report-heading">
      <div className="report-controls">
        <h1 id="report-heading">{requestId ? 'Report of this request' : 'Reports'}</h1>
        {!requestId && (
          <fieldset>
            <legend>Which report</legend>
            <label className="choice">
              <input type="radio" name="report-kind" checked={kind === 'outstanding'} onChange={() => setKind('outstanding')} /> Outstanding
              requests by service and officer (for a chasing meeting)
            </label>
            {registerOffered && (
              <label className="choice">
                <input type="radio" name="report-kind" checked={kind === 'register'} onChange={() => setKind('register')} /> Disclosure
                register with its audit trail (for the Monitoring Officer or standards committee)
              </label>
            )}
          </fieldset>
        )}
        {isMember && (requestId || kind === 'outstanding') && (
          <label className="choice">
            <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {confidentialLabel}
          </label>
        )}
        <p className="hint">
          A report with confidential content carries a “Confidential” watermark with the Member’s name and the date, and saving it is
          recorded in the audit trail. None is made in public-meeting mode.
        </p>
        <ErrorMessage message={error} />
        {saved && <p role="status">{saved}</p>}
        <p>
          <button type="button" onClick={() => void savePdf()} disabled={!report || busy}>
            Save as PDF…
          </button>
        </p>
      </div>
      {report && <ReportView report={report} />}
    </section>
  );
}

function ReportView({ report }: { report: Report }) {
  return (
    <article className="report" aria-labelledby="report-title">
      {report.watermark && (
        <p className="watermark" aria-hidden="true">
          {report.watermark}
        </p>
      )}
      <h2 id="report-title">{report.title}</h2>
      {report.watermark && <p className="confidential-mark">{report.watermark}</p>}
      <p className="hint">{report.madeBy}</p>
      {report.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
      {report.sections.map((s, i) => (
        <section key={`${s.heading}-${i}`} aria-label={s.heading} className="report-section">
          <h3>{s.heading}</h3>
          {s.rows.length === 0 ? (
            <p>{s.empty}</p>
          ) : (
            <table className="table report-table">
              <thead>
                <tr>
                  {s.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      // Short cells (dates, references, names) never wrap, so long subjects get the width.
                      <td key={c} className={cell.length <= 24 ? 'short' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </article>
  );
}
