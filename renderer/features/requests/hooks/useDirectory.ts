import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/ipc/contract';
import type { Meeting, Officer } from '../../../../shared/domain/directory';
import { api } from '../../../app/api';

/** Officers, meetings and the council profile in force: what the request form needs. */
export function useDirectory(refreshKey = 0) {
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [council, setCouncil] = useState<OutputOf<'council:get'> | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([api().officers.list(), api().meetings.list(), api().council.get()]).then(([o, m, c]) => {
      if (!live) return;
      if (o.ok) setOfficers(o.value);
      if (m.ok) setMeetings(m.value);
      if (c.ok) setCouncil(c.value);
    });
    return () => {
      live = false;
    };
  }, [refreshKey]);
  return { officers, meetings, council };
}
