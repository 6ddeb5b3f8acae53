import { CAPACITIES, ROUTES } from '../../../../shared/domain/need-to-know';
import { ukDate } from '../../../kit/ui';
import { tidy } from '../../../kit/errors';
import type { NewRequestState } from '../hooks/useNewRequest';

/** Check your answers: the request as it will be saved, with its due dates, before main saves it. */
export function NewRequestCheck({ state }: { state: NewRequestState }) {
  const { draft, officers, meetings, assessment, needsReferral, due } = state;
  const officer = officers.find((o) => o.id === draft.officerId);
  const meeting = meetings.find((m) => m.id === draft.meetingId);
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
          {due ? `${due.acknowledgeBy ? `acknowledgement by ${ukDate(due.acknowledgeBy)}, ` : ''}answer by ${ukDate(due.respondBy)}` : '—'}
        </dd>
      </dl>
      <p className="actions">
        <button type="button" onClick={state.send}>
          Save the request
        </button>{' '}
        <button type="button" className="secondary" onClick={() => state.setStep('details')}>
          Change something
        </button>
      </p>
    </section>
  );
}
