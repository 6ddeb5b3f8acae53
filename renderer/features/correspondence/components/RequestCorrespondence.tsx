import { useRequestCorrespondence } from '../hooks/useCorrespondence';
import { FileMessageForm } from './FileMessageForm';
import { MessageView } from './MessageView';
import { filingKindNames } from '../../../../shared/domain/correspondence';

/** The officer's emails filed against this request; a matched reply not yet on the timeline asks what it is. */
export function RequestCorrespondence({
  requestId,
  refreshKey,
  onChanged,
}: {
  requestId: string;
  refreshKey: unknown;
  onChanged: () => void;
}) {
  const { items, reload } = useRequestCorrespondence(requestId, refreshKey);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="correspondence-heading">
      <h2 id="correspondence-heading">Emails</h2>
      <ul className="emails">
        {items.map((item) => (
          <li key={item.id}>
            <MessageView item={item} />
            {item.filed && item.filed.kind !== 'none' ? (
              <p>Filed as: {filingKindNames[item.filed.kind].toLowerCase()}.</p>
            ) : (
              <FileMessageForm
                item={item}
                onFiled={() => {
                  void reload();
                  onChanged();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
