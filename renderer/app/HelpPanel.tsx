import { useEffect, useRef } from 'react';
import { shortcuts, type ShortcutAction } from './shortcuts';
import { GlossaryList, type GlossaryTerm } from '../kit/glossary';

/** A modal dialog: the shortcuts and the glossary; Escape or the button closes it and focus returns. */
export function HelpPanel({
  onClose,
  available,
  term = null,
}: {
  onClose: () => void;
  available: Set<ShortcutAction>;
  term?: GlossaryTerm | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const previous = document.activeElement as HTMLElement | null;
    el.showModal?.();
    if (term) document.getElementById(`glossary-${term}`)?.scrollIntoView?.({ block: 'center' });
    return () => previous?.focus?.();
    // Opened once per showing; the shell remounts the panel for another term.
  }, [term]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="help-heading" onClose={onClose} onCancel={onClose}>
      <h2 id="help-heading">Help</h2>
      <div className="help-columns">
        <section aria-labelledby="shortcuts-heading">
          <h3 id="shortcuts-heading">Keyboard shortcuts</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What it does</th>
              </tr>
            </thead>
            <tbody>
              {shortcuts
                .filter((s) => available.has(s.action))
                .map((s) => (
                  <tr key={s.action}>
                    <td>
                      <kbd>{s.keys}</kbd>
                    </td>
                    <td>{s.description}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="hint">Tab and Shift+Tab move between controls; Enter activates; Escape closes dialogs.</p>
        </section>
        <section aria-labelledby="glossary-heading">
          <h3 id="glossary-heading">What the words mean</h3>
          <GlossaryList highlight={term} />
        </section>
      </div>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
