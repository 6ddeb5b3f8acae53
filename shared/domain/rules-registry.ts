// Every rule in docs/RULES.md: its id, what it says, where it comes from, and the function that
// implements it. test/shared/domain/rules-registry.test.ts fails when a rule here has no test
// naming its id, or when docs/RULES.md and this list disagree, or a rule is not wired into electron/main.
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
import { isVisibleInMode, mustAudit, recordDisposal } from './protection';
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

export interface RegisteredRule {
  id: string;
  summary: string;
  sources: string;
  implementedBy: unknown;
}

export const RULES: RegisteredRule[] = [
  {
    id: 'R-ASK-1',
    summary: 'Every request records capacity and purpose',
    sources: '000 §17.8.1; 003 §4.1, §4.8',
    implementedBy: [CAPACITIES, editRequest],
  },
  {
    id: 'R-ASK-2',
    summary: 'Every request has a route; s.100F names meeting and item',
    sources: '000 §17.8.3–17.8.6; 002; 004 §11.8–11.9',
    implementedBy: [ROUTES, agendaItemProblem, droppedItemProblems],
  },
  {
    id: 'R-ASK-3',
    summary: 'Need to know needs a duty and specific information; curiosity and roving commissions refused',
    sources: '000 §17.8.5; 004 §11.9',
    implementedBy: assessNeedToKnow,
  },
  {
    id: 'R-ASK-4',
    summary: 'Monitoring Officer accepts the need to know where the profile says so',
    sources: '004 §11.9; 002',
    implementedBy: [monitoringOfficerReferral, recordMonitoringOfficerDecision, stepsAfterMonitoringOfficerDecision],
  },
  { id: 'R-ASK-5', summary: 'FOI offered when need to know is weak or refused', sources: '000 §17.8.6', implementedBy: foiAlternative },
  {
    id: 'R-ASK-6',
    summary: 'Requests to senior officers; junior officer warns',
    sources: '003 §3.6, §4.6–4.7; 001 §24.4, §24.8(a)',
    implementedBy: officerSeniorityWarning,
  },
  {
    id: 'R-ASK-7',
    summary: 'Request volume per service, nudged when high',
    sources: '000 §17.8.7; 001 §24.8(a)',
    implementedBy: requestVolume,
  },
  {
    id: 'R-ASK-8',
    summary: 'Agenda-related requests notify the chair / executive member',
    sources: '000 §17.8.9; 001 §24.8(a)–(b)',
    implementedBy: [chairNoticeFor, recordChairNoticeSent, sentDraftNamesRecipient],
  },
  {
    id: 'R-ASK-9',
    summary: 'Council email address only',
    sources: '000 §17.13.2',
    implementedBy: [checkCouncilEmail, checkCouncilDomain, isPersonalEmailDomain],
  },
  { id: 'R-ASK-10', summary: 'Copies recorded; blind copies refused', sources: '001 §24.11(a)', implementedBy: checkCopies },
  {
    id: 'R-ASK-11',
    summary: 'Third-party information needs consent',
    sources: '002',
    implementedBy: [thirdPartyConsentStatus, recordConsent, thirdPartyDisclosureCheck],
  },
  {
    id: 'R-DUE-1',
    summary: 'Deadlines in working days from the profile; FOI 20',
    sources: '000 §17.8.2; 001 §24.5; 003 §4.3; 004 §6.5.8; FOIA s.10',
    implementedBy: computeDueDates,
  },
  {
    id: 'R-DUE-2',
    summary: 'Working days by nation; receipt is day 0; explainable',
    sources: 'FOIA s.10; FOISA s.73',
    implementedBy: [addWorkingDays, publicHolidays, parseGovUkBankHolidays],
  },
  {
    id: 'R-DUE-3',
    summary: 'Due dates fixed when sent; holiday changes recompute only on acceptance',
    sources: '—',
    implementedBy: [requestsAffectedByCalendarChange, holidayEditsFromGovUk],
  },
  {
    id: 'R-DUE-4',
    summary: 'States incl. overdue/very overdue/escalated; escalation path',
    sources: '000 §17.8.2; 004 §11.10',
    implementedBy: [requestStatus, nextEscalation, recordEscalation, checkEventDate, allowedCommands, followUpAfterCorrections],
  },
  {
    id: 'R-DUE-5',
    summary: 'Holding reply promised date becomes the target',
    sources: '000 §17.8.2; 004 §6.5.8',
    implementedBy: [effectiveTargets, lifecycleFromEvents, correctTimelineEntry],
  },
  {
    id: 'R-CLS-1',
    summary: 'Classification levels, Schedule 12A paragraphs, pink paper details, personal data',
    sources: '000 §17.9.3; 003 §5.1, §5.3',
    implementedBy: [classify, requireRetentionDate],
  },
  {
    id: 'R-CLS-2',
    summary: 'Unknown status treated as confidential',
    sources: '000 §17.9.4',
    implementedBy: [effectiveLevel, changeClassification],
  },
  {
    id: 'R-CLS-3',
    summary: 'Pink paper reclassified only by committee resolution',
    sources: '000 §17.9.3; 003 §5.3',
    implementedBy: reclassifyPinkPaper,
  },
  {
    id: 'R-CLS-4',
    summary: 'Material bound to its capacity and purpose',
    sources: '003 §4.8, §4.15; 004 §11.11; 000 §17.9.5',
    implementedBy: checkCapacityUse,
  },
  {
    id: 'R-CLS-5',
    summary: 'Confidential briefings shared only with permission',
    sources: '003 §4.13–4.14',
    implementedBy: [canShareBriefing, recordBriefingPermission, isMemberOnly],
  },
  {
    id: 'R-CLS-6',
    summary: 'Personal data has a retention date and an erase prompt',
    sources: '000 §17.9.1; 001 §24.8(c)',
    implementedBy: [retentionDue, checkErasable, extendRetention],
  },
  {
    id: 'R-DIS-1',
    summary: 'Disclosure only on a recorded ground with its evidence',
    sources: '000 §17.9.2; 003 §5.2',
    implementedBy: [transition, exportConfirmation],
  },
  {
    id: 'R-DIS-2',
    summary: 'Ground (d), or every ground where the profile says, needs the Monitoring Officer and regard',
    sources: '000 §17.9.6; 004 §11.11',
    implementedBy: [requiresMonitoringOfficer, disclosureProgress],
  },
  { id: 'R-DIS-3', summary: 'The gate is enforced in the main process', sources: '—', implementedBy: mayReleaseForDisclosure },
  { id: 'R-DIS-4', summary: 'Disclosure register that cannot be rewritten', sources: '000 §17.9.2', implementedBy: appendToRegister },
  { id: 'R-DIS-5', summary: 'Ask whether the officer who gave it was checked with', sources: '003 §4.8', implementedBy: transition },
  { id: 'R-USE-1', summary: 'Public-meeting and private-session modes', sources: '000 §17.9.3', implementedBy: isVisibleInMode },
  { id: 'R-USE-2', summary: 'PA cannot decrypt the Member-only tier', sources: '003 §4.8', implementedBy: tierFor },
  { id: 'R-USE-3', summary: 'Tamper-evident audit trail of protected material', sources: '—', implementedBy: mustAudit },
  {
    id: 'R-USE-4',
    summary: 'Protected material destroyed or returned, recorded',
    sources: '000 §17.9.5',
    implementedBy: [recordDisposal, checkDisposable, protectedStillHeld],
  },
];
