import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { statusNames, REQUEST_STATUSES, type RequestStatus } from '../../../../shared/domain/requests';
import type { Navigate, RequestView } from '../../../kit/routes';
import { ukDate } from '../../../kit/ui';
import { EMPTY_FILTER, useRequestQuery, useRequestRows, type RequestFilter, type SortKey } from '../hooks/useRequestQuery';
import type { MeetingMode } from '../../../../shared/domain/protection';

const VIEW_NAMES: Record<RequestView, string> = {
  all: 'All requests',
  overdue: 'Overdue',
  'due-soon': 'Due in the next 3 working days',
  'awaiting-mo': 'Awaiting the Monitoring Officer',
  'chair-notices': 'Chair notices not yet sent',
};
const ROW_HEIGHT = 44;
const PROTECTED = new Set(['Confidential', 'Exempt', 'Pink paper', 'Not yet known (treated as confidential)', 'Member only']);

// `optional` columns give way first on a narrow window (styles.css), so the five that matter always fit.
const COLUMNS: Array<{ key: SortKey; label: string; optional?: boolean }> = [
  { key: 'reference', label: 'Reference' },
  { key: 'subject', label: 'Subject' },
  { key: 'officerName', label: 'Officer' },
  { key: 'service', label: 'Service', optional: true },
  { key: 'status', label: 'Status' },
  { key: 'sentOn', label: 'Sent', optional: true },
  { key: 'target', label: 'Due' },
];
const cellClass = (c: { key: string; optional?: boolean }) => `col-${c.key}${c.optional ? ' col-optional' : ''}`;

// The Status filter's "Overdue" means what Today's "Overdue" means (very overdue included): the overdue view.
const STATUS_OPTIONS = REQUEST_STATUSES.filter((s) => s !== 'overdue').map((s) => ({ value: s, label: statusNames[s] }));
const OVERDUE_ANY = 'overdue-any';

