// The New request form's state and its two steps (details, then check your answers). Every field
// rule is the domain's: the draft is checked with the schema main checks it with, on the same today.
import { useEffect, useState, type FormEvent } from 'react';
import { assessNeedToKnow, needsMonitoringOfficerDecision } from '../../../../shared/domain/need-to-know';
import { dueDatesForRequest, profileForRoute } from '../../../../shared/domain/deadlines';
import { newRequestSchema, sentOnProblem, type RequestDraft } from '../../../../shared/domain/request-draft';
import { checkCouncilEmail } from '../../../../shared/domain/requests';
import { requiredEmailAddressSchema } from '../../../../shared/domain/email';
import { builtInProfile } from '../../../../shared/domain/profiles';
import { api } from '../../../kit/api';
import type { Navigate } from '../../../kit/routes';
import { Problems, dateParts, readDate, useForm, type DateParts, type FieldMap } from '../../../kit/forms';
import { tidy } from '../../../kit/errors';
import { today } from '../../../kit/clock';
import { useServiceNudge } from '../../volume/hooks/useRequestVolume';
import { useDirectory } from './useDirectory';

type Council = ReturnType<typeof useDirectory>['council'];

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

/** The addresses typed into the copies box, separated by commas, semicolons or spaces. */
export const splitAddresses = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

/** R-ASK-6: main's seniority warning for the chosen officer, if any. */
function useOfficerWarning(officerId: string): string | null {
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    if (!officerId) return;
    let live = true;
    void api()
      .officers.warning({ officerId })
      .then((r) => live && r.ok && setWarning(r.value.warning));
    return () => {
      live = false;
    };
  }, [officerId]);
  return officerId ? warning : null;
}

/** The due dates main would fix, worked out by the same function and inputs (holiday edits included); null until the date is usable. */
function duePreview(draft: RequestDraft, sentOn: DateParts, council: Council) {
  const read = readDate(sentOn, 'Date sent');
  const sentIso = 'iso' in read && read.iso && !sentOnProblem(read.iso, today()) ? read.iso : null;
  if (!sentIso || !council) return null;
  try {
    return dueDatesForRequest(
      { ...draft, sentOn: sentIso },
      { profile: council.profile, nation: council.settings.nation, holidayEdits: council.holidayEdits },
    );
  } catch {
    return null;
  }
}

/** The form's problems with a draft: the domain's schema and council-address rule (as main checks them), and the referral reason. */
function draftProblems(draft: RequestDraft, copiesText: string, sentOn: DateParts, council: Council, fields: FieldMap) {
  const p = new Problems();
  const sent = p.date(sentOn, 'sentOn', 'Date sent');
  const candidate = { ...draft, copies: splitAddresses(copiesText), sentOn: sent ?? draft.sentOn };
  const checked = p.schema(newRequestSchema(today()).safeParse(candidate), fields);
  const from = p.schema(requiredEmailAddressSchema('Enter your council email address').safeParse(draft.fromEmail), fields, ['fromEmail']);
  if (from !== null) {
    const domain = council?.settings.emailDomain;
    const address = checkCouncilEmail(from, domain ? [domain] : []);
    if (!address.ok) p.add('fromEmail', tidy(address.reason));
  }
  return { p, checked };
}

export function useNewRequest(navigate: Navigate, fields: FieldMap, prefill?: Partial<RequestDraft>) {
  const { officers, meetings, council } = useDirectory();
  const [draft, setDraft] = useState<RequestDraft>(() => ({ ...emptyDraft(), ...prefill }));
  const [copiesText, setCopiesText] = useState('');
  const [step, setStep] = useState<'details' | 'check'>('details');
  const [sentOn, setSentOn] = useState<DateParts>(() => dateParts(today()));
  const form = useForm(fields);
  const set = <K extends keyof RequestDraft>(key: K, value: RequestDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const officerWarning = useOfficerWarning(draft.officerId);
  const volumeNudge = useServiceNudge(officers.find((o) => o.id === draft.officerId)?.service);
  // The profile main times and tests the request by (FOI has its own clock).
  const profile = council ? profileForRoute(draft.route, council.profile, council.settings.nation) : builtInProfile('000');
  const assessment = assessNeedToKnow(
    { ...draft, meeting: draft.meetingId ? { meetingId: draft.meetingId, agendaItem: draft.agendaItem ?? '' } : null },
    profile,
  );
  const needsReferral = needsMonitoringOfficerDecision(draft.route, assessment);

  function toCheck(event: FormEvent) {
    event.preventDefault();
    const { p, checked } = draftProblems(draft, copiesText, sentOn, council, fields);
    if (needsReferral && !draft.monitoringOfficerReason?.trim()) {
      p.add(
        'monitoringOfficerReason',
        assessment.verdict === 'sufficient'
          ? 'This council needs the Monitoring Officer to accept the need to know: give your reason, or change the route'
          : 'Give your reason for asking the Monitoring Officer to decide, or make it a Freedom of Information request',
      );
    }
    if (p.any || !checked) return form.fail(p.inFieldOrder(fields));
    setDraft(checked);
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

  const due = duePreview(draft, sentOn, council);
  const fieldsState = { draft, set, copiesText, setCopiesText, sentOn, setSentOn, form, step, setStep, toCheck, send };
  return { ...fieldsState, officers, meetings, council, officerWarning, volumeNudge, profile, assessment, needsReferral, due };
}
export type NewRequestState = ReturnType<typeof useNewRequest>;
