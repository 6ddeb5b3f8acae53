import { useState, type DragEvent } from 'react';
import { MAX_MESSAGE_BYTES, MAX_MESSAGES_PER_IMPORT, type CorrespondenceItem } from '../../../../shared/domain/correspondence';
import { api } from '../../../kit/api';
import { ErrorSummary, type SummaryError } from './ErrorSummary';

const NEW_OUTLOOK = 'Save the email from Outlook first (File > Save as), then drop the saved file here.';

/** Emails held back for the user to check: the council's mail server could not confirm the sender, or two copies differ. */
function doubtful(items: CorrespondenceItem[]): string {
  const n = items.filter((i) => i.flags.includes('sender-checks') || i.flags.includes('message-id-clash')).length;
  return n
    ? ` ${n === 1 ? 'One email needs' : `${n} emails need`} checking before you rely on ${n === 1 ? 'it' : 'them'}: see the warning${n === 1 ? '' : 's'} under Waiting to be filed.`
    : '';
}

/** The status line after an import: how many came in, how many were matched, and any to check. */
function importStatus(imported: CorrespondenceItem[], anyRefused: boolean): string {
  if (imported.length === 0) return anyRefused ? 'Nothing was imported.' : 'No files were chosen.';
  const filed = imported.filter((i) => i.requestId).length;
  const matched = filed ? `; ${filed} matched to ${filed === 1 ? 'its request' : 'their requests'}` : '';
  return `Imported ${imported.length} email${imported.length === 1 ? '' : 's'}${matched}.${doubtful(imported)}`;
}

/**
 * Where officers' emails come in: dropped .eml/.msg files (classic Outlook drags .msg files) or files
 * picked in main's dialog. Sizes are checked here first so a huge file is never read into the page.
 */
export function EmailDropZone({ onImported }: { onImported: (items: CorrespondenceItem[]) => void }) {
  const [over, setOver] = useState(false);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  function report(
    result: { imported: CorrespondenceItem[]; refused: Array<{ fileName: string; reason: string }> },
    early: SummaryError[] = [],
  ) {
    setErrors([...early, ...result.refused.map((r) => ({ message: `${r.fileName}: ${r.reason}` }))]);
    setStatus(importStatus(result.imported, early.length + result.refused.length > 0));
    onImported(result.imported);
  }

  async function importFiles(list: File[]) {
    const early: SummaryError[] = [];
    const ok = list.filter((f) => {
      if (!/\.(eml|msg)$/i.test(f.name)) early.push({ message: `${f.name}: only emails saved as .eml or .msg files can be imported.` });
      else if (f.size > MAX_MESSAGE_BYTES) early.push({ message: `${f.name}: the file is larger than 50 MB, the most one email may be.` });
      else return true;
      return false;
    });
    if (ok.length > MAX_MESSAGES_PER_IMPORT) return setErrors([{ message: `Drop at most ${MAX_MESSAGES_PER_IMPORT} emails at a time.` }]);
    if (ok.length === 0) return report({ imported: [], refused: [] }, early);
    setBusy(true);
    setStatus('Importing…');
    const files = await Promise.all(ok.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const r = await api().correspondence.import({ files });
    setBusy(false);
    if (!r.ok) {
      setStatus('');
      return setErrors([...early, { message: r.error.message }]);
    }
    report(r.value, early);
  }

  function onDragOver(e: DragEvent) {
    e.preventDefault();
    // Copy, never move: classic Outlook would otherwise move the email to Deleted Items.
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length === 0) {
      // New Outlook hands over only text or a link, never the message itself.
      setStatus('');
      return setErrors([{ message: NEW_OUTLOOK }]);
    }
    void importFiles(files);
  }

  async function choose() {
    setBusy(true);
    setErrors([]);
    const r = await api().correspondence.choose();
    setBusy(false);
    if (!r.ok) return setErrors([{ message: r.error.message }]);
    report(r.value);
  }

  return (
    <div>
      <ErrorSummary errors={errors} />
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="email-drop-zone"
      >
        <p>
          <strong>Drop officers’ emails here</strong> (.eml or .msg files, up to 50 MB each). From classic Outlook, drag the email straight
          here. From new Outlook, save it first (File &gt; Save as).
        </p>
        <button type="button" className="secondary" disabled={busy} onClick={() => void choose()}>
          Choose files
        </button>
      </div>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
