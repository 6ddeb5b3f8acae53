import { useState } from 'react';
import { useAppStatus } from '../hooks/useAppStatus';
import { AutoLockForm } from './AutoLockForm';

export function AboutScreen() {
  const { status, loadError, setAutoLockMinutes } = useAppStatus();
  // Lives here, not in the form: the form is remounted when the saved value changes.
  const [notice, setNotice] = useState('');

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
          </dl>
          <h2>Auto-lock</h2>
          <AutoLockForm
            key={status.settings.autoLockMinutes}
            current={status.settings.autoLockMinutes}
            save={setAutoLockMinutes}
            onSaved={setNotice}
          />
          <p role="status" className="success">
            {notice}
          </p>
        </>
      )}
    </section>
  );
}
