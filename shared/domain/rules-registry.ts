// Every rule in docs/RULES.md: its id, what it says, where it comes from, and the function that
// implements it. test/shared/domain/rules-registry.test.ts fails when a rule here has no test
// naming its id, or when docs/RULES.md and this list disagree, or a rule is not wired into electron/main.
import { paRecordChangeProblem } from './pa-record-changes';
import { agendaItemProblem, droppedItemProblems } from './directory';
import { sentDraftNamesRecipient } from './correspondence';
import { addWorkingDays, holidayEditsFromGovUk, parseGovUkBankHolidays, publicHolidays } from './calendar';
import {
  canShareBriefing,
  checkCapacityUse,
  classify,
  effectiveLevel,
  isMemberOnly,
  reclassifyPinkPaper,
  recordBriefingPermission,
  requireRetentionDate,
  retentionDue,
  tierFor,
} from './classification';
import { computeDueDates, effectiveTargets, requestsAffectedByCalendarChange } from './deadlines';
import { appendToRegister, exportConfirmation, mayReleaseForDisclosure, requiresMonitoringOfficer, transition } from './disclosure';
import {
  assessNeedToKnow,
  foiAlternative,
  monitoringOfficerReferral,
  recordMonitoringOfficerDecision,
  stepsAfterMonitoringOfficerDecision,
  CAPACITIES,
  ROUTES,
} from './need-to-know';
import { isVisibleInMode, mustAudit, paAuditAuthor, recordDisposal } from './protection';
import {
  changeClassification,
  checkDisposable,
  checkErasable,
  extendRetention,
  protectedStillHeld,
  recordConsent,
  thirdPartyDisclosureCheck,
} from './material-lifecycle';
import {
  chairNoticeFor,
  checkCopies,
  checkCouncilDomain,
  checkCouncilEmail,
  isPersonalEmailDomain,
  lifecycleFromEvents,
  nextEscalation,
  officerSeniorityWarning,
  recordChairNoticeSent,
  recordEscalation,
  followUpAfterCorrections,
  requestStatus,
  requestVolume,
  thirdPartyConsentStatus,
} from './requests';
import { allowedCommands, editRequest } from './request-lifecycle';
import { checkEventDate, correctTimelineEntry } from './timeline';
import { disclosureProgress } from './worklist';
import { senderCheck } from './sender-checks';
import { importerToSave, importerWords, messageDifferences } from './message-clash';

export interface RegisteredRule {
  id: string;
  summary: string;
  sources: string;
  implementedBy: unknown;
}

// The code that carries each rule, by id: the one place to look for where a rule lives.
const IMPLEMENTED_BY = {
  'R-ASK-1': [CAPACITIES, editRequest],
  'R-ASK-2': [ROUTES, agendaItemProblem, droppedItemProblems],
  'R-ASK-3': assessNeedToKnow,
  'R-ASK-4': [monitoringOfficerReferral, recordMonitoringOfficerDecision, stepsAfterMonitoringOfficerDecision],
  'R-ASK-5': foiAlternative,
  'R-ASK-6': officerSeniorityWarning,
  'R-ASK-7': requestVolume,
  'R-ASK-8': [chairNoticeFor, recordChairNoticeSent, sentDraftNamesRecipient],
  'R-ASK-9': [checkCouncilEmail, checkCouncilDomain, isPersonalEmailDomain, senderCheck],
  'R-ASK-10': checkCopies,
  'R-ASK-11': [thirdPartyConsentStatus, recordConsent, thirdPartyDisclosureCheck],
  'R-DUE-1': computeDueDates,
  'R-DUE-2': [addWorkingDays, publicHolidays, parseGovUkBankHolidays],
  'R-DUE-3': [requestsAffectedByCalendarChange, holidayEditsFromGovUk],
  'R-DUE-4': [requestStatus, nextEscalation, recordEscalation, checkEventDate, allowedCommands, followUpAfterCorrections],
  'R-DUE-5': [effectiveTargets, lifecycleFromEvents, correctTimelineEntry],
  'R-CLS-1': [classify, requireRetentionDate],
  'R-CLS-2': [effectiveLevel, changeClassification],
  'R-CLS-3': reclassifyPinkPaper,
  'R-CLS-4': checkCapacityUse,
  'R-CLS-5': [canShareBriefing, recordBriefingPermission, isMemberOnly],
  'R-CLS-6': [retentionDue, checkErasable, extendRetention],
  'R-DIS-1': [transition, exportConfirmation],
  'R-DIS-2': [requiresMonitoringOfficer, disclosureProgress],
  'R-DIS-3': mayReleaseForDisclosure,
  'R-DIS-4': appendToRegister,
  'R-DIS-5': transition,
  'R-USE-1': isVisibleInMode,
  'R-USE-2': tierFor,
  'R-USE-3': [mustAudit, paAuditAuthor, messageDifferences, importerWords, importerToSave, paRecordChangeProblem],
  'R-USE-4': [recordDisposal, checkDisposable, protectedStillHeld],
} as const;
type RuleId = keyof typeof IMPLEMENTED_BY;

