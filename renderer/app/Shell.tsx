import { useEffect, useMemo, useRef, useState } from 'react';
import type { UserSummary } from '../../shared/ipc/contract';
import { AboutScreen } from '../features/about/components/AboutScreen';
import { UsersScreen } from '../features/session/components/UsersScreen';
import { api } from './api';
import { HelpPanel } from './HelpPanel';
import { shortcutFor, type ShortcutAction } from './shortcuts';

type Route = 'users' | 'about';

const routes: Array<{ id: Route; label: string }> = [
  { id: 'users', label: 'People and passphrases' },
  { id: 'about', label: 'About and settings' },
];

// The main process counts idle time from these pings; one every 20 s is plenty for a 1-minute lock.
const TOUCH_INTERVAL_MS = 20_000;

export function Shell({ user, onLock }: { user: UserSummary; onLock: () => void }) {
  const [route, setRoute] = useState<Route>('users');
  const [helpOpen, setHelpOpen] = useState(false);
  const lastTouch = useRef(0);
  const available = useMemo(() => new Set<ShortcutAction>(['lock', 'help']), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || !available.has(shortcut.action)) return;
      event.preventDefault();
      if (shortcut.action === 'lock') onLock();
      if (shortcut.action === 'help') setHelpOpen(true);
    };
    const onActivity = () => {
      const now = Date.now();
      if (now - lastTouch.current < TOUCH_INTERVAL_MS) return;
      lastTouch.current = now;
      void api().session.touch();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onActivity, { passive: true });
    window.addEventListener('pointerdown', onActivity, { passive: true });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [available, onLock]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-title">Need to Know</p>
        <p className="signed-in">
          Signed in as <strong>{user.name}</strong> ({user.role === 'member' ? 'Member' : 'PA'})
        </p>
        <div className="header-actions">
          <button type="button" className="secondary" onClick={() => setHelpOpen(true)}>
            Shortcuts <kbd>F1</kbd>
          </button>
          <button type="button" className="secondary" onClick={onLock}>
            Lock <kbd>Ctrl+L</kbd>
          </button>
        </div>
      </header>
      <div className="layout">
        <nav aria-label="Main" className="side-nav">
          <ul>
            {routes.map((r) => (
              <li key={r.id}>
                <a
                  href={`#${r.id}`}
                  aria-current={route === r.id ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setRoute(r.id);
                  }}
                >
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {route === 'users' && <UsersScreen user={user} />}
          {route === 'about' && <AboutScreen />}
        </main>
      </div>
      {helpOpen && <HelpPanel available={available} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
