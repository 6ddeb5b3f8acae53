import { useState } from 'react';
import type { MeetingImportPreview, MeetingImportRequest } from '../../../../shared/ipc/meeting-import';
import { api } from '../../../kit/api';

export type ImportStep =
  { name: 'start' } | { name: 'site' } | { name: 'confirm-site'; origin: string } | { name: 'check'; preview: MeetingImportPreview };

/** The steps of a meeting import: main reads and checks the meetings (preview), and saves them only on apply. */
export function useMeetingImport(onImported: () => void) {
  const [step, setStep] = useState<ImportStep>({ name: 'start' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  return { step, setStep, error, done, busy, preview, apply };
}
