// First run: what the app needs before the first request, each with its state and where it is done.
import { NATION_NAMES } from '../../../../shared/domain/calendar';
import { useDirectory } from '../../requests/hooks/useDirectory';
import { useRead } from '../../../db/useRead';
import type { Navigate, Route } from '../../../kit/routes';

interface Item {
  label: string;
  state: string;
  done: boolean;
  route: Route;
  action: string;
}

/** The checklist's items from the directory, the council settings and the users. */
export function useSetupChecklist() {
  const { officers, meetings, council } = useDirectory();
  const { data: users } = useRead('users:list', undefined);
  if (!council || !users) return null;
  const pas = users.filter((u) => u.role === 'pa').length;
  const items: Item[] = [
    {
      label: 'Council protocol profile',
      state: council.profile.name,
      done: true,
      route: { name: 'settings' },
      action: 'Check or change it in Settings',
    },
    {
      label: 'Nation, for bank holidays',
      state: NATION_NAMES[council.settings.nation],
      done: true,
      route: { name: 'settings' },
      action: 'Check or change it in Settings',
    },
    {
      label: 'Council email domain',
      state: council.settings.emailDomain ? `@${council.settings.emailDomain}` : 'Not set',
      done: !!council.settings.emailDomain,
      route: { name: 'settings' },
      action: 'Set it in Settings',
    },
    {
      label: 'Officers you write to',
      state: officers.length ? `${officers.length} added` : 'None added',
      done: officers.length > 0,
      route: { name: 'officers' },
      action: 'Add officers',
    },
    {
      label: 'Meetings',
      state: meetings.length ? `${meetings.length} added` : 'None added',
      done: meetings.length > 0,
      route: { name: 'officers' },
      action: 'Add meetings',
    },
    { label: 'A PA (optional)', state: pas ? `${pas} added` : 'None added', done: pas > 0, route: { name: 'users' }, action: 'Add a PA' },
  ];
  return { items, officers: officers.length, complete: items.every((i) => i.done) };
}

/** The checklist itself; each item links to the screen where it is done. */
export function SetupChecklist({ items, navigate, heading = 'Getting started' }: { items: Item[]; navigate: Navigate; heading?: string }) {
  return (
    <section className="checklist" aria-labelledby="checklist-heading" data-testid="setup-checklist">
      <h2 id="checklist-heading">{heading}</h2>
      <p className="hint">Before your first request, set these up. Each takes a minute; you can come back to any of them.</p>
      <ol>
        {items.map((item) => (
          <li key={item.label} className={item.done ? 'done' : 'todo'}>
            <span className="checklist-mark" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>{' '}
            <strong>{item.label}</strong>: {item.state}
            <span className="visually-hidden">{item.done ? ' (done)' : ' (to do)'}</span>.{' '}
            <a
              href={`#${item.route.name}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(item.route);
              }}
            >
              {item.action}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
