import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import { api } from '../../../app/api';

export function useAppStatus() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);

  const reload = useCallback(async () => {
    const result = await api().app.getStatus();
    if (result.ok) {
      setStatus(result.value);
      setLoadError(null);
    } else setLoadError(result.error);
  }, []);

  useEffect(() => {
    void reload();
    // Another window (or the settings screen) may change a setting: keep this one current.
    return api().settings.onChanged((settings) => setStatus((s) => (s ? { ...s, settings } : s)));
  }, [reload]);

  const setAutoLockMinutes = useCallback(async (minutes: number) => {
    const result = await api().settings.setAutoLockMinutes({ minutes });
    if (result.ok) setStatus((s) => (s ? { ...s, settings: result.value } : s));
    return result;
  }, []);

  return { status, loadError, setAutoLockMinutes };
}
