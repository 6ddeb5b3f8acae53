import { useEffect, useMemo, useRef, useState } from 'react';
import { WHO_LEAVES_A_MEETING_MODE, closedInMode, type MeetingMode, type ProtectedListScreen } from '../../shared/domain/protection';
import type { UserSummary } from '../../shared/domain/session';
import { offeredForNewChoices, type Meeting } from '../../shared/domain/directory';
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
import type { Navigate, Route } from '../kit/routes';
import { ReportsScreen } from '../features/reports/components/ReportsScreen';
import { shortcutFor, shortcuts, type ShortcutAction } from './shortcuts';

// R-USE-1: a screen that lists protected things (closedIn) is not offered while a meeting mode closes it.
const NAV: Array<{ route: Route; label: string; memberOnly?: boolean; closedIn?: ProtectedListScreen }> = [
  { route: { name: 'today' }, label: 'Today' },
  { route: { name: 'requests' }, label: 'Requests' },
  { route: { name: 'new-request' }, label: 'New request' },
  { route: { name: 'unfiled' }, label: 'Unfiled correspondence' },
  { route: { name: 'register' }, label: 'Disclosure register', memberOnly: true, closedIn: 'register' },
  { route: { name: 'retention' }, label: 'Personal data due for erasure', closedIn: 'retention-due' },
  { route: { name: 'held' }, label: 'Protected material held', memberOnly: true, closedIn: 'protected-held' },
  { route: { name: 'officers' }, label: 'Officers and meetings' },
  { route: { name: 'reports' }, label: 'Reports' },
  { route: { name: 'users' }, label: 'People and passphrases' },
  { route: { name: 'settings' }, label: 'Settings' },
  { route: { name: 'about' }, label: 'About' },
];

// The main process counts idle time from these pings; one every 20 s is plenty for a 1-minute lock.
const TOUCH_INTERVAL_MS = 20_000;

type MeetingModeControls = ReturnType<typeof useMeetingMode>;

