// Main's change events keep the working set current within an unlock: the list's pages on screen
// are asked for again (a change can move any row and every count), officers and meetings are
// refilled, and every stored per-screen read that follows that kind of record is fetched again.
// Screens reading any of them re-render at once.
import type { RecordType } from '../../shared/domain/record-types';
import { api } from '../kit/api';
import { refreshAllReads, refreshReads } from './reads';
import { listChanged, refreshDirectory } from './working-set';

/** What a list row is made of: its request, its material's classification, its officer's name, its meeting, the council's calendar. */
const LIST_KINDS: ReadonlySet<RecordType> = new Set(['request', 'material', 'officer', 'meeting', 'council-settings', 'council-profile']);

/** Keeps the working set current from main's change events; returns the unsubscribe. */
export function followChanges(): () => void {
  const offRecords = api().records.onChanged(({ kind, id }) => {
    if (LIST_KINDS.has(kind)) void listChanged();
    if (kind === 'officer' || kind === 'meeting') void refreshDirectory();
    void refreshReads(kind, id);
  });
  const offSettings = api().settings.onChanged(() => {
    // The holiday list is in the settings: it moves due dates and days late.
    void listChanged();
    void refreshReads('settings');
  });
  // R-USE-1: what main shows depends on the meeting mode: every list page and read is asked for again.
  const offMode = api().meetingMode.onChanged(() => {
    void listChanged();
    void refreshAllReads();
  });
  return () => {
    offRecords();
    offSettings();
    offMode();
  };
}
