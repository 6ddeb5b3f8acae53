import { useLiveQuery } from './live';
import { useCallback, useEffect } from 'react';
import type { InputOf, InvokeChannel, OutputOf } from '../../shared/ipc/contract';
import { fetchRead, readKey, type RefreshOn } from './reads';
import { db } from './working-set';

/**
 * The one hook for a screen's read from main: `useRead('disclosures:register', undefined, {
 * refreshOn: ['disclosure'] })`. The answer is kept in the working set and read live from it, so it
 * is fetched on mount, again on every change event of the kinds named, and again on `reload()`
 * (after a save this screen made), and every screen showing the same read follows.
 * `data` is undefined until the first answer arrives; `error` is main's message in plain words.
 */
export function useRead<C extends InvokeChannel>(channel: C, input: InputOf<C>, options: { refreshOn?: readonly RefreshOn[] } = {}) {
  const key = readKey(channel, input);
  const stored = useLiveQuery(() => db.reads.get(key), [key]);
  // `key` stands for the channel and input; the kinds followed are fixed per call site.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(() => fetchRead(channel, input, options.refreshOn ?? []), [key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data: (stored?.value ?? undefined) as OutputOf<C> | undefined, error: stored?.error ?? null, reload };
}
