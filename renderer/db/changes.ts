// Main's change events keep the working set current within an unlock: a changed request is read
// again into its row, officers and meetings are refilled, and every stored per-screen read that
// follows that kind of record is fetched again. Screens reading any of them re-render at once.
import { isRecordType } from '../../shared/domain/record-types';
import { api } from '../kit/api';
import { refreshReads } from './reads';
import { refreshDirectory, refreshRequest } from './working-set';

/** Keeps the working set current from main's change events; returns the unsubscribe. */
export function followChanges(): () => void {
  const offRecords = api().records.onChanged(({ kind, id }) => {
    if (kind === 'request') void refreshRequest(id);
    if (kind === 'officer' || kind === 'meeting') void refreshDirectory();
    if (isRecordType(kind)) void refreshReads(kind, id);
  });
  const offSettings = api().settings.onChanged(() => void refreshReads('settings'));
  return () => {
    offRecords();
    offSettings();
  };
}
