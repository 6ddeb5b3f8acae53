import { useState, type ReactNode } from 'react';
import { formatUk } from '../../shared/domain/dates';

// Field and ErrorMessage live with the other form patterns; re-exported here for existing imports.
export { ErrorMessage, Field } from './forms';

/** UK short date (24/11/2026), or a dash for none. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  try {
    return formatUk(iso.slice(0, 10));
  } catch {
    return iso;
  }
}

/**
 * "Open" shows protected text once and becomes "Hide": `read` asks main (which decides and
 * audits); a refusal is kept as `error` in plain words.
 */
export function useOpen<T>(read: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const [opened, setOpened] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    if (opened) return setOpened(null);
    const r = await read();
    if (r.ok) {
      setError(null);
      setOpened(r.value);
    } else setError(r.error.message);
  };
  return { opened, error, toggle };
}

/** The button for `useOpen`: "Open" or "Hide", naming what it opens for a screen reader. */
export function OpenButton({ open, onClick, what }: { open: boolean; onClick: () => void; what: string }) {
  return (
    <button type="button" className="secondary" aria-expanded={open} onClick={onClick}>
      {open ? 'Hide' : 'Open'}
      <span className="visually-hidden"> {what}</span>
    </button>
  );
}

export interface Column<T> {
  /** The column's heading (a visually hidden one for a column of buttons). */
  header: ReactNode;
  /** Its name, unique in the table. */
  key: string;
  cell: (row: T) => ReactNode;
}

/** A table of rows, one column a heading and a cell: the lists of users, disclosures and material share it. */
export function DataTable<T extends { id: string }>({ columns, rows }: { columns: Column<T>[]; rows: readonly T[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {columns.map((c) => (
              <td key={c.key}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
