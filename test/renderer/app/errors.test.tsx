import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { plainErrors, plainMessage, tidy, type FieldMap } from '../../../renderer/kit/errors';
import { DateInput, Field, Form, Problems, readDate, useForm, emptyDate, type DateParts } from '../../../renderer/kit/forms';
import { NEW_REQUEST_FIELDS } from '../../../renderer/features/requests/components/NewRequestScreen';
import { MEETING_FIELDS, OFFICER_FIELDS } from '../../../renderer/features/officers/components/OfficersScreen';
import { LOG_EVENT_FIELDS, MATERIAL_FIELDS } from '../../../renderer/features/requests/components/RequestScreen';
import {
  CONSENT_FIELDS,
  DISPOSAL_FIELDS,
  KEEP_FIELDS,
  RECLASSIFY_FIELDS,
} from '../../../renderer/features/materials/components/MaterialLifecycle';
import {
  APPROVE_FIELDS,
  CONSULTATION_FIELDS,
  DISCLOSE_FIELDS,
  EVIDENCE_FIELDS,
  GROUND_FIELDS,
  REGARD_FIELDS,
} from '../../../renderer/features/disclosures/components/DisclosureScreen';
import { HOLIDAY_FIELDS } from '../../../renderer/features/holidays/components/HolidaysPanel';
import { COUNCIL_FIELDS } from '../../../renderer/features/settings/components/CouncilPanel';
import { PROFILE_FIELDS } from '../../../renderer/features/settings/components/ProfilePanel';

const FORMS: Record<string, FieldMap> = {
  'new request': NEW_REQUEST_FIELDS,
  officer: OFFICER_FIELDS,
  meeting: MEETING_FIELDS,
  'log a response': LOG_EVENT_FIELDS,
  material: MATERIAL_FIELDS,
  consent: CONSENT_FIELDS,
  reclassify: RECLASSIFY_FIELDS,
  'keep until': KEEP_FIELDS,
  'destroy or return': DISPOSAL_FIELDS,
  ground: GROUND_FIELDS,
  evidence: EVIDENCE_FIELDS,
  consultation: CONSULTATION_FIELDS,
  regard: REGARD_FIELDS,
  approve: APPROVE_FIELDS,
  disclose: DISCLOSE_FIELDS,
  holidays: HOLIDAY_FIELDS,
  council: COUNCIL_FIELDS,
  profile: PROFILE_FIELDS,
};

// What main and the domain really answer with today (router's describeZodError, domain refusals).
const LEAKS = [
  'classification.committee: Too small: expected string to have >=1 characters; classification.meetingDate: Use a date written as YYYY-MM-DD',
  'The evidence for ground (d) is incomplete: publicInterestReasons, goodFaith.',
  'copies.1: Invalid email address',
  'subject: Too big: expected string to have <=200 characters; officerId: Choose the officer',
  'The classification is incomplete: committee: Too small: expected string to have >=1 characters; authorDesignation: Invalid input: expected string, received undefined',
  'sentOn "2026-02-31" is not a real date',
  'resolution.minuteReference: Too small: expected string to have >=1 characters',
  'edits.added.0.date: Use a date written as YYYY-MM-DD',
  'The profile is not valid: respondWorkingDays: Invalid input: expected number, received NaN',
  'States the purpose (R-ASK-1); Names the capacity you are asking in (R-ASK-1)',
  'evidence.consistentWithAuthorityRequirements: Invalid input: expected true',
  'monitoringOfficerReason: At most 2000 characters',
];

const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;
const PATH = /\b[a-zA-Z]+\.(\d+|[a-zA-Z]+)\b:/;
const RULE = /R-[A-Z]+-\d/;
const ZOD = /Too small|Too big|Invalid input|expected string|received undefined|>=|<=|YYYY/;

