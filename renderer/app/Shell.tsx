import { useEffect, useMemo, useRef, useState } from 'react';
import type { MeetingMode } from '../../shared/domain/protection';
import type { UserSummary } from '../../shared/domain/session';
import { offeredForNewChoices } from '../../shared/domain/directory';
import { AboutScreen } from '../features/about/components/AboutScreen';
import { DisclosureScreen } from '../features/disclosures/components/DisclosureScreen';
import { RegisterScreen } from '../features/disclosures/components/RegisterScreen';
import { OfficersScreen } from '../features/officers/components/OfficersScreen';
import { NewRequestScreen } from '../features/requests/components/NewRequestScreen';
import { RequestScreen } from '../features/requests/components/RequestScreen';
import { RequestsScreen } from '../features/requests/components/RequestsScreen';
import { SettingsScreen } from '../features/settings/components/SettingsScreen';
import { UsersScreen } from '../features/session/components/UsersScreen';
import { TodayScreen } from '../features/today/components/TodayScreen';
import { HeldScreen } from '../features/materials/components/HeldScreen';
import { RetentionScreen } from '../features/materials/components/RetentionScreen';
import { UnfiledScreen } from '../features/correspondence/components/UnfiledScreen';
import { useUnfiled } from '../features/correspondence/hooks/useCorrespondence';
import { useLiveQuery } from '../db/live';
import { followChanges } from '../db/changes';
import { meetingsByDate } from '../db/queries';
import { loadWorkingSet } from '../db/working-set';
import { api, ApiError } from '../kit/api';
import { HelpPanel } from './HelpPanel';
import { HELP_EVENT, type GlossaryTerm } from '../kit/glossary';
import { ErrorMessage, ukDate } from '../kit/ui';
import type { Route } from '../kit/routes';
import { ReportsScreen } from '../features/reports/components/ReportsScreen';
import { shortcutFor, shortcuts, type ShortcutAction } from './shortcuts';

const NAV: Array<{ route: Route; label: string; memberOnly?: boolean }> = [
  { route: { name: 'today' }, label: 'Today' },
  { route: { name: 'requests' }, label: 'Requests' },
  { route: { name: 'new-request' }, label: 'New request' },
  { route: { name: 'unfiled' }, label: 'Unfiled correspondence' },
  { route: { name: 'register' }, label: 'Disclosure register', memberOnly: true },
  { route: { name: 'retention' }, label: 'Personal data due for erasure' },
  { route: { name: 'held' }, label: 'Protected material held', memberOnly: true },
  { route: { name: 'officers' }, label: 'Officers and meetings' },
  { route: { name: 'reports' }, label: 'Reports' },
  { route: { name: 'users' }, label: 'People and passphrases' },
  { route: { name: 'settings' }, label: 'Settings' },
  { route: { name: 'about' }, label: 'About' },
];

// The main process counts idle time from these pings; one every 20 s is plenty for a 1-minute lock.
const TOUCH_INTERVAL_MS = 20_000;

