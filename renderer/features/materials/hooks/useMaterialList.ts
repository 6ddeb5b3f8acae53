import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../../shared/ipc/errors';
import type { MaterialListItem } from '../../../../shared/ipc/views';

/** A list of material from main (due for erasure, still held), with an error and a way to reload it. */
export function useMaterialList(fetch: () => Promise<Result<MaterialListItem[]>>) {
  const [items, setItems] = useState<MaterialListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    void fetch().then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [version]); // eslint-disable-line react-hooks/exhaustive-deps -- each screen passes one fixed call
  return { items, error, reload };
}
