import { useEffect, useState, type FormEvent } from 'react';
import {
  assessNeedToKnow,
  needsMonitoringOfficerDecision,
  CAPACITIES,
  ROUTES,
  type Capacity,
  type Route,
} from '../../../../shared/domain/need-to-know';
import { dueDatesForRequest, profileForRoute } from '../../../../shared/domain/deadlines';
import type { RequestDraft } from '../../../../shared/domain/requests';
import { api } from '../../../kit/api';
import type { Navigate } from '../../../kit/routes';
import { ukDate } from '../../../kit/ui';
import { DateInput, Field, Form, Problems, dateParts, readDate, useForm, type DateParts, type FieldMap } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { tidy } from '../../../kit/errors';
import { SetupChecklist, useSetupChecklist } from '../../setup/components/SetupChecklist';
import { useDirectory } from '../hooks/useDirectory';
import { builtInProfile } from '../../../../shared/domain/profiles';
import { offeredForNewChoices } from '../../../../shared/domain/directory';
import { useServiceNudge } from '../../volume/hooks/useRequestVolume';
import { today } from '../../../kit/clock';

/** The form's fields, for the error summary and for mapping main's answers onto them. */
export const NEW_REQUEST_FIELDS: FieldMap = {
  fields: {
    subject: { label: 'Subject', missing: 'Give the request a short subject' },
    officerId: { label: 'Officer', missing: 'Choose the officer' },
    informationSought: { label: 'The specific information you need', missing: 'Say what information you need' },
    capacity: { label: 'Capacity', missing: 'Choose the capacity you are asking in' },
    capacityDetail: { label: 'Which committee, board or body' },
    purpose: { label: 'Purpose', missing: 'Say what the information is for' },
    route: { label: 'Route', missing: 'Choose a route' },
    justification: { label: 'Why you need to know', missing: 'Say why you need to know' },
    monitoringOfficerReason: {
      label: 'Reason for asking the Monitoring Officer',
      missing: 'Give your reason for asking the Monitoring Officer to decide',
    },
    ward: 'Ward',
    meetingId: 'Meeting',
    agendaItem: { label: 'Agenda item', missing: 'Choose the agenda item' },
    fromEmail: { label: 'Your council email address', missing: 'Enter your council email address' },
    copies: 'Copies',
    sentOn: 'Date sent',
  },
  aliases: { blindCopies: 'copies', meeting: 'meetingId' },
};

const LIMITS = {
  subject: 200,
  informationSought: 4000,
  purpose: 1000,
  justification: 4000,
  monitoringOfficerReason: 2000,
  ward: 120,
  capacityDetail: 200,
} as const;

const emptyDraft = (): RequestDraft => ({
  subject: '',
  informationSought: '',
  capacity: null,
  capacityDetail: '',
  purpose: '',
  route: null,
  justification: '',
  officerId: '',
  ward: '',
  meetingId: null,
  agendaItem: null,
  mayBeRaisedAtMeeting: false,
  seeksProtectedMaterial: false,
  fromEmail: '',
  copies: [],
  blindCopies: [],
  sentOn: today(),
  memberOnly: false,
  monitoringOfficerReason: '',
});

