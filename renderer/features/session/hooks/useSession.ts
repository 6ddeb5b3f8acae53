import { useCallback, useEffect, useState } from 'react';
import type { SessionState } from '../../../../shared/domain/session';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { api } from '../../../kit/api';

/** The session as the main process sees it; follows every lock/unlock pushed from main. */
export function useSession() {
  const [session, setSession] = useState<SessionState | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void api()
      .session.getState()
      .then((result) => {
        if (!live) return;
        if (result.ok) setSession(result.value);
        else setLoadError(result.error);
      });
    const unsubscribe = api().session.onChanged((state) => setSession(state));
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const lock = useCallback(async () => {
    const result = await api().session.lock();
    if (result.ok) setSession(result.value);
  }, []);

  return { session, setSession, loadError, lock };
}
