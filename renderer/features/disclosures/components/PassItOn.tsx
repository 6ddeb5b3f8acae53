import { useState, type FormEvent } from 'react';
import { CAPACITIES, type Capacity } from '../../../../shared/domain/need-to-know';
import { disclosureToResume } from '../../../../shared/domain/worklist';
import type { Material } from '../../../../shared/domain/material';
import { api } from '../../../kit/api';
import { useRead } from '../../../db/useRead';
import { Field, Form, Problems, useForm, type FieldMap } from '../../../kit/forms';
import type { Navigate } from '../../../kit/routes';

export const START_FIELDS: FieldMap = {
  fields: {
    capacity: { label: 'The role you are passing it on in', missing: 'Choose the role you are acting in' },
    purpose: 'What it is for',
  },
  aliases: { materialId: 'capacity' },
};

/**
 * "Pass it on" on Member-only material: resumes the disclosure already in progress (R-DIS-2), or asks
 * the role and purpose it is for, defaulting to the ones it was given for (R-CLS-4), and starts one.
 * Main decides both: it returns the one in progress and refuses another role with the reason.
 */
export function PassItOn({ material, navigate }: { material: Material; navigate: Navigate }) {
  const { data: disclosures } = useRead('disclosures:list', undefined, { refreshOn: ['disclosure'] });
  const resume = disclosureToResume(
    (disclosures ?? []).filter((d) => d.materialId === material.id).map((d) => ({ id: d.id, state: d.gate.state })),
  );
  const [asking, setAsking] = useState(false);
  const [capacity, setCapacity] = useState<Capacity>(material.givenForCapacity);
  const [purpose, setPurpose] = useState(material.givenForPurpose);
  const form = useForm(START_FIELDS);

  async function start(e?: FormEvent) {
    e?.preventDefault();
    const p = new Problems().limit(purpose, 1000, 'purpose', 'What it is for');
    if (p.any) return form.fail(p.list);
    const r = await api().disclosures.start({ materialId: material.id, capacity, ...(purpose.trim() ? { purpose } : {}) });
    if (r.ok) navigate({ name: 'disclosure', id: r.value.id });
    else form.failWith(r.error);
  }

  if (resume) {
    return (
      <button type="button" className="secondary" onClick={() => navigate({ name: 'disclosure', id: resume.id })}>
        Pass it on (disclosure in progress)…<span className="visually-hidden"> {material.title}</span>
      </button>
    );
  }
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Pass it on (disclosure)…<span className="visually-hidden"> {material.title}</span>
      </button>
    );
  }
  return (
    <Form form={form} onSubmit={start} aria-label={`Pass on ${material.title}`}>
      <p className="hint">
        This was given to you as {CAPACITIES[material.givenForCapacity].toLowerCase()}, for “
        {material.givenForPurpose || 'no purpose recorded'}”. It can only be passed on in that role.
      </p>
      <Field label="The role you are passing it on in" name="capacity">
        {(p) => (
          <select {...p} value={capacity} onChange={(e) => setCapacity(e.target.value as Capacity)}>
            {(Object.keys(CAPACITIES) as Capacity[]).map((c) => (
              <option key={c} value={c}>
                {CAPACITIES[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="What it is for" name="purpose" limit={{ max: 1000, value: purpose }}>
        {(p) => <input {...p} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <div>
        <button type="submit">Start passing it on</button>{' '}
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