// What each rule says, briefly, and where it comes from (docs/RULES.md has it in full): [summary, sources].
const ABOUT: Record<RuleId, readonly [summary: string, sources: string]> = {
  'R-ASK-1': ['Every request records capacity and purpose', '000 §17.8.1; 003 §4.1, §4.8'],
  'R-ASK-2': ['Every request has a route; s.100F names meeting and item', '000 §17.8.3–17.8.6; 002; 004 §11.8–11.9'],
  'R-ASK-3': ['Need to know needs a duty and specific information; curiosity and roving commissions refused', '000 §17.8.5; 004 §11.9'],
  'R-ASK-4': ['Monitoring Officer accepts the need to know where the profile says so', '004 §11.9; 002'],
  'R-ASK-5': ['FOI offered when need to know is weak or refused', '000 §17.8.6'],
  'R-ASK-6': ['Requests to senior officers; junior officer warns', '003 §3.6, §4.6–4.7; 001 §24.4, §24.8(a)'],
  'R-ASK-7': ['Request volume per service, nudged when high', '000 §17.8.7; 001 §24.8(a)'],
  'R-ASK-8': ['Agenda-related requests notify the chair / executive member', '000 §17.8.9; 001 §24.8(a)–(b)'],
  'R-ASK-9': ['Council email address only', '000 §17.13.2'],
  'R-ASK-10': ['Copies recorded; blind copies refused', '001 §24.11(a)'],
  'R-ASK-11': ['Third-party information needs consent', '002'],
  'R-DUE-1': ['Deadlines in working days from the profile; FOI 20', '000 §17.8.2; 001 §24.5; 003 §4.3; 004 §6.5.8; FOIA s.10'],
  'R-DUE-2': ['Working days by nation; receipt is day 0; explainable', 'FOIA s.10; FOISA s.73'],
  'R-DUE-3': ['Due dates fixed when sent; holiday changes recompute only on acceptance', '—'],
  'R-DUE-4': ['States incl. overdue/very overdue/escalated; escalation path', '000 §17.8.2; 004 §11.10'],
  'R-DUE-5': ['Holding reply promised date becomes the target', '000 §17.8.2; 004 §6.5.8'],
  'R-CLS-1': ['Classification levels, Schedule 12A paragraphs, pink paper details, personal data', '000 §17.9.3; 003 §5.1, §5.3'],
  'R-CLS-2': ['Unknown status treated as confidential', '000 §17.9.4'],
  'R-CLS-3': ['Pink paper reclassified only by committee resolution', '000 §17.9.3; 003 §5.3'],
  'R-CLS-4': ['Material bound to its capacity and purpose', '003 §4.8, §4.15; 004 §11.11; 000 §17.9.5'],
  'R-CLS-5': ['Confidential briefings shared only with permission', '003 §4.13–4.14'],
  'R-CLS-6': ['Personal data has a retention date and an erase prompt', '000 §17.9.1; 001 §24.8(c)'],
  'R-DIS-1': ['Disclosure only on a recorded ground with its evidence', '000 §17.9.2; 003 §5.2'],
  'R-DIS-2': ['Ground (d), or every ground where the profile says, needs the Monitoring Officer and regard', '000 §17.9.6; 004 §11.11'],
  'R-DIS-3': ['The gate is enforced in the main process', '—'],
  'R-DIS-4': ['Disclosure register that cannot be rewritten', '000 §17.9.2'],
  'R-DIS-5': ['Ask whether the officer who gave it was checked with', '003 §4.8'],
  'R-USE-1': ['Public-meeting and private-session modes', '000 §17.9.3'],
  'R-USE-2': ['PA cannot decrypt the Member-only tier', '003 §4.8'],
  'R-USE-3': ['Tamper-evident audit trail of protected material', '—'],
  'R-USE-4': ['Protected material destroyed or returned, recorded', '000 §17.9.5'],
};

export const RULES: RegisteredRule[] = (Object.keys(ABOUT) as RuleId[]).map((id) => {
  const [summary, sources] = ABOUT[id];
  return { id, summary, sources, implementedBy: IMPLEMENTED_BY[id] };
});
