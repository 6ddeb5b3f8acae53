import { useState } from 'react';
import type { HolidayEdits } from '../../../../shared/domain/calendar';
import { api } from '../../../kit/api';
import { govUkImportSummary } from '../holiday-edits';

export type Affected = { id: string; reference: string; subject: string; before: { respondBy: string }; after: { respondBy: string } };
export type WeekendQuestion = { date: string; name: string; question: string };

/**
 * A change to the holiday list waiting for the Member's yes: what it is, the requests whose due
 * dates it would move and which of them are accepted (R-DUE-3), and what saving did.
 */
export function useHolidayChanges(reload: () => Promise<unknown>) {
  const [pending, setPending] = useState<{ edits: HolidayEdits; what: string } | null>(null);
  const [affected, setAffected] = useState<Affected[]>([]);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [weekendQuestions, setWeekendQuestions] = useState<WeekendQuestion[]>([]);

  function propose(edits: HolidayEdits, what: string, moved: Affected[], weekend: WeekendQuestion[]) {
    setPending({ edits, what });
    setWeekendQuestions(weekend);
    setAffected(moved);
    setAccepted(new Set(moved.map((a) => a.id)));
  }

  // R-DUE-2, R-DUE-3: gov.uk's bank-holidays.json, picked in main; what it changes and the affected requests are listed before saving.
  async function importGovUk() {
    setNotice('');
    const r = await api().holidays.importGovUk();
    if (!r.ok) return setError(r.error.message);
    setError(null);
    const v = r.value;
    if (!v.file) return;
    propose(v.edits, govUkImportSummary(v), v.affected, v.weekend);
  }

  async function preview(edits: HolidayEdits, what: string) {
    setNotice('');
    const r = await api().holidays.preview(edits);
    if (!r.ok) {
      setError(r.error.message);
      return r;
    }
    setError(null);
    propose(edits, what, r.value, []);
    return r;
  }

  async function save() {
    if (!pending) return;
    const r = await api().holidays.save({ edits: pending.edits, recompute: [...accepted] });
    if (!r.ok) return setError(r.error.message);
    await reload();
    setPending(null);
    setAffected([]);
    setNotice(
      `Holiday list saved. ${r.value.recomputed} request${r.value.recomputed === 1 ? '' : 's'} recomputed; other due dates were left as they were.`,
    );
  }

  return {
    pending,
    affected,
    accepted,
    setAccepted,
    error,
    notice,
    weekendQuestions,
    importGovUk,
    preview,
    save,
    cancel: () => setPending(null),
  };
}
