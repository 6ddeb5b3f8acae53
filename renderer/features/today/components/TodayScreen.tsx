import type { Dashboard } from '../../../../shared/ipc/views';
import { closedInMode, type MeetingMode, type ProtectedListScreen } from '../../../../shared/domain/protection';
import type { Navigate, RequestView } from '../../../kit/routes';
import { ErrorMessage, ukDate } from '../../../kit/ui';
import { RequestVolumePanel } from '../../volume/components/RequestVolumePanel';
import { useTodayCounts } from '../hooks/useTodayCounts';
import { SetupChecklist, useSetupChecklist } from '../../setup/components/SetupChecklist';
import { ArrivedForYou } from '../../requests/components/Arrivals';

const CARDS: Array<{
  key: keyof Omit<Dashboard, 'today'>;
  label: string;
  view?: RequestView;
  route?: 'retention' | 'register';
  memberOnly?: boolean;
}> = [
  { key: 'overdue', label: 'Overdue requests', view: 'overdue' },
  { key: 'dueSoon', label: 'Acknowledgements and answers due in the next 3 working days', view: 'due-soon' },
  { key: 'awaitingMonitoringOfficer', label: 'Awaiting the Monitoring Officer', view: 'awaiting-mo' },
  { key: 'chairNoticesPending', label: 'Chair notices not yet sent', view: 'chair-notices' },
  { key: 'retentionDue', label: 'Personal data due for erasure', route: 'retention' },
  // R-DIS-2: disclosures left waiting for the Monitoring Officer's advice, to pick up again from the register.
  {
    key: 'disclosuresAwaitingMonitoringOfficer',
    label: 'Disclosures waiting for the Monitoring Officer',
    route: 'register',
    memberOnly: true,
  },
];

/** The screen each card's route opens, where a meeting mode may close it (R-USE-1). */
const ROUTE_SCREENS: Record<'retention' | 'register', ProtectedListScreen> = { retention: 'retention-due', register: 'register' };

export function TodayScreen({ navigate, isMember, mode }: { navigate: Navigate; isMember: boolean; mode: MeetingMode }) {
  const { counts: dashboard, error } = useTodayCounts();
  const checklist = useSetupChecklist();

  return (
    <section className="screen" aria-labelledby="today-heading">
      <h1 id="today-heading">Today{dashboard ? `, ${ukDate(dashboard.today)}` : ''}</h1>
      <ErrorMessage message={error} />
      {isMember && checklist && !checklist.complete && <SetupChecklist items={checklist.items} navigate={navigate} />}
      {dashboard && (
        <ul className="cards">
          {CARDS.filter((card) => isMember || !card.memberOnly).map((card) => (
            <li key={card.key}>
              {card.route && closedInMode(ROUTE_SCREENS[card.route], mode) ? (
                // The count stays (it names nothing); the screen it opens is closed in this mode, so it is not offered.
                <span className="card card-closed">
                  <span className="card-count">{dashboard[card.key]}</span>
                  <span className="card-label">{card.label}</span>
                </span>
              ) : (
                <button
                  type="button"
                  className={`card${dashboard[card.key] > 0 && card.key === 'overdue' ? ' card-alert' : ''}`}
                  onClick={() => navigate(card.route ? { name: card.route } : { name: 'requests', view: card.view })}
                >
                  <span className="card-count">{dashboard[card.key]}</span>
                  <span className="card-label">{card.label}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* What a PA recorded for the Member waits here until the Member classifies it. */}
      {isMember && <ArrivedForYou onOpenRequest={(id) => navigate({ name: 'request', id })} />}
      <p>
        <button type="button" onClick={() => navigate({ name: 'new-request' })}>
          New request <kbd>Ctrl+N</kbd>
        </button>
      </p>
      {/* R-ASK-7 is the Member's own volume; a PA's working set lacks the Member-only requests, so would understate it. */}
      {isMember && <RequestVolumePanel />}
    </section>
  );
}
