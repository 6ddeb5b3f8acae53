import { useId, useState } from 'react';
import type { Attachment, Material } from '../../../../shared/domain/material';
import { api } from '../../../kit/api';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { AuditTrail } from '../../disclosures/components/AuditTrail';
import { exportConfirmation, mayReleaseForDisclosure } from '../../../../shared/domain/disclosure';
import { isMemberOnly } from '../../../../shared/domain/classification';
import { useRead } from '../../../db/useRead';
import { cleanFileName } from '../../../../shared/domain/file-names';

/** 205 KB, 12.4 MB: enough to recognise a file, in the units people use. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The officer's files on one material, and its audit trail. The main process picks the files and
 * decides whether a copy may be saved (R-DIS-3); this only asks and shows the answer.
 */
export function MaterialAttachments({ material, isMember = false }: { material: Material; isMember?: boolean }) {
  const [confirmed, setConfirmed] = useState(false);
  // What main answered after an attach, until the page hands down a newer material.
  const [attached, setAttached] = useState<{ from: Attachment[]; list: Attachment[] } | null>(null);
  const attachments = attached?.from === material.attachments ? attached.list : material.attachments;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [trailShown, setTrailShown] = useState(false);
  const [trailVersion, setTrailVersion] = useState(0);
  const trailId = useId();

  async function attach() {
    setBusy(true);
    setError(null);
    setStatus('');
    const r = await api().attachments.add({ materialId: material.id });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setAttached({ from: material.attachments, list: r.value.material.attachments });
    setTrailVersion((v) => v + 1);
    setStatus(r.value.added === 0 ? 'No files were chosen.' : `Attached ${r.value.added} file${r.value.added === 1 ? '' : 's'}.`);
  }

  async function saveCopy(a: Attachment) {
    setError(null);
    setStatus('');
    const r = await api().attachments.export({ materialId: material.id, attachmentId: a.id, confirmMatchesApproval: confirmed });
    if (!r.ok) return setError(r.error.message);
    if (!r.value.file) return setStatus('Nothing was saved.');
    setTrailVersion((v) => v + 1);
    setStatus(`Saved a copy of ${cleanFileName(a.name)} to ${r.value.file} (${formatSize(r.value.bytes)}).`);
  }

  return (
    <div className="stack wide">
      {attachments.length === 0 ? (
        <p className="hint">No files attached.</p>
      ) : (
        <>
          {isMember && isMemberOnly(material) && (
            <PartialApprovalWarning materialId={material.id} confirmed={confirmed} onConfirm={setConfirmed} />
          )}
          <ul aria-label={`Files attached to ${material.title}`}>
            {attachments.map((a) => (
              <li key={a.id}>
                {cleanFileName(a.name)} ({formatSize(a.size)}, attached {ukDate(a.addedOn)}){' '}
                <button type="button" className="secondary" onClick={() => void saveCopy(a)}>
                  Save a copy<span className="visually-hidden"> of {cleanFileName(a.name)}</span>…
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={() => void attach()}>
          {busy ? 'Attaching' : 'Attach files'}
          <span className="visually-hidden"> to {material.title}</span>…
        </button>{' '}
        <button
          type="button"
          className="secondary"
          aria-expanded={trailShown}
          aria-controls={trailId}
          onClick={() => setTrailShown((s) => !s)}
        >
          {trailShown ? 'Hide audit trail' : 'Show audit trail'}
          <span className="visually-hidden"> of {material.title}</span>
        </button>
      </div>
      <ErrorMessage message={error} />
      <p role="status" className="success">
        {status}
      </p>
      <div id={trailId} hidden={!trailShown}>
        {trailShown && <AuditTrail recordId={material.id} refreshKey={trailVersion} />}
      </div>
    </div>
  );
}

/** R-DIS-1 (000 §17.9.2): the same test main makes: when every approval of this material left something out, saving the whole file is confirmed first. Member only (a PA cannot read disclosures). */
function PartialApprovalWarning({
  materialId,
  confirmed,
  onConfirm,
}: {
  materialId: string;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const { data: disclosures } = useRead('disclosures:list', undefined, { refreshOn: ['disclosure'] });
  const id = useId();
  const released = (disclosures ?? []).filter((d) => d.materialId === materialId && mayReleaseForDisclosure(d.gate));
  const partial = released.length > 0 && released.every((d) => !!d.gate.withheld) ? released[released.length - 1]!.gate : null;
  if (!partial) return null;
  return (
    <div className="notice" data-testid="export-warning">
      <p>{exportConfirmation(partial, 'whole-file').message}</p>
      <label className="checkbox" htmlFor={id}>
        <input type="checkbox" id={id} checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} /> What I save and pass on matches
        what was approved
      </label>
    </div>
  );
}