/** The app after unlock: the header, the meeting-mode banner, the navigation and the screen of the route. */
export function Shell({ user, onLock }: { user: UserSummary; onLock: () => void }) {
  const isMember = user.role === 'member';
  const meetings = useLiveQuery(meetingsByDate, [], []);
  // The navigation shows how many emails wait to be filed.
  const unfiled = useUnfiled();
  // The two reads start first, then the working set is filled, then the meeting mode is followed.
  const fillError = useWorkingSetFill();
  const controls = useMeetingMode(isMember);
  const help = useHelp();
  const { route, setRoute, navigate, mainRef } = useNavigation();
  const [searchFocusKey, setSearchFocusKey] = useState(0);
  const available = useMemo(() => new Set<ShortcutAction>(shortcuts.map((s) => s.action)), []);
  const focusSearch = () => {
    setRoute((r) => (r.name === 'requests' ? r : { name: 'requests' }));
    setSearchFocusKey((k) => k + 1);
  };
  useShortcuts({ available, onLock, openHelp: help.open, navigate, focusSearch, enterPublicMeeting: controls.enterPublicMeeting });

  return (
    <div className={`app mode-${controls.mode.kind}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <ShellHeader user={user} isMember={isMember} controls={controls} onHelp={() => help.open(null)} onLock={onLock} />
      {controls.mode.kind !== 'normal' && <ModeBanner isMember={isMember} controls={controls} meetings={meetings} />}
      <div className="layout">
        <SideNav isMember={isMember} mode={controls.mode} route={route} navigate={navigate} unfiledCount={unfiled.items?.length ?? 0} />
        <main id="main" tabIndex={-1} ref={mainRef}>
          <ErrorMessage message={fillError} />
          <RouteScreen route={route} navigate={navigate} user={user} mode={controls.mode} searchFocusKey={searchFocusKey} />
        </main>
      </div>
      {help.isOpen && <HelpPanel available={available} term={help.term} onClose={help.close} />}
    </div>
  );
}

/** Fills the working set after unlock and keeps it current from change events; says so if the fill fails. */
function useWorkingSetFill(): string | null {
  const [fillError, setFillError] = useState<string | null>(null);
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
    return () => {
      live = false;
      offRecords();
    };
  }, []);
  return fillError;
}

/** The meeting mode in force, as main says, and the Member's ways to change it. */
function useMeetingMode(isMember: boolean) {
  const [mode, setMode] = useState<MeetingMode>({ kind: 'normal' });
  useEffect(() => {
    let live = true;
    const offMode = api().meetingMode.onChanged(setMode);
    void api()
      .meetingMode.get()
      .then((r) => live && r.ok && setMode(r.value));
    return () => {
      live = false;
      offMode();
    };
  }, []);

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
  /** Into a private session for one meeting, from public-meeting mode. */
  function enterPrivateSession(meetingId: string) {
    setSessionEnded(false);
    void changeMode({ kind: 'private-session', meetingId });
  }
  return { mode, sessionEnded, modeError, enterPublicMeeting, endOrEnter, leavePublicMeeting, enterPrivateSession };
}

/** The help panel: open at a glossary term (or at the top), from F1, the header or any "What is this?" link. */
function useHelp() {
  const [isOpen, setIsOpen] = useState(false);
  const [term, setTerm] = useState<GlossaryTerm | null>(null);
  const open = (at: GlossaryTerm | null) => {
    setTerm(at);
    setIsOpen(true);
  };
  // A "What is this?" link anywhere asks for the glossary at its term.
  useEffect(() => {
    const onHelp = (e: Event) => {
      setTerm((e as CustomEvent<GlossaryTerm | null>).detail ?? null);
      setIsOpen(true);
    };
    window.addEventListener(HELP_EVENT, onHelp);
    return () => window.removeEventListener(HELP_EVENT, onHelp);
  }, []);
  return { isOpen, term, open, close: () => setIsOpen(false) };
}

/** The route shown, and moving to another with the focus on the new screen. */
function useNavigation() {
  const [route, setRoute] = useState<Route>({ name: 'today' });
  const mainRef = useRef<HTMLElement>(null);
  const navigate = (next: Route) => {
    setRoute(next);
    requestAnimationFrame(() => mainRef.current?.focus());
  };
  return { route, setRoute, navigate, mainRef };
}

/** The keyboard shortcuts, and the activity pings that keep main's idle lock from firing while the user works. */
function useShortcuts(on: {
  available: Set<ShortcutAction>;
  onLock: () => void;
  openHelp: (term: GlossaryTerm | null) => void;
  navigate: Navigate;
  focusSearch: () => void;
  enterPublicMeeting: () => Promise<void>;
}) {
  const lastTouch = useRef(0);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || !on.available.has(shortcut.action)) return;
      event.preventDefault();
      if (shortcut.action === 'lock') on.onLock();
      if (shortcut.action === 'help') on.openHelp(null);
      if (shortcut.action === 'newRequest') on.navigate({ name: 'new-request' });
      if (shortcut.action === 'today') on.navigate({ name: 'today' });
      if (shortcut.action === 'requests') on.navigate({ name: 'requests' });
      if (shortcut.action === 'search') on.focusSearch();
      if (shortcut.action === 'meetingMode') void on.enterPublicMeeting();
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
}

/** Who is signed in, and the header's buttons: public meeting (the Member only), help and lock. */
function ShellHeader(props: {
  user: UserSummary;
  isMember: boolean;
  controls: MeetingModeControls;
  onHelp: () => void;
  onLock: () => void;
}) {
  const { user, isMember, controls, onHelp, onLock } = props;
  return (
    <header className="app-header">
      <p className="app-title">Need to Know</p>
      <p className="signed-in">
        Signed in as <strong>{user.name}</strong> ({isMember ? 'Member' : 'PA'})
      </p>
      <div className="header-actions">
        {/* A PA sees the mode in force but is offered no mode controls: changing it is the Member's action. */}
        {isMember && controls.mode.kind === 'normal' && (
          <button type="button" className="secondary" onClick={() => void controls.enterPublicMeeting()}>
            Public meeting <kbd>Ctrl+Shift+M</kbd>
          </button>
        )}
        <button type="button" className="secondary" onClick={onHelp}>
          Help <kbd>F1</kbd>
        </button>
        <button type="button" className="secondary" onClick={onLock}>
          Lock <kbd>Ctrl+L</kbd>
        </button>
      </div>
    </header>
  );
}

/** The banner while a meeting mode is in force: what it hides, and the Member's ways in and out. */
function ModeBanner({ isMember, controls, meetings }: { isMember: boolean; controls: MeetingModeControls; meetings: Meeting[] }) {
  const { mode, sessionEnded, modeError } = controls;
  const committee = mode.kind === 'private-session' ? meetings.find((m) => m.id === mode.meetingId)?.committee : undefined;
  return (
    <div className="mode-banner" role="status">
      {mode.kind === 'public-meeting' ? (
        <>
          {sessionEnded && <>Private session ended: you are back in public-meeting mode. </>}
          <strong>Public-meeting mode:</strong> protected content is hidden and screen capture is blocked.
        </>
      ) : (
        <>
          <strong>Private session:</strong>{' '}
          {isMember
            ? `showing only the pink papers of ${committee ?? 'this meeting'}.`
            : `${committee ?? 'this meeting'}. Protected content stays hidden.`}
        </>
      )}{' '}
      {isMember && mode.kind === 'private-session' && (
        <button type="button" className="secondary" onClick={() => void controls.endOrEnter()}>
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
              if (e.target.value) controls.enterPrivateSession(e.target.value);
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
        <button type="button" className="secondary" onClick={() => void controls.leavePublicMeeting()}>
          Leave public-meeting mode
        </button>
      )}
      {/* A PA left in a meeting mode cannot end it (main refuses): they are told who can. */}
      {!isMember && <span className="mode-who">{WHO_LEAVES_A_MEETING_MODE}</span>}
      <ErrorMessage message={modeError} />
    </div>
  );
}

/** The main navigation, with the count of emails waiting to be filed. */
function SideNav(props: { isMember: boolean; mode: MeetingMode; route: Route; navigate: Navigate; unfiledCount: number }) {
  const { isMember, mode, route, navigate, unfiledCount } = props;
  const offered = NAV.filter((n) => (isMember || !n.memberOnly) && !(n.closedIn && closedInMode(n.closedIn, mode)));
  return (
    <nav aria-label="Main" className="side-nav">
      <ul>
        {offered.map((n) => (
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
              {n.route.name === 'unfiled' && unfiledCount > 0 && <span className="count"> ({unfiledCount})</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The screen for the route. */
function RouteScreen(props: { route: Route; navigate: Navigate; user: UserSummary; mode: MeetingMode; searchFocusKey: number }) {
  const { route, navigate, user, mode, searchFocusKey } = props;
  const isMember = user.role === 'member';
  switch (route.name) {
    case 'today':
      return <TodayScreen navigate={navigate} isMember={isMember} mode={mode} />;
    case 'requests':
      return (
        <RequestsScreen
          key={route.view ?? 'all'}
          navigate={navigate}
          view={route.view ?? 'all'}
          mode={mode}
          searchFocusKey={searchFocusKey}
        />
      );
    case 'new-request':
      return (
        <NewRequestScreen key={JSON.stringify(route.prefill ?? null)} navigate={navigate} isMember={isMember} prefill={route.prefill} />
      );
    case 'request':
      return <RequestScreen key={route.id} id={route.id} navigate={navigate} mode={mode} isMember={isMember} />;
    case 'disclosure':
      return <DisclosureScreen id={route.id} navigate={navigate} />;
    case 'register':
      return <RegisterScreen navigate={navigate} />;
    case 'unfiled':
      return <UnfiledScreen navigate={navigate} />;
    case 'retention':
      return <RetentionScreen navigate={navigate} />;
    case 'held':
      return isMember ? <HeldScreen navigate={navigate} /> : null;
    case 'officers':
      return <OfficersScreen />;
    case 'reports':
      return <ReportsScreen key={route.requestId ?? 'all'} isMember={isMember} requestId={route.requestId} mode={mode} />;
    case 'users':
      return <UsersScreen user={user} />;
    case 'settings':
      return <SettingsScreen isMember={isMember} />;
    case 'about':
      return <AboutScreen />;
  }
}
