import type { Navigate } from '../../../kit/routes';
import { ukDate } from '../../../kit/ui';
import { EraseButton, KeepUntilForm } from './MaterialLifecycle';
import { MaterialListScreen, requestColumn } from './MaterialListScreen';

/** R-CLS-6: personal data whose erase-by date has been reached, each to erase now or keep longer with a reason. */
export function RetentionScreen({ navigate }: { navigate: Navigate }) {
  return (
    <MaterialListScreen
      channel="materials:retentionDue"
      heading="Personal data due for erasure"
      hint="Personal data is kept only for your duties as a Member. When its erase-by date comes, erase it, or keep it to a later date and say why."
      empty="Nothing is due for erasure."
      columns={[
        { header: 'Erase by', cell: (m) => ukDate(m.retainUntil) },
        {
          header: 'Material',
          cell: (m) => (
            <>
              {m.title}
              {/* R-CLS-1: special-category data (health, ethnicity, religion…) is named, so it is handled with the care it needs. */}
              {m.specialCategory && (
                <>
                  {' '}
                  <span className="tag tag-protected">Special category personal data</span>
                </>
              )}
              <br />
              <span className="hint">received {ukDate(m.receivedOn)}</span>
            </>
          ),
        },
        requestColumn(navigate),
        {
          header: 'What to do',
          cell: (m, after) => (
            <>
              <EraseButton id={m.id} onDone={after(`Erased “${m.title}”.`)} />
              <details>
                <summary>Keep until…</summary>
                <KeepUntilForm id={m.id} onDone={after(`Keeping “${m.title}” to the new date.`)} />
              </details>
            </>
          ),
        },
      ]}
    />
  );
}