describe('plain-words error mapper', () => {
  for (const [form, map] of Object.entries(FORMS)) {
    it(`${form}: no field path, camelCase name, zod text or rule id reaches the user`, () => {
      for (const leak of LEAKS) {
        const shown = plainErrors(leak, map);
        expect(shown.length).toBeGreaterThan(0);
        for (const e of shown) {
          expect(e.message, leak).not.toMatch(CAMEL);
          expect(e.message, leak).not.toMatch(PATH);
          expect(e.message, leak).not.toMatch(RULE);
          expect(e.message, leak).not.toMatch(ZOD);
        }
      }
    });
  }

  it('maps issues to the form field they belong to, with its own label', () => {
    expect(plainErrors('copies.1: Invalid email address', NEW_REQUEST_FIELDS)).toEqual([
      { field: 'copies', message: 'Copies: the second address is not a valid email address' },
    ]);
    expect(plainErrors('email: Invalid input: expected string, received undefined', OFFICER_FIELDS)).toEqual([
      { field: 'email', message: 'Enter the officer’s email address' },
    ]);
    expect(plainErrors('classification.committee: Too small: expected string to have >=1 characters', MATERIAL_FIELDS)).toEqual([
      { field: 'committee', message: 'Enter the committee the pink paper went to' },
    ]);
    expect(
      plainErrors('The evidence for ground (d) is incomplete: publicInterestReasons, goodFaith.', EVIDENCE_FIELDS).map((e) => e.field),
    ).toEqual(['publicInterestReasons', 'goodFaith']);
    expect(plainErrors('subject: Too big: expected string to have <=200 characters', NEW_REQUEST_FIELDS)[0]!.message).toBe(
      'Subject must be 200 characters or fewer',
    );
  });

  it('keeps a message a rule wrote for people, and tidies rule ids and ISO dates out of it', () => {
    expect(plainMessage('That date is before the request was sent.')).toBe('That date is before the request was sent.');
    expect(tidy('States the purpose (R-ASK-1)')).toBe('States the purpose');
    expect(tidy('Due on 2026-11-28.')).toBe('Due on 28/11/2026.');
  });
});

describe('GOV.UK date rules', () => {
  const d = (day: string, month: string, year: string): DateParts => ({ day, month, year });
  it('refuses 31/02/2026 in words, with the strict domain parser', () => {
    expect(readDate(d('31', '2', '2026'), 'Date sent')).toEqual({ error: 'Date sent must be a real date' });
    expect(readDate(d('28', '2', '2026'), 'Date sent')).toEqual({ iso: '2026-02-28' });
  });
  it('says what is missing, and checks future and past', () => {
    expect(readDate(emptyDate(), 'Date sent')).toEqual({ error: 'Enter date sent' });
    expect(readDate(emptyDate(), 'Erase by', { optional: true })).toEqual({ iso: null });
    expect(readDate(d('3', '', '2026'), 'Date sent')).toEqual({ error: 'Date sent must include a month' });
    expect(readDate(d('x', '3', '2026'), 'Date sent')).toEqual({ error: 'Date sent must be a real date' });
    expect(readDate(d('1', '1', '2027'), 'Date sent', { notFuture: true, today: '2026-11-28' })).toEqual({
      error: 'Date sent must be today or in the past',
    });
    expect(readDate(d('28', '11', '2026'), 'Keep until', { future: true, today: '2026-11-28' })).toEqual({
      error: 'Keep until must be in the future',
    });
  });
});

function Demo() {
  const form = useForm({ fields: { name: 'Name', on: 'Date' } });
  const [on, setOn] = useState<DateParts>(emptyDate);
  const [name, setName] = useState('');
  return (
    <Form
      form={form}
      aria-label="Demo"
      onSubmit={(e) => {
        e.preventDefault();
        const p = new Problems();
        p.require(name, 'name', 'Enter a name');
        p.date(on, 'on', 'Date');
        if (p.any) form.fail(p.list);
      }}
    >
      <Field label="Name" name="name" limit={{ max: 10, value: name }}>
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <DateInput label="Date" name="on" value={on} onChange={setOn} />
      <button type="submit">Save</button>
    </Form>
  );
}

describe('error summary and date input', () => {
  it('shows every problem at once, focused, each linking to its field', async () => {
    render(<Demo />);
    expect(screen.getByText('You can enter up to 10 characters.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Day'), '31');
    await userEvent.type(screen.getByLabelText('Month'), '2');
    await userEvent.type(screen.getByLabelText('Year'), '2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    expect(document.activeElement).toBe(summary);
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Enter a name', 'Date must be a real date']);
    await userEvent.click(links[1]!);
    expect(document.activeElement).toBe(screen.getByLabelText('Day'));
    await userEvent.click(links[0]!);
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(screen.getByLabelText('Day').getAttribute('inputmode')).toBe('numeric');
  }, 30_000);

  it('counts characters live, before saving', async () => {
    render(<Demo />);
    await userEvent.type(screen.getByLabelText('Name'), 'Twelve chars');
    expect(screen.getByText('You have 2 characters too many')).toBeTruthy();
  }, 30_000);
});
