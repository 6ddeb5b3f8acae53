import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { api } from '../../../kit/api';

export function useAppStatus() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void api()
      .app.getStatus()
      .then((result) => {
        if (!live) return;
        if (result.ok) setStatus(result.value);
        else setLoadError(result.error);
      });
    // Another window (or another screen) may change a setting: keep this one current.
    const unsubscribe = api().settings.onChanged((settings) => setStatus((s) => (s ? { ...s, settings } : s)));
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const setAutoLockMinutes = useCallback(async (minutes: number) => {
    const result = await api().settings.setAutoLockMinutes({ minutes });
    if (result.ok) setStatus((s) => (s ? { ...s, settings: result.value } : s));
    return result;
  }, []);

  return { status, loadError, setAutoLockMinutes };
}
