import { useId, useState, type FormEvent } from 'react';
import type { CouncilProfile } from '../../../../shared/domain/profiles';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { ErrorMessage } from '../../../kit/ui';
import { Field, Form, useForm, type FieldMap } from '../../../kit/forms';

export const PROFILE_FIELDS: FieldMap = {
  fields: {
    name: { label: 'Profile name', missing: 'Give the profile a name' },
    acknowledgeWorkingDays: 'Acknowledgement or holding reply',
    respondWorkingDays: 'Substantive answer',
    veryOverdueAfterWorkingDays: 'Very overdue after',
    monitoringOfficerBeforeDisclosure: 'Monitoring Officer consulted before disclosure on',
    holidayScope: 'Bank holidays counted',
  },
  aliases: { sourceId: 'name', id: 'name' },
};

type Switch =
  'monitoringOfficerAcceptsNeedToKnow' | 'chairNoticeForAgendaItems' | 'seniorOfficersOnly' | 'thirdPartyConsent' | 'capacityBoundUse';

// Where each value comes from (RULES.md "Council protocol profiles"), in plain words, shown beside it.
const HINTS = {
  acknowledgeWorkingDays:
    'District council (000 §17.8.2) and Oxford (001 §24.5): 5. Combined Authority (003 §4.3): “timely”, 5 by default. Wiltshire (004 §6.5.8): 2. The parish protocol (002) sets none. Leave empty for none.',
  respondWorkingDays:
    'District council and Oxford: 5. Combined Authority: “timely”, 10 by default. Wiltshire: 10, else an explanation with the action and a date. Parish: not stated, 10 by default.',
  veryOverdueAfterWorkingDays:
    'No protocol sets this: the app’s choice is a further 5 working days past the due date, when escalation is suggested.',
  monitoringOfficerBeforeDisclosure:
    'Ground (d), the public interest, in every protocol (000 §17.9.6); every ground in Wiltshire (004 §11.11).',
  monitoringOfficerAcceptsNeedToKnow: 'Only Wiltshire (004 §11.9). In the parish protocol officers refer doubts to the Monitoring Officer.',
  chairNoticeForAgendaItems: 'District council (000 §17.8.9: the chair) and Oxford (001 §24.8: the board member).',
  seniorOfficersOnly: 'Combined Authority (003 §3.6) and Oxford (001 §24.4): Chief Officers, Directors and Heads of Service only.',
  thirdPartyConsent: 'The parish protocol (002).',
  capacityBoundUse: 'Combined Authority (003 §4.8), Wiltshire (004 §11.11) and the district council (000 §17.9.5).',
  holidayScope:
    'Every council protocol counts the bank holidays of the council’s nation. Only Freedom of Information outside Scotland counts those of any UK nation.',
} as const;

const SWITCHES: Array<{ key: Switch; label: string }> = [
  {
    key: 'monitoringOfficerAcceptsNeedToKnow',
    label: 'The Monitoring Officer must accept the need to know before confidential or exempt information is given',
  },
  { key: 'chairNoticeForAgendaItems', label: 'The chair or executive member is told of requests about business on a meeting’s agenda' },
  { key: 'seniorOfficersOnly', label: 'Requests go only to Chief Officers, Directors or Heads of Service' },
  { key: 'thirdPartyConsent', label: 'Information belonging to someone else needs their consent before it is passed on' },
  { key: 'capacityBoundUse', label: 'Information may be used only in the capacity it was given for' },
];

