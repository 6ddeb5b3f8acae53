import { useEffect, useState } from 'react';
import type { MaterialListItem } from '../../../../shared/ipc/materials';
import { api } from '../../../app/api';
import type { Navigate } from '../../../app/routes';
import { ErrorMessage, ukDate } from '../../../app/ui';
import { EraseButton, KeepUntilForm } from './MaterialLifecycle';

/** R-CLS-6: personal data whose erase-by date has been reached, each to erase now or keep longer with a reason. */
export function RetentionScreen({ navigate }: { navigate: Navigate }) {
  const [items, setItems] = useState<MaterialListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void api()
      .materials.retentionDue()
      .then((r) => {
        if (!live) return;
        if (r.ok) setItems(r.value);
        else setError(r.error.message);
      });
    return () => {
      live = false;
    };
  }, [version]);
  const after = (message: string) => () => {
    setDone(message);
    load();
  };

  return (
    <section className="screen" aria-labelledby="retention-heading">
      <h1 id="retention-heading">Personal data due for erasure</h1>
      <p className="hint">Personal data is kept only for your duties as a Member. When its erase-by date comes, erase it, or keep it to a later date and say why.</p>
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
