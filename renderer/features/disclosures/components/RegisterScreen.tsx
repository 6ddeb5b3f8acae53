import { useState } from 'react';
import { GROUNDS, gateStateNames } from '../../../../shared/domain/disclosure';
import { disclosureProgress } from '../../../../shared/domain/worklist';
import type { Navigate } from '../../../kit/routes';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { DataTable, ErrorMessage, ukDate } from '../../../kit/ui';
import { AuditTrailList, type AuditEvent } from './AuditTrail';

type Entry = {
  id: string;
  materialId: string;
  what: string;
  to: string;
  on: string;
  ground: keyof typeof GROUNDS;
  moAdvice: string | null;
  recordedAt: string;
};

/** R-DIS-4: every disclosure; R-USE-3: each item's audit trail. Read-only: the history cannot be rewritten. */
export function RegisterScreen({ navigate }: { navigate?: Navigate } = {}) {
  const { data, error } = useRead('disclosures:register', undefined, { refreshOn: ['disclosure', 'register-entry'] });
  // R-DIS-2: disclosures started and not yet disclosed or abandoned, to pick up again.
  const { data: all } = useRead('disclosures:list', undefined, { refreshOn: ['disclosure', 'material'] });
  const inProgress = (all ?? []).filter((d) => disclosureProgress(d.gate).inProgress);
  const entries: Entry[] = data ?? [];
  const [trail, setTrail] = useState<{ materialId: string; events: AuditEvent[] } | null>(null);
  return (
    <section className="screen" aria-labelledby="register-heading">
      <h1 id="register-heading">Disclosure register</h1>
      <ErrorMessage message={error} />
      <section aria-labelledby="in-progress-heading">
        <h2 id="in-progress-heading">In progress</h2>
        {inProgress.length === 0 ? (
          <p>No disclosures in progress.</p>
        ) : (
          <ul aria-label="Disclosures in progress">
            {inProgress.map((d) => (
              <li key={d.id}>
                <strong>{d.materialTitle}</strong>: {gateStateNames[d.gate.state]}
                {d.gate.state === 'mo-asked' && d.gate.moRequest
                  ? ` (asked ${d.gate.moRequest.monitoringOfficer} on ${ukDate(d.gate.moRequest.requestedOn)})`
                  : ''}{' '}
                {navigate && (
                  <button type="button" className="link" onClick={() => navigate({ name: 'disclosure', id: d.id })}>
                    Continue<span className="visually-hidden"> passing on {d.materialTitle}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2>Disclosures made</h2>
      {entries.length === 0 ? (
        <p>No disclosures yet.</p>
      ) : (
        <DataTable
          rows={entries}
          columns={[
            { key: 'when', header: 'When', cell: (e) => ukDate(e.on) },
            { key: 'what', header: 'What', cell: (e) => e.what },
            { key: 'to', header: 'To whom', cell: (e) => e.to },
            { key: 'ground', header: 'Ground', cell: (e) => `(${e.ground}) ${GROUNDS[e.ground]}` },
            { key: 'mo', header: 'Monitoring Officer’s advice', cell: (e) => e.moAdvice ?? 'Not needed for this ground' },
            {
              key: 'trail',
              header: 'Audit trail',
              cell: (e) => (
                <button
                  type="button"
                  className="secondary"
                  onClick={async () => {
                    const r = await api().audit.trail({ recordId: e.materialId });
                    if (r.ok) setTrail({ materialId: e.materialId, events: r.value });
                  }}
                >
                  Show trail
                </button>
              ),
            },
          ]}
        />
      )}
      {/* Only beside the register main answered now: a meeting mode closes both (R-USE-1). */}
      {trail && data && (
        <section aria-labelledby="trail-heading">
          <h2 id="trail-heading">Audit trail</h2>
          <AuditTrailList events={trail.events} />
        </section>
      )}
    </section>
  );
}
