import { useEffect, useState, type FormEvent } from 'react';
import { assessNeedToKnow, needsMonitoringOfficerDecision, CAPACITIES, ROUTES, type Capacity, type Route } from '../../../../shared/domain/need-to-know';
import { dueDatesForRequest, profileForRoute } from '../../../../shared/domain/deadlines';
import type { RequestDraft } from '../../../../shared/domain/requests';
import { api } from '../../../app/api';
import type { Navigate } from '../../../app/routes';
import { ErrorMessage, Field, ukDate } from '../../../app/ui';
import { useDirectory } from '../hooks/useDirectory';
import { builtInProfile } from '../../../../shared/domain/profiles';
import { useServiceNudge } from '../../volume/hooks/useRequestVolume';
import { today } from '../../../app/clock';


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
export function NewRequestScreen({ navigate }: { navigate: Navigate }) {
  const { officers, meetings, council } = useDirectory();
  const [draft, setDraft] = useState<RequestDraft>(emptyDraft);
  const [copiesText, setCopiesText] = useState('');
  const [step, setStep] = useState<'details' | 'check'>('details');
  const [error, setError] = useState<string | null>(null);
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
  const assessment = assessNeedToKnow({ ...draft, meeting: draft.meetingId ? { meetingId: draft.meetingId, agendaItem: draft.agendaItem ?? '' } : null }, profile);
  const due = (() => {
    try {
      // The same function and inputs main saves with, holiday edits included.
      return council ? dueDatesForRequest(draft, { profile: council.profile, nation: council.settings.nation, holidayEdits: council.holidayEdits }) : null;
    } catch {
      return null;
    }
  })();
  const needsReferral = needsMonitoringOfficerDecision(draft.route, assessment);

  function toCheck(event: FormEvent) {
    event.preventDefault();
    const copies = copiesText.split(/[\s,;]+/).filter(Boolean);
    setDraft((d) => ({ ...d, copies }));
    if (!draft.subject.trim() || !draft.officerId) return setError('Give the request a subject and choose the officer.');
    if (needsReferral && !draft.monitoringOfficerReason?.trim()) {
      return setError(assessment.verdict === 'sufficient' ? 'This council needs the Monitoring Officer to accept the need to know: give your reason, or change the route.' : `${assessment.summary}`);
    }
    setError(null);
    setStep('check');
  }

  async function send() {
    const result = await api().requests.create(draft);
    if (!result.ok) {
      setError(result.error.message);
      setStep('details');
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
          <dt>Need to know</dt>
          <dd>{assessment.summary}</dd>
          {needsReferral && (
            <>
              <dt>Monitoring Officer</dt>
              <dd>Goes to the Monitoring Officer for a decision: {draft.monitoringOfficerReason}</dd>
            </>
          )}
          <dt>Meeting</dt>
          <dd>{meeting ? `${meeting.committee}, ${ukDate(meeting.date)}: ${draft.agendaItem ?? ''}` : 'None'}</dd>
          <dt>From</dt>
          <dd>{draft.fromEmail}</dd>
          <dt>Copied to</dt>
          <dd>{draft.copies.length ? draft.copies.join(', ') : 'Nobody'}</dd>
          <dt>Sent on</dt>
          <dd>{ukDate(draft.sentOn)}</dd>
          <dt>Due</dt>
          <dd>
            {due ? `${due.acknowledgeBy ? `acknowledgement by ${ukDate(due.acknowledgeBy)}, ` : ''}answer by ${ukDate(due.respondBy)}` : '—'}
          </dd>
        </dl>
        <ErrorMessage message={error} />
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

  return (
    <section className="screen" aria-labelledby="new-heading">
      <h1 id="new-heading">New request</h1>
      <ErrorMessage message={error} />
      <form className="stack wide" onSubmit={toCheck} noValidate>
        <Field label="Subject">{(p) => <input {...p} value={draft.subject} onChange={(e) => set('subject', e.target.value)} />}</Field>
        <Field label="Officer" hint="Requests go to Chief Officers, Directors or Heads of Service.">
          {(p) => (
            <select {...p} value={draft.officerId} onChange={(e) => set('officerId', e.target.value)}>
              <option value="">Choose an officer</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}, {o.role} ({o.service})
                </option>
              ))}
            </select>
          )}
        </Field>
        {officerWarning && draft.officerId && <p className="notice" data-testid="officer-warning">{officerWarning}</p>}
        {volumeNudge && <p className="notice" data-testid="volume-nudge">{volumeNudge}</p>}
        <Field label="The specific information you need">{(p) => <textarea {...p} rows={3} value={draft.informationSought} onChange={(e) => set('informationSought', e.target.value)} />}</Field>
        <Field label="Capacity you are asking in">
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
          <Field label="Which committee, board or body">{(p) => <input {...p} value={draft.capacityDetail ?? ''} onChange={(e) => set('capacityDetail', e.target.value)} />}</Field>
        )}
        <Field label="Purpose: what the information is for">{(p) => <input {...p} value={draft.purpose} onChange={(e) => set('purpose', e.target.value)} />}</Field>
        <Field label="Route">
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
          <input type="checkbox" checked={draft.seeksProtectedMaterial} onChange={(e) => set('seeksProtectedMaterial', e.target.checked)} /> This asks for confidential or exempt information
        </label>
        <Field label="Why you need to know" hint="Name the duty it serves (your ward casework, a committee decision) and what exactly you need. Curiosity is not enough.">
          {(p) => <textarea {...p} rows={4} value={draft.justification} onChange={(e) => set('justification', e.target.value)} />}
        </Field>
        <div className={`assessment assessment-${assessment.verdict}`} aria-live="polite" data-testid="assessment">
          <h2>Need-to-know check: {assessment.verdict === 'sufficient' ? 'sufficient' : assessment.verdict === 'weak' ? 'not yet made' : 'refused'}</h2>
          <ul>
            {assessment.checks.map((c) => (
              <li key={c.id}>
                {c.passed ? '✓' : '✗'} <strong>{c.test}</strong>: {c.detail}
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
          <Field label="Reason for asking the Monitoring Officer to decide" hint="Recorded with the request.">
            {(p) => <textarea {...p} rows={2} value={draft.monitoringOfficerReason ?? ''} onChange={(e) => set('monitoringOfficerReason', e.target.value)} />}
          </Field>
        )}
        <Field label="Ward">{(p) => <input {...p} value={draft.ward} onChange={(e) => set('ward', e.target.value)} />}</Field>
        <Field label="Meeting it relates to" hint="Needed for a s.100F inspection.">
          {(p) => (
            <select {...p} value={draft.meetingId ?? ''} onChange={(e) => set('meetingId', e.target.value || null)}>
              <option value="">None</option>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.committee}, {ukDate(m.date)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {meeting && (
          <>
            <Field label="Agenda item">
              {(p) => (
                <select {...p} value={draft.agendaItem ?? ''} onChange={(e) => set('agendaItem', e.target.value || null)}>
                  <option value="">Choose an item</option>
                  {meeting.agendaItems.map((item) => (
                    <option key={item} value={item}>
                      {item}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="checkbox">
              <input type="checkbox" checked={draft.mayBeRaisedAtMeeting} onChange={(e) => set('mayBeRaisedAtMeeting', e.target.checked)} /> I may raise this at the meeting
            </label>
            {draft.mayBeRaisedAtMeeting && profile.chairNoticeForAgendaItems && <p className="notice">The chair or executive member will need to be told what you asked and were given; it will be tracked until sent.</p>}
          </>
        )}
        <Field label="Your council email address" hint={council?.settings.emailDomain ? `It must end @${council.settings.emailDomain}.` : 'Set your council’s email domain in Settings.'}>
          {(p) => <input {...p} type="email" value={draft.fromEmail} onChange={(e) => set('fromEmail', e.target.value)} />}
        </Field>
        <Field label="Copied to (email addresses)" hint="Everyone copied is recorded. Blind copies are not allowed.">
          {(p) => <input {...p} value={copiesText} onChange={(e) => setCopiesText(e.target.value)} />}
        </Field>
        <Field label="Date sent" hint="Day 0 for the working-day count.">
          {(p) => <input {...p} type="date" value={draft.sentOn} onChange={(e) => set('sentOn', e.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={draft.memberOnly} onChange={(e) => set('memberOnly', e.target.checked)} /> Member only (your PA will not see it)
        </label>
        {due && (
          <p className="hint" data-testid="due-preview">
            {due.acknowledgeBy ? `Acknowledgement due ${ukDate(due.acknowledgeBy)}; ` : ''}answer due {ukDate(due.respondBy)} ({profile.name}).
          </p>
        )}
        <div>
          <button type="submit">Check your answers</button>
        </div>
      </form>
    </section>
  );
}
