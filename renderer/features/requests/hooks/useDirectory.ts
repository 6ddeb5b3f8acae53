import { useLiveQuery } from '../../../db/live';
import { meetingsByDate, officersByName } from '../../../db/queries';
import { useRead } from '../../../db/useRead';

/**
 * Officers, meetings and the council profile in force: what the request form needs. Officers and
 * meetings are read live from the working set, so one added on another screen appears at once.
 */
export function useDirectory() {
  const officers = useLiveQuery(officersByName, [], []);
  const meetings = useLiveQuery(meetingsByDate, [], []);
  const { data: council } = useRead('council:get', undefined, { refreshOn: ['council-settings', 'council-profile'] });
  return { officers, meetings, council: council ?? null };
}
