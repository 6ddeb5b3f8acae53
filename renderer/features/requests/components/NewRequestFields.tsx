// The New request form's fields, in the order they are on the page. Each group only gathers the
// answers; the rules (limits, addresses, dates) are the domain's, checked in useNewRequest.
import { CAPACITIES, ROUTES, type Capacity, type Route } from '../../../../shared/domain/need-to-know';
import { REQUEST_LIMITS } from '../../../../shared/domain/request-draft';
import { offeredForNewChoices } from '../../../../shared/domain/directory';
import { ukDate } from '../../../kit/ui';
import { DateInput, Field } from '../../../kit/forms';
import { Glossary } from '../../../kit/glossary';
import { tidy } from '../../../kit/errors';
import type { NewRequestState } from '../hooks/useNewRequest';

type Props = { state: NewRequestState };

/** Subject, officer (with the seniority and volume notices), what is sought, in which capacity, for what, by which route. */
export function AskingFields({ state }: Props) {
  const { draft, set, officers, officerWarning, volumeNudge } = state;
  return (
    <>
      <Field label="Subject" name="subject" limit={{ max: REQUEST_LIMITS.subject, value: draft.subject }}>
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
      {officerWarning && (
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
        limit={{ max: REQUEST_LIMITS.informationSought, value: draft.informationSought }}
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
      <Field label="Purpose: what the information is for" name="purpose" limit={{ max: REQUEST_LIMITS.purpose, value: draft.purpose }}>
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
    </>
  );
}

/** Why the Member needs to know, the need-to-know check shown live, and the reason for the Monitoring Officer when one is needed. */
export function NeedToKnowFields({ state }: Props) {
  const { draft, set, assessment, needsReferral } = state;
  return (
    <>
      <Field
        label="Why you need to know"
        name="justification"
        limit={{ max: REQUEST_LIMITS.justification, value: draft.justification }}
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
          limit={{ max: REQUEST_LIMITS.monitoringOfficerReason, value: draft.monitoringOfficerReason ?? '' }}
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
    </>
  );
}

/** Ward, the meeting and agenda item it relates to, and whether it may be raised there. */
export function MeetingFields({ state }: Props) {
  const { draft, set, meetings, profile } = state;
  const meeting = meetings.find((m) => m.id === draft.meetingId);
  return (
    <>
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
            <input type="checkbox" checked={draft.mayBeRaisedAtMeeting} onChange={(e) => set('mayBeRaisedAtMeeting', e.target.checked)} /> I
            may raise this at the meeting
          </label>
          {draft.mayBeRaisedAtMeeting && profile.chairNoticeForAgendaItems && (
            <p className="notice">
              The chair or executive member will need to be told what you asked and were given; it will be tracked until sent.
            </p>
          )}
        </>
      )}
    </>
  );
}

/** From, copies, the date sent, Member only, and the due dates main would fix. */
export function SendingFields({ state, isMember }: Props & { isMember: boolean }) {
  const { draft, set, council, copiesText, setCopiesText, sentOn, setSentOn, due, profile } = state;
  return (
    <>
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
          {due.acknowledgeBy ? `Acknowledgement due ${ukDate(due.acknowledgeBy)}; ` : ''}answer due {ukDate(due.respondBy)} ({profile.name}
          ).
        </p>
      )}
    </>
  );
}