/** The guided form: details with the need-to-know check shown live, then check your answers, then send. */
export function NewRequestScreen({
  navigate,
  isMember = true,
  prefill,
}: {
  navigate: Navigate;
  isMember?: boolean;
  prefill?: Partial<RequestDraft>;
}) {
  const { officers, meetings, council } = useDirectory();
  const checklist = useSetupChecklist();
  const [draft, setDraft] = useState<RequestDraft>(() => ({ ...emptyDraft(), ...prefill }));
  const [copiesText, setCopiesText] = useState('');
  const [step, setStep] = useState<'details' | 'check'>('details');
  const [sentOn, setSentOn] = useState<DateParts>(() => dateParts(today()));
  const form = useForm(NEW_REQUEST_FIELDS);
  const [officerWarning, setOfficerWarning] = useState<string | null>(null);
  const set = <K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    if (!draft.officerId) return;
    let live = true;
    void api()
      .officers.warning({ officerId: draft.officerId })
      .then((r) => live && r.ok && setOfficerWarning(r.value.warning));
    return () => {
      live = false;
    };
  }, [draft.officerId]);

  const volumeNudge = useServiceNudge(officers.find((o) => o.id === draft.officerId)?.service);
  // The profile main times and tests the request by (FOI has its own clock).
  const profile = council ? profileForRoute(draft.route, council.profile, council.settings.nation) : builtInProfile('000');
  const meeting = meetings.find((m) => m.id === draft.meetingId);
  const assessment = assessNeedToKnow(
    { ...draft, meeting: draft.meetingId ? { meetingId: draft.meetingId, agendaItem: draft.agendaItem ?? '' } : null },
    profile,
  );
  const sentIso = (() => {
    const r = readDate(sentOn, 'Date sent', { notFuture: true });
    return 'iso' in r ? r.iso : null;
  })();
  const due = (() => {
    if (!sentIso) return null;
    try {
      // The same function and inputs main saves with, holiday edits included.
      return council
        ? dueDatesForRequest(
            { ...draft, sentOn: sentIso },
            { profile: council.profile, nation: council.settings.nation, holidayEdits: council.holidayEdits },
          )
        : null;
    } catch {
      return null;
    }
  })();
  const needsReferral = needsMonitoringOfficerDecision(draft.route, assessment);

  function toCheck(event: FormEvent) {
    event.preventDefault();
    const copies = copiesText.split(/[\s,;]+/).filter(Boolean);
    const p = new Problems();
    p.require(draft.subject, 'subject', 'Give the request a short subject');
    if (draft.subject.trim() && draft.subject.trim().length < 3) p.add('subject', 'Subject must be at least 3 characters');
    p.require(draft.officerId, 'officerId', 'Choose the officer');
    for (const [key, max] of Object.entries(LIMITS)) {
      const f = NEW_REQUEST_FIELDS.fields[key]!;
      p.limit((draft as unknown as Record<string, string | null | undefined>)[key], max, key, typeof f === 'string' ? f : f.label);
    }
    if (draft.meetingId && !draft.agendaItem) p.add('agendaItem', 'Choose the agenda item');
    const domain = council?.settings.emailDomain;
    if (draft.fromEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.fromEmail.trim()))
      p.add('fromEmail', 'Your council email address is not a valid email address');
    else if (domain && draft.fromEmail.trim() && !draft.fromEmail.trim().toLowerCase().endsWith(`@${domain.toLowerCase()}`))
      p.add('fromEmail', `Your council email address must end @${domain}`);
    const bad = copies.findIndex((c) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c));
    if (bad >= 0)
      p.add(
        'copies',
        `Copies: the ${['first', 'second', 'third', 'fourth', 'fifth'][bad] ?? `number ${bad + 1}`} address is not a valid email address`,
      );
    const sent = p.date(sentOn, 'sentOn', 'Date sent', { notFuture: true });
    if (needsReferral && !draft.monitoringOfficerReason?.trim()) {
      p.add(
        'monitoringOfficerReason',
        assessment.verdict === 'sufficient'
          ? 'This council needs the Monitoring Officer to accept the need to know: give your reason, or change the route'
          : 'Give your reason for asking the Monitoring Officer to decide, or make it a Freedom of Information request',
      );
    }
    if (p.any) return form.fail(p.list);
    setDraft((d) => ({ ...d, copies, sentOn: sent! }));
    form.clear();
    setStep('check');
  }

  async function send() {
    const result = await api().requests.create(draft);
    if (!result.ok) {
      setStep('details');
      form.failWith(result.error);
      return;
    }
    navigate({ name: 'request', id: result.value.row.id });
  }

  if (step === 'check') {
    const officer = officers.find((o) => o.id === draft.officerId);
    return (
      <section className="screen" aria-labelledby="check-heading">
        <h1 id="check-heading">Check your request before it is saved</h1>
        <dl className="facts">
          <dt>Subject</dt>
          <dd>{draft.subject}</dd>
          <dt>To</dt>
          <dd>
            {officer?.name}, {officer?.role} ({officer?.service})
          </dd>
          <dt>Information sought</dt>
          <dd>{draft.informationSought}</dd>
          <dt>Capacity and purpose</dt>
          <dd>
            {draft.capacity ? CAPACITIES[draft.capacity] : '—'}: {draft.purpose}
          </dd>
          <dt>Route</dt>
          <dd>{draft.route ? ROUTES[draft.route] : '—'}</dd>
          <dt>Why you need to know</dt>
          <dd className="prose">{draft.justification.trim() || 'Not given'}</dd>
          <dt>Need-to-know check</dt>
          <dd>{tidy(assessment.summary)}</dd>
          {draft.ward && (
            <>
              <dt>Ward</dt>
              <dd>{draft.ward}</dd>
            </>
          )}
          {needsReferral && (
            <>
              <dt>Monitoring Officer</dt>
              <dd>Goes to the Monitoring Officer for a decision: {draft.monitoringOfficerReason}</dd>
            </>
          )}
          <dt>Meeting</dt>
          <dd>{meeting ? `${meeting.committee}, ${ukDate(meeting.date)}: ${draft.agendaItem ?? ''}` : 'None'}</dd>
          <dt>From</dt>
          <dd>{draft.fromEmail || 'Not given'}</dd>
          <dt>Copied to</dt>
          <dd>{draft.copies.length ? draft.copies.join(', ') : 'Nobody'}</dd>
          <dt>Sent on</dt>
          <dd>{ukDate(draft.sentOn)}</dd>
          <dt>Due</dt>
          <dd>
            {due
              ? `${due.acknowledgeBy ? `acknowledgement by ${ukDate(due.acknowledgeBy)}, ` : ''}answer by ${ukDate(due.respondBy)}`
              : '—'}
          </dd>
        </dl>
        <p className="actions">
          <button type="button" onClick={send}>
            Save the request
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setStep('details')}>
            Change something
          </button>
        </p>
      </section>
    );
  }

  // With no officer to write to, the form cannot be used: guide to what is missing instead.
  if (checklist && checklist.officers === 0) {
    return (
      <section className="screen" aria-labelledby="new-heading">
        <h1 id="new-heading">New request</h1>
        <p>A request goes to an officer, and none has been added yet.</p>
        <SetupChecklist items={checklist.items} navigate={navigate} heading="Set up first" />
      </section>
    );
  }

  return (
    <section className="screen" aria-labelledby="new-heading">
      <h1 id="new-heading">New request</h1>
      <Form form={form} onSubmit={toCheck} aria-labelledby="new-heading">
        <Field label="Subject" name="subject" limit={{ max: LIMITS.subject, value: draft.subject }}>
          {(p) => <input {...p} value={draft.subject} onChange={(e) => set('subject', e.target.value)} />}
        </Field>
        <Field label="Officer" name="officerId" hint="Requests go to Chief Officers, Directors or Heads of Service.">
          {(p) => (
            <select {...p} value={draft.officerId} onChange={(e) => set('officerId', e.target.value)}>
              <option value="">Choose an officer</option>
              {offeredForNewChoices(officers).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}, {o.role} ({o.service})
                </option>
              ))}
            </select>
          )}
        </Field>
        {officerWarning && draft.officerId && (
          <p className="notice" data-testid="officer-warning">
            {tidy(officerWarning)}
          </p>
        )}
        {volumeNudge && (
          <p className="notice" data-testid="volume-nudge">
            {tidy(volumeNudge)}
          </p>
        )}
        <Field
          label="The specific information you need"
          name="informationSought"
          limit={{ max: LIMITS.informationSought, value: draft.informationSought }}
        >
          {(p) => <textarea {...p} rows={3} value={draft.informationSought} onChange={(e) => set('informationSought', e.target.value)} />}
        </Field>
        <Field label="Capacity you are asking in" name="capacity">
          {(p) => (
            <select {...p} value={draft.capacity ?? ''} onChange={(e) => set('capacity', (e.target.value || null) as Capacity | null)}>
              <option value="">Choose a capacity</option>
              {Object.entries(CAPACITIES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(draft.capacity === 'committee-member' || draft.capacity === 'outside-body') && (
          <Field label="Which committee, board or body" name="capacityDetail">
            {(p) => <input {...p} value={draft.capacityDetail ?? ''} onChange={(e) => set('capacityDetail', e.target.value)} />}
          </Field>
        )}
        <Field label="Purpose: what the information is for" name="purpose" limit={{ max: LIMITS.purpose, value: draft.purpose }}>
          {(p) => <input {...p} value={draft.purpose} onChange={(e) => set('purpose', e.target.value)} />}
        </Field>
        <Field label="Route" name="route">
          {(p) => (
            <select {...p} value={draft.route ?? ''} onChange={(e) => set('route', (e.target.value || null) as Route | null)}>
              <option value="">Choose a route</option>
              {Object.entries(ROUTES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={draft.seeksProtectedMaterial} onChange={(e) => set('seeksProtectedMaterial', e.target.checked)} />{' '}
          This asks for confidential or exempt information
        </label>
        <p className="hint">
          <Glossary term="exempt" />
        </p>
        <Field
          label="Why you need to know"
          name="justification"
          limit={{ max: LIMITS.justification, value: draft.justification }}
          hint={
            <>
              Name the duty it serves (your ward casework, a committee decision) and what exactly you need. Curiosity is not enough.{' '}
              <Glossary term="need-to-know" />
            </>
          }
        >
          {(p) => <textarea {...p} rows={4} value={draft.justification} onChange={(e) => set('justification', e.target.value)} />}
        </Field>
        <div className={`assessment assessment-${assessment.verdict}`} aria-live="polite" data-testid="assessment">
          <h2>
            Need-to-know check:{' '}
            {assessment.verdict === 'sufficient' ? 'sufficient' : assessment.verdict === 'weak' ? 'not yet made' : 'refused'}
          </h2>
          <ul>
            {assessment.checks.map((c) => (
              <li key={c.id}>
                {c.passed ? '✓' : '✗'} <strong>{tidy(c.test)}</strong>: {tidy(c.detail)}
              </li>
            ))}
          </ul>
          {draft.route !== 'foi' && assessment.verdict !== 'sufficient' && (
            <p>
              You can ask the Monitoring Officer to decide (give your reason below), or{' '}
              <button type="button" className="link" onClick={() => set('route', 'foi')}>
                make it a Freedom of Information request
              </button>{' '}
              (anyone’s right; 20 working days; the answer is public).
            </p>
          )}
        </div>
        {needsReferral && (
          <Field
            label="Reason for asking the Monitoring Officer to decide"
            name="monitoringOfficerReason"
            limit={{ max: LIMITS.monitoringOfficerReason, value: draft.monitoringOfficerReason ?? '' }}
            hint={
              <>
                Recorded with the request. <Glossary term="monitoring-officer" />
              </>
            }
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={draft.monitoringOfficerReason ?? ''}
                onChange={(e) => set('monitoringOfficerReason', e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Ward" name="ward">
          {(p) => <input {...p} value={draft.ward} onChange={(e) => set('ward', e.target.value)} />}
        </Field>
        <Field
          label="Meeting it relates to"
          name="meetingId"
          hint={
            <>
              Needed for a s.100F inspection. <Glossary term="s100f" />
            </>
          }
        >
          {(p) => (
            <select {...p} value={draft.meetingId ?? ''} onChange={(e) => set('meetingId', e.target.value || null)}>
              <option value="">None</option>
              {offeredForNewChoices(meetings).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.committee}, {ukDate(m.date)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {meeting && (
          <>
            <Field label="Agenda item" name="agendaItem">
              {(p) => (
                <select {...p} value={draft.agendaItem ?? ''} onChange={(e) => set('agendaItem', e.target.value || null)}>
                  <option value="">Choose an item</option>
                  {meeting.agendaItems.map((item) => (
                    <option key={item} value={item}>
                      {meeting.privateItems?.includes(item) ? `${item} (private: pink papers)` : item}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="checkbox">
              <input type="checkbox" checked={draft.mayBeRaisedAtMeeting} onChange={(e) => set('mayBeRaisedAtMeeting', e.target.checked)} />{' '}
              I may raise this at the meeting
            </label>
            {draft.mayBeRaisedAtMeeting && profile.chairNoticeForAgendaItems && (
              <p className="notice">
                The chair or executive member will need to be told what you asked and were given; it will be tracked until sent.
              </p>
            )}
          </>
        )}
        <Field
          label="Your council email address"
          name="fromEmail"
          hint={
            council?.settings.emailDomain ? `It must end @${council.settings.emailDomain}.` : 'Set your council’s email domain in Settings.'
          }
        >
          {(p) => <input {...p} type="email" value={draft.fromEmail} onChange={(e) => set('fromEmail', e.target.value)} />}
        </Field>
        <Field
          label="Copied to (email addresses)"
          name="copies"
          hint="Separate addresses with commas. Everyone copied is recorded. Blind copies are not allowed."
        >
          {(p) => <input {...p} value={copiesText} onChange={(e) => setCopiesText(e.target.value)} />}
        </Field>
        <DateInput label="Date sent" name="sentOn" hint="Day 0 for the working-day count." value={sentOn} onChange={setSentOn} />
        {/* A PA is never offered a choice a PA is always refused: only the Member records Member-only requests. */}
        {isMember ? (
          <label className="checkbox">
            <input type="checkbox" checked={draft.memberOnly} onChange={(e) => set('memberOnly', e.target.checked)} /> Member only (your PA
            will not see it)
          </label>
        ) : (
          <p className="hint">
            If something confidential arrives for the Member, open the request once it is sent and use “Record that it arrived for the
            Member”: it is sealed for them.
          </p>
        )}
        {due && (
          <p className="hint" data-testid="due-preview">
            {due.acknowledgeBy ? `Acknowledgement due ${ukDate(due.acknowledgeBy)}; ` : ''}answer due {ukDate(due.respondBy)} (
            {profile.name}).
          </p>
        )}
        <div>
          <button type="submit">Check your answers</button>
        </div>
      </Form>
    </section>
  );
}
