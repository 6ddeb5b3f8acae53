import { useCallback, useEffect, useState } from 'react';
import type { CorrespondenceItem } from '../../../../shared/domain/correspondence';
import { api } from '../../../app/api';

/** Emails waiting to be filed, kept current as records change (another window, a PA). */
export function useUnfiled() {
  const [items, setItems] = useState<CorrespondenceItem[] | null>(null);
  const [memberOnlyCount, setMemberOnlyCount] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await api().correspondence.unfiled();
    if (r.ok) {
      setItems(r.value.items);
      setMemberOnlyCount(r.value.memberOnlyCount);
      setError(null);
    } else setError(r.error.message);
  }, []);
  useEffect(() => {
    void reload();
    return api().records.onChanged(({ kind }) => {
      if (kind === 'correspondence') void reload();
    });
  }, [reload]);
  return { items, memberOnlyCount, error, reload };
}

/** The emails filed against one request. */
export function useRequestCorrespondence(requestId: string, refreshKey: unknown) {
  const [items, setItems] = useState<CorrespondenceItem[]>([]);
  const reload = useCallback(async () => {
    const r = await api().correspondence.forRequest({ requestId });
    if (r.ok) setItems(r.value);
  }, [requestId]);
  useEffect(() => {
    void reload();
    return api().records.onChanged(({ kind }) => {
      if (kind === 'correspondence') void reload();
    });
  }, [reload, refreshKey]);
  return { items, reload };
}
