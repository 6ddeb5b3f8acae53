import { classificationLabel } from './ClassificationDetails';
import type { Navigate } from '../../../kit/routes';
import { ukDate } from '../../../kit/ui';
import { DisposalForm } from './MaterialLifecycle';
import { MaterialListScreen, requestColumn } from './MaterialListScreen';

/** R-USE-4 (000 §17.9.5): protected material still held, to destroy or return at end of term. Member only. */
export function HeldScreen({ navigate }: { navigate: Navigate }) {
  return (
    <MaterialListScreen
      channel="materials:protectedHeld"
      heading="Protected material held"
      hint="Confidential, exempt and pink-paper material and briefings you still hold. At the end of your term, or when you no longer need an item, destroy it or return it to the council and record that here."
      empty="You hold no protected material."
      columns={[
        { header: 'Material', cell: (m) => m.title },
        { header: 'Classification', cell: (m) => classificationLabel(m.classification) },
        { header: 'Received', cell: (m) => ukDate(m.receivedOn) },
        requestColumn(navigate),
        {
          header: 'Destroy or return',
          cell: (m, after) => (
            <details>
              <summary>Record destroyed or returned</summary>
              <DisposalForm id={m.id} onDone={after(`Recorded: “${m.title}”.`)} />
            </details>
          ),
        },
      ]}
    />
  );
}
