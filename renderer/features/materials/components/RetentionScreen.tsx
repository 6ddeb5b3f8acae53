import { useState } from 'react';
import { useMaterialList } from '../hooks/useMaterialList';
import type { Navigate } from '../../../app/routes';
import { ErrorMessage, ukDate } from '../../../app/ui';
import { EraseButton, KeepUntilForm } from './MaterialLifecycle';

/** R-CLS-6: personal data whose erase-by date has been reached, each to erase now or keep longer with a reason. */
export function RetentionScreen({ navigate }: { navigate: Navigate }) {
  const { items, error, reload: load } = useMaterialList('materials:retentionDue');
  const [done, setDone] = useState('');
  const after = (message: string) => () => {
    setDone(message);
    load();
  };

  return (
    <section className="screen" aria-labelledby="retention-heading">
      <h1 id="retention-heading">Personal data due for erasure</h1>
      <p className="hint">
        Personal data is kept only for your duties as a Member. When its erase-by date comes, erase it, or keep it to a later date and say
        why.
      </p>
      <ErrorMessage message={error} />
      <p className="success" role="status">
        {done}
      </p>
      {items && items.length === 0 && <p>Nothing is due for erasure.</p>}
      {items && items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Erase by</th>
              <th scope="col">Material</th>
              <th scope="col">Request</th>
              <th scope="col">What to do</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{ukDate(m.retainUntil)}</td>
                <td>
                  {m.title}
                  <br />
                  <span className="hint">received {ukDate(m.receivedOn)}</span>
                </td>
                <td>
                  <button type="button" className="link" onClick={() => navigate({ name: 'request', id: m.requestId })}>
                    {m.requestReference}
                  </button>{' '}
                  {m.requestSubject}
                </td>
                <td>
                  <EraseButton id={m.id} onDone={after(`Erased “${m.title}”.`)} />
                  <details>
                    <summary>Keep until…</summary>
                    <KeepUntilForm id={m.id} onDone={after(`Keeping “${m.title}” to the new date.`)} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
