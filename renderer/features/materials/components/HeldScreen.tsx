import { useState } from 'react';
import { useMaterialList } from '../hooks/useMaterialList';
import { classificationLabel } from './ClassificationDetails';
import type { Navigate } from '../../../app/routes';
import { ErrorMessage, ukDate } from '../../../app/ui';
import { DisposalForm } from './MaterialLifecycle';

/** R-USE-4 (000 §17.9.5): protected material still held, to destroy or return at end of term. Member only. */
export function HeldScreen({ navigate }: { navigate: Navigate }) {
  const { items, error, reload: load } = useMaterialList('materials:protectedHeld');
  const [done, setDone] = useState('');

  return (
    <section className="screen" aria-labelledby="held-heading">
      <h1 id="held-heading">Protected material held</h1>
      <p className="hint">
        Confidential, exempt and pink-paper material and briefings you still hold. At the end of your term, or when you no longer need an
        item, destroy it or return it to the council and record that here.
      </p>
      <ErrorMessage message={error} />
      <p className="success" role="status">
        {done}
      </p>
      {items && items.length === 0 && <p>You hold no protected material.</p>}
      {items && items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Material</th>
              <th scope="col">Classification</th>
              <th scope="col">Received</th>
              <th scope="col">Request</th>
              <th scope="col">Destroy or return</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{m.title}</td>
                <td>{classificationLabel(m.classification)}</td>
                <td>{ukDate(m.receivedOn)}</td>
                <td>
                  <button type="button" className="link" onClick={() => navigate({ name: 'request', id: m.requestId })}>
                    {m.requestReference}
                  </button>
                </td>
                <td>
                  <details>
                    <summary>Record destroyed or returned</summary>
                    <DisposalForm
                      id={m.id}
                      onDone={() => {
                        setDone(`Recorded: “${m.title}”.`);
                        load();
                      }}
                    />
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
