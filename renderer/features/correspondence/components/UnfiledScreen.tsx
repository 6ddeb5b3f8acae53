import type { Navigate } from '../../../kit/routes';
import { ErrorMessage } from '../../../kit/ui';
import { useUnfiled } from '../hooks/useCorrespondence';
import { EmailDropZone } from './EmailDropZone';
import { FileMessageForm } from './FileMessageForm';
import { MessageView } from './MessageView';

/** Officers' emails in: drop or pick them; what matched no request waits here to be filed by hand. */
export function UnfiledScreen({ navigate }: { navigate: Navigate }) {
  const { items, memberOnlyCount, error, reload } = useUnfiled();
  return (
    <section className="screen" aria-labelledby="unfiled-heading">
      <h1 id="unfiled-heading">Unfiled correspondence</h1>
      <p>
        Replies that carry a request’s reference, or answer an email the app wrote, are filed to their request at once. The rest wait here,
        and so does any email whose sender the council’s mail server could not confirm, or that claims to be the same email as a different
        one already kept: check its warning, then file it by hand.
      </p>
      <EmailDropZone onImported={() => void reload()} />
      <ErrorMessage message={error} />
      {items === null ? (
        <p className="loading">Loading…</p>
      ) : (
        <>
          <h2>Waiting to be filed ({items.length})</h2>
          {memberOnlyCount > 0 && <p className="locked">🔒 Some correspondence is Member only: only the Member can open it.</p>}
          {items.length === 0 && <p>Nothing is waiting to be filed.</p>}
          <ul className="emails">
            {items.map((item) => (
              <li key={item.id}>
                <MessageView item={item} />
                <FileMessageForm
                  item={item}
                  onFiled={(filed) => {
                    void reload();
                    if (filed.requestId) navigate({ name: 'request', id: filed.requestId });
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
