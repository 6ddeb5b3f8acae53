import { useState, type ReactNode } from 'react';
import type { MaterialListItem } from '../../../../shared/ipc/views';
import type { Navigate } from '../../../kit/routes';
import { DataTable, ErrorMessage } from '../../../kit/ui';
import { useMaterialList } from '../hooks/useMaterialList';

export interface MaterialColumn {
  header: string;
  /** The cell for one item; `after(message)` is what an action calls when it is done (says so and reads the list again). */
  cell: (item: MaterialListItem, after: (message: string) => () => void) => ReactNode;
}

/** A Member's list of material to act on (due for erasure, still held): a table, one row an item, with what to do on each. */
export function MaterialListScreen({
  channel,
  heading,
  hint,
  empty,
  columns,
}: {
  channel: 'materials:retentionDue' | 'materials:protectedHeld';
  heading: string;
  hint: string;
  empty: string;
  columns: MaterialColumn[];
}) {
  const { items, error, reload } = useMaterialList(channel);
  const [done, setDone] = useState('');
  const after = (message: string) => () => {
    setDone(message);
    reload();
  };
  const headingId = `${channel.replace(':', '-')}-heading`;
  return (
    <section className="screen" aria-labelledby={headingId}>
      <h1 id={headingId}>{heading}</h1>
      <p className="hint">{hint}</p>
      <ErrorMessage message={error} />
      <p className="success" role="status">
        {done}
      </p>
      {items && items.length === 0 && <p>{empty}</p>}
      {items && items.length > 0 && (
        <DataTable
          rows={items}
          columns={columns.map((c) => ({ key: c.header, header: c.header, cell: (m: MaterialListItem) => c.cell(m, after) }))}
        />
      )}
    </section>
  );
}

/** The request an item came for: its reference opens it, its subject beside it. */
export function requestColumn(navigate: Navigate): MaterialColumn {
  return {
    header: 'Request',
    cell: (m) => (
      <>
        <button type="button" className="link" onClick={() => navigate({ name: 'request', id: m.requestId })}>
          {m.requestReference}
        </button>{' '}
        {m.requestSubject}
      </>
    ),
  };
}