export function Shell({ user, onLock }: { user: UserSummary; onLock: () => void }) {
  const [route, setRoute] = useState<Route>({ name: 'today' });
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpTerm, setHelpTerm] = useState<GlossaryTerm | null>(null);
  const [mode, setMode] = useState<MeetingMode>({ kind: 'normal' });
  const [fillError, setFillError] = useState<string | null>(null);
  const meetings = useLiveQuery(meetingsByDate, [], []);
  // The navigation shows how many emails wait to be filed.
  const unfiled = useUnfiled();
  const [searchFocusKey, setSearchFocusKey] = useState(0);
  const lastTouch = useRef(0);
  const mainRef = useRef<HTMLElement>(null);
  const isMember = user.role === 'member';
  const available = useMemo(() => new Set<ShortcutAction>(shortcuts.map((s) => s.action)), []);

  // Fill the working set after unlock, and keep it current from change events.
  useEffect(() => {
    let live = true;
    // A lock mid-load ends the load quietly (it resolves); anything else is said, never left as
    // "Loading requests…" for ever.
    loadWorkingSet().then(
      () => undefined,
      (error: unknown) => {
        if (!live) return;
        const why = error instanceof ApiError ? ` ${error.message}` : '';
        setFillError(`The requests could not all be loaded.${why} Lock the app and unlock it to try again.`);
      },
    );
    const offRecords = followChanges();
    const offMode = api().meetingMode.onChanged(setMode);
    void api()
      .meetingMode.get()
      .then((r) => live && r.ok && setMode(r.value));
    return () => {
      live = false;
      offRecords();
      offMode();
    };
  }, []);

  // A "What is this?" link anywhere asks for the glossary at its term.
  useEffect(() => {
    const onHelp = (e: Event) => {
      setHelpTerm((e as CustomEvent<GlossaryTerm | null>).detail ?? null);
      setHelpOpen(true);
    };
    window.addEventListener(HELP_EVENT, onHelp);
    return () => window.removeEventListener(HELP_EVENT, onHelp);
  }, []);

  const navigate = (next: Route) => {
    setRoute(next);
    requestAnimationFrame(() => mainRef.current?.focus());
  };

  // R-USE-1: a note that a private session just ended, so the banner can say where the Member is now.
  const [sessionEnded, setSessionEnded] = useState(false);
  const [modeError, setModeError] = useState<string | null>(null);
  async function changeMode(next: MeetingMode) {
    const r = await api().meetingMode.set(next);
    setModeError(r.ok ? null : r.error.message);
    return r;
  }
  /** The shortcut and the header button only ever make the screen safer: into public-meeting mode, or out of a private session back to it. */
  async function enterPublicMeeting() {
    if (!isMember || mode.kind === 'public-meeting') return;
    await endOrEnter();
  }
  async function endOrEnter() {
    const wasPrivate = mode.kind === 'private-session';
    // Main returns a private session to public-meeting mode, never to normal.
    const r = await changeMode(wasPrivate ? { kind: 'normal' } : { kind: 'public-meeting' });
    setSessionEnded(wasPrivate && r.ok && r.value.kind === 'public-meeting');
  }
  /** Leaving public-meeting mode shows protected items again: its own deliberate action, audited by main. */
  async function leavePublicMeeting() {
    const r = await changeMode({ kind: 'normal' });
    if (r.ok) setSessionEnded(false);
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || !available.has(shortcut.action)) return;
      event.preventDefault();
      if (shortcut.action === 'lock') onLock();
      if (shortcut.action === 'help') {
        setHelpTerm(null);
        setHelpOpen(true);
      }
      if (shortcut.action === 'newRequest') navigate({ name: 'new-request' });
      if (shortcut.action === 'today') navigate({ name: 'today' });
      if (shortcut.action === 'requests') navigate({ name: 'requests' });
      if (shortcut.action === 'search') {
        setRoute((r) => (r.name === 'requests' ? r : { name: 'requests' }));
        setSearchFocusKey((k) => k + 1);
      }
      if (shortcut.action === 'meetingMode') void enterPublicMeeting();
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
  });

  return (
    <div className={`app mode-${mode.kind}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-title">Need to Know</p>
        <p className="signed-in">
          Signed in as <strong>{user.name}</strong> ({isMember ? 'Member' : 'PA'})
        </p>
        <div className="header-actions">
          {/* A PA sees the mode in force but is offered no mode controls: changing it is the Member's action. */}
          {isMember && mode.kind === 'normal' && (
            <button type="button" className="secondary" onClick={() => void enterPublicMeeting()}>
              Public meeting <kbd>Ctrl+Shift+M</kbd>
            </button>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setHelpTerm(null);
              setHelpOpen(true);
            }}
          >
            Help <kbd>F1</kbd>
          </button>
          <button type="button" className="secondary" onClick={onLock}>
            Lock <kbd>Ctrl+L</kbd>
          </button>
        </div>
      </header>
      {mode.kind !== 'normal' && (
        <div className="mode-banner" role="status">
          {mode.kind === 'public-meeting' ? (
            <>
              {sessionEnded && <>Private session ended: you are back in public-meeting mode. </>}
              <strong>Public-meeting mode:</strong> protected content is hidden and screen capture is blocked.
            </>
          ) : (
            <>
              <strong>Private session:</strong> showing only the pink papers of{' '}
              {meetings.find((m) => m.id === mode.meetingId)?.committee ?? 'this meeting'}.
            </>
          )}{' '}
          {isMember && mode.kind === 'private-session' && (
            <button type="button" className="secondary" onClick={() => void endOrEnter()}>
              End private session
            </button>
          )}
          {isMember && mode.kind === 'public-meeting' && offeredForNewChoices(meetings).length > 0 && (
            <label>
              Go into private session for{' '}
              <select
                aria-label="Meeting for private session"
                value=""
                onChange={(e) => {
                  if (e.target.value) {
                    setSessionEnded(false);
                    void changeMode({ kind: 'private-session', meetingId: e.target.value });
                  }
                }}
              >
                <option value="">choose a meeting</option>
                {offeredForNewChoices(meetings).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.committee}, {ukDate(m.date)}
                  </option>
                ))}
              </select>
            </label>
          )}{' '}
          {isMember && mode.kind === 'public-meeting' && (
            <button type="button" className="secondary" onClick={() => void leavePublicMeeting()}>
              Leave public-meeting mode
            </button>
          )}
          <ErrorMessage message={modeError} />
        </div>
      )}
      <div className="layout">
        <nav aria-label="Main" className="side-nav">
          <ul>
            {NAV.filter((n) => isMember || !n.memberOnly).map((n) => (
              <li key={n.label}>
                <a
                  href={`#${n.route.name}`}
                  aria-current={route.name === n.route.name ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(n.route);
                  }}
                >
                  {n.label}
                  {n.route.name === 'unfiled' && unfiled.items && unfiled.items.length > 0 && (
                    <span className="count"> ({unfiled.items.length})</span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} ref={mainRef}>
          <ErrorMessage message={fillError} />
          {route.name === 'today' && <TodayScreen navigate={navigate} isMember={isMember} />}
          {route.name === 'requests' && (
            <RequestsScreen
              key={route.view ?? 'all'}
              navigate={navigate}
              view={route.view ?? 'all'}
              mode={mode}
              searchFocusKey={searchFocusKey}
            />
          )}
          {route.name === 'new-request' && (
            <NewRequestScreen key={JSON.stringify(route.prefill ?? null)} navigate={navigate} isMember={isMember} prefill={route.prefill} />
          )}
          {route.name === 'request' && <RequestScreen key={route.id} id={route.id} navigate={navigate} mode={mode} isMember={isMember} />}
          {route.name === 'disclosure' && <DisclosureScreen id={route.id} navigate={navigate} />}
          {route.name === 'register' && <RegisterScreen navigate={navigate} />}
          {route.name === 'unfiled' && <UnfiledScreen navigate={navigate} />}
          {route.name === 'retention' && <RetentionScreen navigate={navigate} />}
          {route.name === 'held' && isMember && <HeldScreen navigate={navigate} />}
          {route.name === 'officers' && <OfficersScreen />}
          {route.name === 'reports' && <ReportsScreen key={route.requestId ?? 'all'} isMember={isMember} requestId={route.requestId} />}
          {route.name === 'users' && <UsersScreen user={user} />}
          {route.name === 'settings' && <SettingsScreen isMember={isMember} />}
          {route.name === 'about' && <AboutScreen />}
        </main>
      </div>
      {helpOpen && <HelpPanel available={available} term={helpTerm} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
