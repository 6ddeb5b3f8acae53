import type { PassphraseStrength } from '../../../../shared/domain/passphrase-strength';

/** The live verdict on a new passphrase: a meter plus the reasons in words. */
export function StrengthMeter({ strength, id }: { strength: PassphraseStrength | null; id: string }) {
  return (
    <div id={id} className="strength" aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength?.score ?? 0} aria-label="Passphrase strength" />
      <p className="hint">
        Strength: <strong>{strength ? strength.label : 'not entered yet'}</strong>
      </p>
      {strength && strength.reasons.length > 0 && (
        <ul className="hint">
          {strength.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
