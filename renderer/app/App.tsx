import { SetupScreen } from '../features/session/components/SetupScreen';
import { UnlockScreen } from '../features/session/components/UnlockScreen';
import { VaultWarnings } from '../features/session/components/VaultWarnings';
import { useSession } from '../features/session/hooks/useSession';
import { useEffect } from 'react';
import { clearWorkingSet } from '../db/working-set';
import { Shell } from './Shell';

/** Chooses what to show from the main process's session state: set-up, unlock, or the app. */
export function App() {
  const { session, setSession, loadError, lock } = useSession();
  // Whenever the app is not unlocked, the working set is deleted (docs/ARCHITECTURE.md, "Locking").
  const unlocked = session?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) void clearWorkingSet();
  }, [unlocked]);

  let content;
  if (loadError) {
    content = (
      <section className="screen narrow-screen">
        <h1>Need to Know cannot start</h1>
        <p role="alert" className="error">
          {loadError.message}
        </p>
      </section>
    );
  } else if (!session) {
    content = <p className="loading">Opening…</p>;
  } else if (session.state === 'no-vault') {
    content = <SetupScreen onDone={setSession} />;
  } else if (session.state === 'cannot-open') {
    content = (
      <section className="screen narrow-screen" aria-labelledby="cannot-open-heading">
        <h1 id="cannot-open-heading">The vault cannot be opened</h1>
        <p role="alert" className="error">
          {session.message}
        </p>
        <p>
          Nothing has been changed or deleted. Restore a backup onto a new data folder, or ask the council&apos;s IT team to look at the
          data folder shown in the message.
        </p>
      </section>
    );
  } else if (session.state === 'locked') {
    content = (
      <UnlockScreen
        key="unlock"
        users={session.users}
        reason={session.reason}
        quickUnlockUserId={session.quickUnlockUserId}
        onUnlocked={setSession}
      />
    );
  } else {
    return (
      <>
        {session.warnings?.length ? <VaultWarnings warnings={session.warnings} onDone={setSession} /> : null}
        <Shell user={session.user} onLock={lock} />
      </>
    );
  }

  return (
    <div className="app">
      <header className="app-header">
        <p className="app-title">Need to Know</p>
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </div>
  );
}
