import { useCallback, useEffect, useState } from 'react';
import type { CorrespondenceItem } from '../../../../shared/domain/correspondence';
import { api } from '../../../kit/api';

/** A version number bumped whenever correspondence changes (an import, a filing, another window). */
function useCorrespondenceVersion() {
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(
    () =>
      api().records.onChanged(({ kind }) => {
        if (kind === 'correspondence') reload();
      }),
    [reload],
  );
  return { version, reload };
}

/** Emails waiting to be filed, kept current as records change. */
export function useUnfiled() {
  const { version, reload } = useCorrespondenceVersion();
  const [state, setState] = useState<{ items: CorrespondenceItem[] | null; memberOnlyCount: number; error: string | null }>({
    items: null,
    memberOnlyCount: 0,
    error: null,
  });
  useEffect(() => {
    let live = true;
    void api()
      .correspondence.unfiled()
      .then((r) => {
        if (!live) return;
        setState((s) =>
          r.ok ? { items: r.value.items, memberOnlyCount: r.value.memberOnlyCount, error: null } : { ...s, error: r.error.message },
        );
      });
    return () => {
      live = false;
    };
  }, [version]);
  return { ...state, reload };
}

/** The emails filed against one request. */
export function useRequestCorrespondence(requestId: string, refreshKey: unknown) {
  const { version, reload } = useCorrespondenceVersion();
  const [items, setItems] = useState<CorrespondenceItem[]>([]);
  useEffect(() => {
    let live = true;
    void api()
      .correspondence.forRequest({ requestId })
      .then((r) => live && r.ok && setItems(r.value));
    return () => {
      live = false;
    };
  }, [requestId, refreshKey, version]);
  return { items, reload };
}
