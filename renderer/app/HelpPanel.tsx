import { useEffect, useRef } from 'react';
import { shortcuts, type ShortcutAction } from './shortcuts';

/** A modal dialog listing the shortcuts; Escape or the button closes it and focus returns. */
export function HelpPanel({ onClose, available }: { onClose: () => void; available: Set<ShortcutAction> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    const previous = document.activeElement as HTMLElement | null;
    el.showModal?.();
    return () => previous?.focus?.();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="help-heading" onClose={onClose} onCancel={onClose}>
      <h2 id="help-heading">Keyboard shortcuts</h2>
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
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