const MO_CHOICES = {
  'public-interest-only': 'Ground (d) only: reasonable and in the public interest',
  'every-ground': 'Every ground',
} as const;
const SCOPE_CHOICES = { nation: 'The council’s nation', 'any-uk-nation': 'Any UK nation' } as const;
const days = (n: number | null) => (n === null ? 'None set' : `${n} working day${n === 1 ? '' : 's'}`);
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** Look at any profile's values; the Member copies one and edits the copy (the main process validates). */
export function ProfilePanel({
  isMember,
  inForceId,
  onChanged: changed,
}: {
  isMember: boolean;
  inForceId: string | null;
  onChanged: () => void;
}) {
  const { data, error: loadError, reload } = useRead('profiles:list', undefined, { refreshOn: ['council-profile'] });
  const profiles: CouncilProfile[] = data ?? [];
  const onChanged = () => {
    void reload();
    changed();
  };
  const [shownId, setShownId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const shown = profiles.find((p) => p.id === (shownId ?? inForceId)) ?? profiles[0];

  async function copy(name: string) {
    if (!shown) return null;
    const r = await api().profiles.copy({ sourceId: shown.id, name });
    if (!r.ok) return r.error;
    setError(null);
    setShownId(r.value.id);
    setNotice(`Copied. “${r.value.name}” can now be edited below; choose it above to put it in force.`);
    onChanged();
    return null;
  }

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Council protocol profiles</h2>
      <p className="hint">
        Each profile holds one council’s deadlines and Monitoring Officer steps, from its Member/Officer protocol. The built-in profiles
        follow the protocols as written and cannot be changed: copy one to make your own. Requests already sent keep the profile recorded on
        them, so changing a profile never moves their due dates.
      </p>
      <ErrorMessage message={error ?? loadError} />
      <div className="stack wide">
        <Field label="Profile to look at">
          {(p) => (
            <select
              {...p}
              value={shown?.id ?? ''}
              onChange={(e) => {
                setShownId(e.target.value);
                setNotice('');
              }}
            >
              {profiles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.editable ? ' (your copy)' : ' (built in)'}
                  {c.id === inForceId ? ', in force' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p role="status" className="success">
        {notice}
      </p>
      {shown &&
        (shown.editable && isMember ? (
          <ProfileForm
            key={shown.id}
            profile={shown}
            onSaved={(p) => {
              setNotice(`Saved “${p.name}”. New requests under it use these values; requests already sent keep theirs.`);
              onChanged();
            }}
          />
        ) : (
          <ProfileFacts profile={shown} />
        ))}
      {shown && isMember && <CopyForm key={shown.id} source={shown} onCopy={copy} />}
    </section>
  );
}

function ProfileFacts({ profile }: { profile: CouncilProfile }) {
  const rows: Array<[string, string, string]> = [
    ['Acknowledgement or holding reply', days(profile.acknowledgeWorkingDays), HINTS.acknowledgeWorkingDays],
    ['Substantive answer', days(profile.respondWorkingDays), HINTS.respondWorkingDays],
    ['Very overdue after', `${days(profile.veryOverdueAfterWorkingDays)} past the due date`, HINTS.veryOverdueAfterWorkingDays],
    [
      'Monitoring Officer consulted before disclosure on',
      MO_CHOICES[profile.monitoringOfficerBeforeDisclosure],
      HINTS.monitoringOfficerBeforeDisclosure,
    ],
    ...SWITCHES.map((s): [string, string, string] => [s.label, yesNo(profile[s.key]), HINTS[s.key]]),
    ['Bank holidays counted', SCOPE_CHOICES[profile.holidayScope], HINTS.holidayScope],
  ];
  return (
    <table className="table" aria-label={`Values of ${profile.name}`}>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Value</th>
          <th scope="col">Where it comes from</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value, hint]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
            <td className="hint">{hint}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Source</th>
          <td colSpan={2}>{profile.source}</td>
        </tr>
      </tbody>
    </table>
  );
}

function CopyForm({ source, onCopy }: { source: CouncilProfile; onCopy: (name: string) => Promise<{ message: string } | null> }) {
  const [name, setName] = useState(`Copy of ${source.name}`);
  const headingId = useId();
  const form = useForm({
    fields: { name: { label: 'Name for the copy', missing: 'Give the copy a name' } },
    aliases: { sourceId: 'name' },
  });
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Make your own copy of {source.name}</h3>
      <Form
        form={form}
        className="stack"
        aria-labelledby={headingId}
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return form.fail([{ field: 'name', message: 'Give the copy a name' }]);
          const failed = await onCopy(name);
          if (failed) form.failWith(failed);
          else form.clear();
        }}
      >
        <Field label="Name for the copy" name="name" limit={{ max: 120, value: name }}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div>
          <button type="submit" className={source.editable ? 'secondary' : undefined}>
            Copy this profile
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Numbers are sent as typed: the shared schema in the main process says what is wrong with them. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function ProfileForm({ profile, onSaved }: { profile: CouncilProfile; onSaved: (p: CouncilProfile) => void }) {
  const [draft, setDraft] = useState(profile);
  const [ack, setAck] = useState(profile.acknowledgeWorkingDays === null ? '' : String(profile.acknowledgeWorkingDays));
  const [respond, setRespond] = useState(String(profile.respondWorkingDays));
  const [veryOverdue, setVeryOverdue] = useState(String(profile.veryOverdueAfterWorkingDays));
  const form = useForm(PROFILE_FIELDS);
  const moId = useId();
  const scopeId = useId();
  const set = <K extends keyof CouncilProfile>(key: K, value: CouncilProfile[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const candidate = {
      ...draft,
      acknowledgeWorkingDays: ack.trim() === '' ? null : toNumber(ack),
      respondWorkingDays: toNumber(respond),
      veryOverdueAfterWorkingDays: toNumber(veryOverdue),
    };
    const r = await api().profiles.save(candidate);
    if (!r.ok) return form.failWith(r.error);
    form.clear();
    onSaved(r.value);
  }

  return (
    <Form form={form} onSubmit={submit} aria-label={`Edit ${profile.name}`}>
      <p className="hint">Source: {profile.source}</p>
      <Field label="Profile name" name="name">
        {(p) => <input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label="Acknowledgement or holding reply (working days)" name="acknowledgeWorkingDays" hint={HINTS.acknowledgeWorkingDays}>
        {(p) => <input {...p} className="narrow" inputMode="numeric" value={ack} onChange={(e) => setAck(e.target.value)} />}
      </Field>
      <Field label="Substantive answer (working days)" name="respondWorkingDays" hint={HINTS.respondWorkingDays}>
        {(p) => <input {...p} className="narrow" inputMode="numeric" value={respond} onChange={(e) => setRespond(e.target.value)} />}
      </Field>
      <Field
        label="Very overdue after (working days past the due date)"
        name="veryOverdueAfterWorkingDays"
        hint={HINTS.veryOverdueAfterWorkingDays}
      >
        {(p) => (
          <input {...p} className="narrow" inputMode="numeric" value={veryOverdue} onChange={(e) => setVeryOverdue(e.target.value)} />
        )}
      </Field>
      <fieldset aria-describedby={moId}>
        <legend>Monitoring Officer consulted before disclosure on</legend>
        <p id={moId} className="hint">
          {HINTS.monitoringOfficerBeforeDisclosure}
        </p>
        {(Object.keys(MO_CHOICES) as Array<keyof typeof MO_CHOICES>).map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name="mo-before-disclosure"
              checked={draft.monitoringOfficerBeforeDisclosure === k}
              onChange={() => set('monitoringOfficerBeforeDisclosure', k)}
            />{' '}
            {MO_CHOICES[k]}
          </label>
        ))}
      </fieldset>
      {SWITCHES.map((s) => (
        <SwitchField key={s.key} label={s.label} hint={HINTS[s.key]} checked={draft[s.key]} onChange={(v) => set(s.key, v)} />
      ))}
      <fieldset aria-describedby={scopeId}>
        <legend>Bank holidays counted</legend>
        <p id={scopeId} className="hint">
          {HINTS.holidayScope}
        </p>
        {(Object.keys(SCOPE_CHOICES) as Array<keyof typeof SCOPE_CHOICES>).map((k) => (
          <label key={k} className="checkbox">
            <input type="radio" name="holiday-scope" checked={draft.holidayScope === k} onChange={() => set('holidayScope', k)} />{' '}
            {SCOPE_CHOICES[k]}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit">Save this profile</button>
      </div>
    </Form>
  );
}

function SwitchField({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const hintId = useId();
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}
