import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '../../../../shared/ipc/contract';
import { api } from '../../../kit/api';

/**
 * What the vault found at unlock (saves missing since the last one on this computer, changes not
 * made by the Member's app set aside, an unfinished save): shown first, until the user says they
 * have read it. Nothing was deleted; the words say so.
 */
export function VaultWarnings({ warnings, onDone }: { warnings: string[]; onDone: (state: SessionState) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const acknowledge = async () => {
    const result = await api().session.acknowledgeWarnings();
    if (result.ok) onDone(result.value);
    else setError(result.error.message);
  };
  return (
    <section className="notice vault-warnings" role="alert" aria-labelledby="vault-warnings-heading">
      <h2 id="vault-warnings-heading" tabIndex={-1} ref={heading}>
        Check your vault before you carry on
      </h2>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <p>The app itself has deleted nothing. If you did not expect this, restore your latest backup or ask the council&apos;s IT team.</p>
      {error && <p className="error">{error}</p>}
      <button type="button" onClick={() => void acknowledge()}>
        I have read this
      </button>
    </section>
  );
}
