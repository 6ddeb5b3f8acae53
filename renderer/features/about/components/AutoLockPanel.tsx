import { useState } from 'react';
import { useAppStatus } from '../hooks/useAppStatus';
import { AutoLockForm } from './AutoLockForm';

/** Auto-lock minutes on the Settings screen. A preference of this computer, so the Member and a PA may both set it. */
export function AutoLockPanel() {
  const { status, loadError, setAutoLockMinutes } = useAppStatus();
  // Lives here, not in the form: the form is remounted when the saved value changes.
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="auto-lock-heading">
      <h2 id="auto-lock-heading">Auto-lock</h2>
      {loadError && (
        <p role="alert" className="error">
          Could not read the auto-lock setting: {loadError.message}
        </p>
      )}
      {status && (
        <AutoLockForm
          key={status.settings.autoLockMinutes}
          current={status.settings.autoLockMinutes}
          save={setAutoLockMinutes}
          onSaved={setNotice}
        />
      )}
      <p role="status" className="success">
        {notice}
      </p>
    </section>
  );
}
