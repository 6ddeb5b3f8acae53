import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { statusNames, REQUEST_STATUSES, type RequestStatus } from '../../../../shared/domain/requests';
import type { ListFilterOptions, RequestListRow } from '../../../../shared/ipc/views';
import type { Navigate, RequestView } from '../../../kit/routes';
import { ukDate } from '../../../kit/ui';
import {
  DEFAULT_LIST_QUERY,
  useFilterOptions,
  useRequestList,
  type ListQuery,
  type ListWindow,
  type SortKey,
} from '../hooks/useRequestQuery';
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

/** The requests list: its filters, its count and the table, over main's answer to what they ask. */
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
  const [query, setQuery] = useState<ListQuery>({ ...DEFAULT_LIST_QUERY, view });
  const [range, setRange] = useState({ first: 0, last: 0 });
  const list = useRequestList(query, range.first, range.last);
  const options = useFilterOptions();
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (searchFocusKey > 0) search.current?.focus();
  }, [searchFocusKey]);

  return (
    <section className="screen" aria-labelledby="requests-heading">
      <h1 id="requests-heading">{VIEW_NAMES[query.view]}</h1>
      <ListFilters query={query} setQuery={setQuery} options={options} searchRef={search} />
      <ResultCount list={list} />
      <RequestsTable
        list={list}
        query={query}
        setQuery={setQuery}
        onRange={setRange}
        navigate={navigate}
        hidden={(classification) => mode.kind === 'public-meeting' && PROTECTED.has(classification)}
      />
    </section>
  );
}

type SetQuery = (change: (q: ListQuery) => ListQuery) => void;

/** The search box and the filters; each change is a new query for main. */
function ListFilters({
  query,
  setQuery,
  options,
  searchRef,
}: {
  query: ListQuery;
  setQuery: SetQuery;
  options: ListFilterOptions;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const set = (key: keyof ListQuery) => (value: string) => setQuery((q) => ({ ...q, [key]: value }));
  const plain = (values: string[]) => values.map((s) => ({ value: s, label: s }));
  return (
    <div className="filters" role="search">
      <div className="field">
        <label htmlFor="request-search">Search subject, question, notes and officer</label>
        <input id="request-search" ref={searchRef} type="search" value={query.search} onChange={(e) => set('search')(e.target.value)} />
      </div>
      <Select
        label="View"
        value={query.view}
        onChange={(v) => set('view')(v)}
        options={Object.entries(VIEW_NAMES).map(([value, label]) => ({ value, label }))}
        includeAll={false}
      />
      <Select
        label="Status"
        value={query.view === 'overdue' && !query.status ? OVERDUE_ANY : query.status}
        onChange={(v) =>
          setQuery((q) =>
            v === OVERDUE_ANY ? { ...q, status: '', view: 'overdue' } : { ...q, status: v, view: q.view === 'overdue' ? 'all' : q.view },
          )
        }
        options={[{ value: OVERDUE_ANY, label: 'Overdue (including very overdue)' }, ...STATUS_OPTIONS]}
      />
      <Select label="Service" value={query.service} onChange={set('service')} options={plain(options.service)} />
      <Select label="Officer" value={query.officer} onChange={set('officer')} options={plain(options.officer)} />
      <Select label="Ward" value={query.ward} onChange={set('ward')} options={plain(options.ward)} />
      <Select
        label="Classification"
        value={query.classification}
        onChange={set('classification')}
        options={plain([...new Set(['Exempt', ...options.classification])])}
      />
      <div className="field">
        <span className="label-like" id="exempt-filter-label">
          Exempt
        </span>
        <button
          type="button"
          className="secondary"
          aria-pressed={query.classification === 'Exempt'}
          aria-describedby="exempt-filter-label"
          onClick={() => set('classification')(query.classification === 'Exempt' ? '' : 'Exempt')}
        >
          {query.classification === 'Exempt' ? 'Showing exempt only' : 'Exempt only'}
        </button>
      </div>
      <Select label="Capacity" value={query.capacity} onChange={set('capacity')} options={plain(options.capacity)} />
      <Select label="Route" value={query.route} onChange={set('route')} options={plain(options.route)} />
      <Select label="Meeting" value={query.meetingId} onChange={set('meetingId')} options={options.meeting} />
    </div>
  );
}

/** "N of M requests", once main has counted them. */
function ResultCount({ list }: { list: ListWindow }) {
  const n = (count: number) => count.toLocaleString('en-GB');
  return (
    <p role="status" className="hint" data-testid="result-count" data-loading={list.total === null}>
      {list.error ?? (list.total === null ? 'Loading requests…' : `${n(list.total)} of ${n(list.all)} requests`)}
    </p>
  );
}

/** The table: only the rows on screen (and a margin) are rendered, and only their pages asked for. */
function RequestsTable({
  list,
  query,
  setQuery,
  onRange,
  navigate,
  hidden,
}: {
  list: ListWindow;
  query: ListQuery;
  setQuery: SetQuery;
  onRange: (range: { first: number; last: number }) => void;
  navigate: Navigate;
  hidden: (classification: string) => boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = list.total ?? 0;
  // TanStack Virtual returns non-memoisable functions; the React Compiler skips this component, which is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => onRange({ first, last }), [first, last, onRange]);
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  // Arrow keys move between rows; the list scrolls to keep the focused row in view.
  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((event.target as HTMLElement).closest('tr')?.dataset.index ?? -1);
    const next = Math.max(0, Math.min((count || 1) - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`tr[data-index="${next}"] button`)?.focus());
  }

  return (
    <div ref={scroller} className="table-scroll" data-testid="requests-scroll">
      <table className="table requests-table" aria-rowcount={count + 1} data-showing={list.showing}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} className={cellClass(c)} />
          ))}
        </colgroup>
        <SortHeader query={query} setQuery={setQuery} />
        <tbody onKeyDown={onKeyDown}>
          {padTop > 0 && <Spacer height={padTop} />}
          {items.map((item) => {
            const row = list.rowAt(item.index);
            // A row whose page has not arrived keeps its place until it does.
            if (!row) return <Spacer key={`wait-${item.index}`} height={ROW_HEIGHT} />;
            return <RequestRowView key={row.id} row={row} index={item.index} navigate={navigate} hidden={hidden} />;
          })}
          {padBottom > 0 && <Spacer height={padBottom} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMNS.length} />
    </tr>
  );
}

/** The column headings, each a button that sorts by it (again to reverse). */
function SortHeader({ query, setQuery }: { query: ListQuery; setQuery: SetQuery }) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <th
            key={c.key}
            scope="col"
            className={cellClass(c)}
            aria-sort={query.sort === c.key ? (query.descending ? 'descending' : 'ascending') : 'none'}
          >
            <button
              type="button"
              className="sort"
              onClick={() => setQuery((q) => ({ ...q, sort: c.key, descending: q.sort === c.key ? !q.descending : false }))}
            >
              {c.label}
              <span aria-hidden="true" className="sort-arrow">
                {query.sort === c.key ? (query.descending ? ' ▼' : ' ▲') : ' ↕'}
              </span>
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One request's row; a locked placeholder says only that it is Member only. */
function RequestRowView({
  row: r,
  index,
  navigate,
  hidden,
}: {
  row: RequestListRow;
  index: number;
  navigate: Navigate;
  hidden: (classification: string) => boolean;
}) {
  return (
    <tr data-index={index} aria-rowindex={index + 2} className={r.locked ? 'locked-row' : undefined} style={{ height: ROW_HEIGHT }}>
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
