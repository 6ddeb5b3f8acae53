import { useId } from 'react';
import type { PassphraseStrength } from '../../../../shared/domain/passphrase-strength';
import { Field } from '../../../kit/forms';
import { StrengthMeter } from './StrengthMeter';

interface Props {
  label: string;
  /** The field's name in its form, so the error summary can link to it. */
  name?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  hint?: string;
  error?: string | null;
  /** Another element that describes the box too (the strength meter). */
  describedBy?: string;
  autoFocus?: boolean;
}

/** A passphrase box: the app's labelled Field with a password input, no spellcheck. */
export function PassphraseField({ label, name, value, onChange, autoComplete, hint, error, describedBy, autoFocus }: Props) {
  return (
    <Field label={label} name={name} hint={hint} error={error}>
      {(p) => (
        <input
          {...p}
          aria-describedby={[p['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined}
          type="password"
          value={value}
          autoComplete={autoComplete}
          spellCheck={false}
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A new passphrase: the box and, under it, the live strength meter that describes it. */
export function NewPassphraseField({
  strength,
  ...field
}: Omit<Props, 'autoComplete' | 'describedBy'> & { strength: PassphraseStrength | null }) {
  const meterId = useId();
  return (
    <>
      <PassphraseField {...field} autoComplete="new-password" describedBy={meterId} />
      <StrengthMeter strength={strength} id={meterId} />
    </>
  );
}
