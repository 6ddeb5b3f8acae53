import type { RequestDraft } from '../../../../shared/domain/requests';
import type { Navigate } from '../../../kit/routes';
import { Form, type FieldMap } from '../../../kit/forms';
import { SetupChecklist, useSetupChecklist } from '../../setup/components/SetupChecklist';
import { useNewRequest } from '../hooks/useNewRequest';
import { NewRequestCheck } from './NewRequestCheck';
import { AskingFields, MeetingFields, NeedToKnowFields, SendingFields } from './NewRequestFields';

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
  const state = useNewRequest(navigate, NEW_REQUEST_FIELDS, prefill);
  const checklist = useSetupChecklist();
  if (state.step === 'check') return <NewRequestCheck state={state} />;

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
      <Form form={state.form} onSubmit={state.toCheck} aria-labelledby="new-heading">
        <AskingFields state={state} />
        <NeedToKnowFields state={state} />
        <MeetingFields state={state} />
        <SendingFields state={state} isMember={isMember} />
        <div>
          <button type="submit">Check your answers</button>
        </div>
      </Form>
    </section>
  );
}
