import { useState, type FormEvent } from 'react';
import { NATIONS, NATION_NAMES, type Nation } from '../../../../shared/domain/calendar';
import type { CouncilProfile } from '../../../../shared/domain/profiles';
import type { CouncilSettings } from '../../../../shared/domain/council';
import { checkCouncilDomain } from '../../../../shared/domain/requests';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage } from '../../../kit/ui';
import { Field, Form, useForm, type FieldMap } from '../../../kit/forms';

export const COUNCIL_FIELDS: FieldMap = {
  fields: {
    profileId: { label: 'Council protocol profile', missing: 'Choose the council protocol profile' },
    nation: { label: 'Nation', missing: 'Choose the nation' },
    emailDomain: { label: 'Council email domain', missing: 'Enter the council email domain' },
  },
};

type CouncilView = { settings: CouncilSettings; profile: CouncilProfile; profiles: Array<{ id: string; name: string }> };

/** The profile in force, the nation for bank holidays and the council email domain (the Member changes them; main enforces). */
export function CouncilPanel({ isMember, onSaved }: { isMember: boolean; onSaved: () => void }) {
  const { data: council, error } = useRead('council:get', undefined, { refreshOn: ['council-settings', 'council-profile'] });

  return (
    <section aria-labelledby="council-heading">
      <h2 id="council-heading">Council</h2>
      <ErrorMessage message={error} />
      {council && isMember && <CouncilForm council={council} onSaved={onSaved} />}
      {council && !isMember && (
        <dl className="facts">
          <dt>Council protocol profile in force</dt>
          <dd data-testid="profile-in-force">{council.profile.name}</dd>
          <dt>Nation (for bank holidays)</dt>
          <dd>{NATION_NAMES[council.settings.nation]}</dd>
          <dt>Council email domain</dt>
          <dd>{council.settings.emailDomain || 'Not set'}</dd>
        </dl>
      )}
    </section>
  );
}

function CouncilForm({ council, onSaved }: { council: CouncilView; onSaved: () => void }) {
  const [profileId, setProfileId] = useState(council.settings.profileId);
  const [nation, setNation] = useState<Nation>(council.settings.nation);
  const [emailDomain, setEmailDomain] = useState(council.settings.emailDomain);
  const form = useForm(COUNCIL_FIELDS);
  const [saved, setSaved] = useState('');
  // R-ASK-9 (000 §17.13.2): said as the Member types, not only after Save.
  const live = emailDomain.trim() ? checkCouncilDomain(emailDomain) : null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    // R-ASK-9: the same check main makes, before anything is sent.
    const checked = emailDomain.trim() ? checkCouncilDomain(emailDomain) : null;
    if (checked && !checked.ok) return form.fail([{ field: 'emailDomain', message: checked.reason }]);
    const r = await api().council.set({ profileId, nation, emailDomain: checked?.domain ?? '' });
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    setSaved(`Saved. New requests use ${r.value.profile.name}; existing due dates do not move.`);
    onSaved();
  }
  return (
    <Form form={form} onSubmit={submit} aria-label="Council settings">
      <Field
        label="Council protocol profile"
        name="profileId"
        hint="New requests take their deadlines and Monitoring Officer steps from this profile. Requests already sent keep the profile recorded on them."
      >
        {(p) => (
          <select {...p} value={profileId} onChange={(e) => setProfileId(e.target.value)}>
            {council.profiles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Nation (for bank holidays)" name="nation">
        {(p) => (
          <select {...p} value={nation} onChange={(e) => setNation(e.target.value as Nation)}>
            {NATIONS.map((n) => (
              <option key={n} value={n}>
                {NATION_NAMES[n]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Council email domain"
        name="emailDomain"
        hint="For example example-council.gov.uk. Requests must come from this address."
        error={live && !live.ok ? live.reason : undefined}
      >
        {(p) => <input {...p} value={emailDomain} onChange={(e) => setEmailDomain(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Save council settings</button>
      </div>
      <p role="status" className="success">
        {saved}
      </p>
    </Form>
  );
}
