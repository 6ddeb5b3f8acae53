import { useAppStatus } from '../hooks/useAppStatus';

/** App facts only; auto-lock and the council settings are on the Settings screen. */
export function AboutScreen() {
  const { status, loadError } = useAppStatus();

  return (
    <section aria-labelledby="about-heading" className="screen">
      <h1 id="about-heading">About and status</h1>
      {loadError && (
        <p role="alert" className="error">
          Could not read the app status: {loadError.message}
        </p>
      )}
      {!status && !loadError && <p>Loading…</p>}
      {status && (
        <>
          <dl className="facts">
            <dt>App</dt>
            <dd>
              {status.appName} version <span data-testid="app-version">{status.appVersion}</span>
            </dd>
            <dt>Data folder</dt>
            <dd>
              <code data-testid="data-folder">{status.dataFolder}</code>
            </dd>
            <dt>Settings file</dt>
            <dd>
              <code>{status.settingsFile}</code>
            </dd>
            <dt>Running on</dt>
            <dd>
              {status.runtime}, {status.platform}
            </dd>
            <dt>Auto-lock</dt>
            <dd>After {status.settings.autoLockMinutes} minutes without use (change it in Settings)</dd>
          </dl>
        </>
      )}
    </section>
  );
}
