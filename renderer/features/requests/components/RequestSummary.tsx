import type { Navigate } from '../../../kit/routes';
import { ukDate } from '../../../kit/ui';
import { Glossary } from '../../../kit/glossary';
import { tidy } from '../../../kit/errors';
import { CAPACITIES, ROUTES } from '../../../../shared/domain/need-to-know';
import type { RequestDetail } from '../../../../shared/ipc/views';
import { StatusTag } from './RequestsScreen';

/** The request's heading: where it stands, who has it, its due dates and how they were worked out. */
export function RequestHeader({ id, detail, navigate }: { id: string; detail: RequestDetail; navigate: Navigate }) {
  const { row } = detail;
  return (
    <>
      <p className="hint">{row.reference}</p>
      <h1 id="request-heading">{row.subject}</h1>
      <p>
        <StatusTag status={row.status} late={row.workingDaysLate} /> To {row.officerName} ({row.service}). Sent {ukDate(row.sentOn)};{' '}
        {row.acknowledgeBy ? `acknowledgement due ${ukDate(row.acknowledgeBy)}; ` : ''}answer due <strong>{ukDate(row.target)}</strong>.
      </p>
      <p>
        <button type="button" className="secondary" onClick={() => navigate({ name: 'reports', requestId: id })}>
          Report of this request…
        </button>
      </p>
      <details>
        <summary>How the due dates were worked out ({detail.profileName})</summary>
        <ol className="explanation">
          {detail.explanation.map((line, i) => (
            <li key={i}>{tidy(line)}</li>
          ))}
        </ol>
      </details>
    </>
  );
}

/** What the Member asked, why, in which capacity and by which route, as recorded when it was sent. */
export function WhatWasAsked({ detail }: { detail: RequestDetail }) {
  const { row } = detail;
  return (
    <>
      <h2>What was asked and why</h2>
      <dl className="facts" data-testid="request-asked">
        <dt>Information sought</dt>
        <dd className="prose">{row.question || '—'}</dd>
        <dt>Why you need to know</dt>
        <dd className="prose">{detail.draft?.justification.trim() || 'Not recorded'}</dd>
        <dt>Purpose</dt>
        <dd className="prose">{detail.draft?.purpose.trim() || 'Not recorded'}</dd>
        <dt>Capacity</dt>
        <dd>
          {detail.draft?.capacity ? CAPACITIES[detail.draft.capacity] : row.capacity || '—'}
          {detail.draft?.capacityDetail ? `: ${detail.draft.capacityDetail}` : ''}
        </dd>
        <dt>Committee or meeting</dt>
        <dd>{row.meetingLabel || 'None'}</dd>
        {detail.draft?.agendaItem && (
          <>
            <dt>Agenda item</dt>
            <dd>{detail.draft.agendaItem}</dd>
          </>
        )}
        <dt>Ward</dt>
        <dd>{row.ward || 'None'}</dd>
        <dt>Route</dt>
        <dd>{detail.draft?.route ? ROUTES[detail.draft.route] : row.route || '—'}</dd>
        <dt>Need-to-know check</dt>
        <dd>
          {tidy(detail.assessmentSummary)} <Glossary term="need-to-know" />
        </dd>
        <dt>From</dt>
        <dd>{detail.draft?.fromEmail || 'Not recorded'}</dd>
        <dt>People copied</dt>
        <dd>{detail.draft?.copies.length ? detail.draft.copies.join(', ') : 'Nobody'}</dd>
      </dl>
      {detail.foiOffered && (
        <p className="notice">
          The need to know was not made out. You can also ask under Freedom of Information: anyone’s right, answered within 20 working days,
          but the answer is public.
        </p>
      )}
    </>
  );
}
