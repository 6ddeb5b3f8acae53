import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  hint?: string;
  error?: string | null;
  describedBy?: string;
  autoFocus?: boolean;
}

/** A labelled passphrase box with its hint and error tied to it for screen readers. */
export function PassphraseField({ label, value, onChange, autoComplete, hint, error, describedBy, autoFocus }: Props) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const described = [hint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error">
          {error}
        </p>
      )}
      <input
        id={id}
        type="password"
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