export function RequestsScreen({
  navigate,
  view,
  mode,
  searchFocusKey,
}: {
  navigate: Navigate;
  view: RequestView;
  mode: MeetingMode;
  searchFocusKey: number;
}) {
  const [filter, setFilter] = useState<RequestFilter>({ ...EMPTY_FILTER, view });
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'target', descending: false });
  const { keys, loaded, total, loading, options } = useRequestQuery(filter, sort);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  // TanStack Virtual returns non-memoisable functions; the React Compiler skips this component, which is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (searchFocusKey > 0) search.current?.focus();
  }, [searchFocusKey]);

  const set = (key: keyof RequestFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  const items = virtualizer.getVirtualItems();
  // Only the rows on screen (and a block either side) are read whole from the working set.
  const rowsByKey = useRequestRows(keys, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  // Arrow keys move between rows; the list scrolls to keep the focused row in view.
  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((event.target as HTMLElement).closest('tr')?.dataset.index ?? -1);
    const next = Math.max(0, Math.min((keys.length || 1) - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`tr[data-index="${next}"] button`)?.focus());
  }

  const hidden = (classification: string) => mode.kind === 'public-meeting' && PROTECTED.has(classification);

  return (
    <section className="screen" aria-labelledby="requests-heading">
      <h1 id="requests-heading">{VIEW_NAMES[filter.view]}</h1>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="request-search">Search subject, question, notes and officer</label>
          <input id="request-search" ref={search} type="search" value={filter.search} onChange={(e) => set('search')(e.target.value)} />
        </div>
        <Select
          label="View"
          value={filter.view}
          onChange={(v) => set('view')(v)}
          options={Object.entries(VIEW_NAMES).map(([value, label]) => ({ value, label }))}
          includeAll={false}
        />
        <Select
          label="Status"
          value={filter.view === 'overdue' && !filter.status ? OVERDUE_ANY : filter.status}
          onChange={(v) =>
            setFilter((f) =>
              v === OVERDUE_ANY ? { ...f, status: '', view: 'overdue' } : { ...f, status: v, view: f.view === 'overdue' ? 'all' : f.view },
            )
          }
          options={[{ value: OVERDUE_ANY, label: 'Overdue (including very overdue)' }, ...STATUS_OPTIONS]}
        />
        <Select
          label="Service"
          value={filter.service}
          onChange={set('service')}
          options={options.service.map((s) => ({ value: s, label: s }))}
        />
        <Select
          label="Officer"
          value={filter.officer}
          onChange={set('officer')}
          options={options.officer.map((s) => ({ value: s, label: s }))}
        />
        <Select label="Ward" value={filter.ward} onChange={set('ward')} options={options.ward.map((s) => ({ value: s, label: s }))} />
        <Select
          label="Classification"
          value={filter.classification}
          onChange={set('classification')}
          options={[...new Set(['Exempt', ...options.classification])].map((s) => ({ value: s, label: s }))}
        />
        <div className="field">
          <span className="label-like" id="exempt-filter-label">
            Exempt
          </span>
          <button
            type="button"
            className="secondary"
            aria-pressed={filter.classification === 'Exempt'}
            aria-describedby="exempt-filter-label"
            onClick={() => set('classification')(filter.classification === 'Exempt' ? '' : 'Exempt')}
          >
            {filter.classification === 'Exempt' ? 'Showing exempt only' : 'Exempt only'}
          </button>
        </div>
        <Select
          label="Capacity"
          value={filter.capacity}
          onChange={set('capacity')}
          options={options.capacity.map((s) => ({ value: s, label: s }))}
        />
        <Select label="Route" value={filter.route} onChange={set('route')} options={options.route.map((s) => ({ value: s, label: s }))} />
        <Select label="Meeting" value={filter.meetingId} onChange={set('meetingId')} options={options.meeting} />
      </div>
      <p role="status" className="hint" data-testid="result-count" data-loading={loading}>
        {loading && loaded === 0
          ? 'Loading requests…'
          : `${keys.length.toLocaleString('en-GB')} of ${loaded.toLocaleString('en-GB')} requests` +
            (loading ? ` (still loading: ${loaded.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} so far)` : '')}
      </p>
      <div ref={scroller} className="table-scroll" data-testid="requests-scroll">
        <table className="table requests-table" aria-rowcount={keys.length + 1}>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} className={cellClass(c)} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={cellClass(c)}
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : false }))}
                  >
                    {c.label}
                    <span aria-hidden="true" className="sort-arrow">
                      {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {padTop > 0 && (
              <tr aria-hidden="true" style={{ height: padTop }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
            {items.map((item) => {
              const r = rowsByKey.get(keys[item.index]!);
              // A row not yet read from the working set keeps its place until it is.
              if (!r)
                return (
                  <tr key={keys[item.index]} aria-hidden="true" style={{ height: ROW_HEIGHT }}>
                    <td colSpan={COLUMNS.length} />
                  </tr>
                );
              return (
                <tr
                  key={r.key}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className={r.locked ? 'locked-row' : undefined}
                  style={{ height: ROW_HEIGHT }}
                >
                  <td className="col-reference">{r.reference}</td>
                  <td className="col-subject" title={r.locked || hidden(r.classification) ? undefined : r.subject}>
                    {r.locked ? (
                      <span className="locked">🔒 Member only</span>
                    ) : (
                      <button type="button" className="link" onClick={() => navigate({ name: 'request', id: r.id })}>
                        {hidden(r.classification) ? 'Protected: hidden in a public meeting' : r.subject}
                      </button>
                    )}
                  </td>
                  <td className="col-officerName" title={r.officerName}>
                    {r.officerName}
                  </td>
                  <td className="col-service col-optional" title={r.service}>
                    {r.service}
                  </td>
                  <td className="col-status">
                    {/* A placeholder's status is not known to this user: never show a computed one. */}
                    {r.locked ? <span className="locked">{r.reference}</span> : <StatusTag status={r.status} late={r.workingDaysLate} />}
                  </td>
                  <td className="col-sentOn col-optional">{ukDate(r.sentOn)}</td>
                  <td className="col-target">{ukDate(r.target)}</td>
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" style={{ height: padBottom }}>
                <td colSpan={COLUMNS.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function StatusTag({ status, late }: { status: RequestStatus; late: number }) {
  return (
    <span className={`tag tag-${status}`}>
      {statusNames[status]}
      {late > 0 ? ` (${late} working day${late === 1 ? '' : 's'} late)` : ''}
    </span>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
  includeAll = true,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Array<{ value: string; label: string }>;
  includeAll?: boolean;
}) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {includeAll && <option value="">Any</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
