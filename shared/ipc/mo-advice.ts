import { MONITORING_OFFICER_ADVICE, isVisibleInMode, modeInWords, withheldName, type MeetingMode } from '../domain/protection';
import type { FollowUpView } from './follow-up';
import { withoutNamesInDetail, type RequestDetail } from './views';

const WITHHELD = '[withheld]';

/** R-USE-1: why the screen shows no Monitoring Officer's advice in this mode, or null when the mode shows it. */
export function moAdviceWithheld(mode: MeetingMode): string | null {
  if (isVisibleInMode(MONITORING_OFFICER_ADVICE, mode)) return null;
  return `${withheldName(MONITORING_OFFICER_ADVICE)} (the reason for the referral, the decision’s note and who decided) is hidden in ${modeInWords(mode)}.`;
}

/** The words that are the Monitoring Officer's advice on a request: the referral's reason, and each decision's note and decider (corrections too). */
function adviceWords(detail: RequestDetail, stored: ReadonlyArray<string | null | undefined>): string[] {
  const decisions = detail.timeline.filter((t) => t.type === 'mo-decision');
  const words = [
    ...stored,
    detail.draft?.monitoringOfficerReason,
    ...detail.events.flatMap((e) => (e.type === 'mo-decision' ? [e.note, e.decidedBy] : [])),
    ...decisions.flatMap((t) => [t.note, ...t.corrections.flatMap((c) => c.changes.flatMap((ch) => [ch.from, ch.to]))]),
  ];
  return [...new Set(words.filter((w): w is string => typeof w === 'string' && w.trim().length >= 3))];
}

/**
 * R-USE-1: a request's detail with the Monitoring Officer's advice withheld where the mode hides it: the decisions'
 * notes and deciders, the referral's reason (`stored`: as the request keeps it), and the same words wherever the
 * timeline repeats them. A report without protected content asks as public-meeting mode would.
 */
export function withoutMoAdviceInDetail(
  detail: RequestDetail,
  stored: ReadonlyArray<string | null | undefined>,
  mode: MeetingMode,
): RequestDetail {
  if (moAdviceWithheld(mode) === null) return detail;
  const words = adviceWords(detail, stored);
  if (words.length === 0) return detail;
  const out = withoutNamesInDetail(detail, words);
  return {
    ...out,
    draft: out.draft && (out.draft.monitoringOfficerReason ? { ...out.draft, monitoringOfficerReason: WITHHELD } : out.draft),
    events: out.events.map((e) => (e.type === 'mo-decision' ? { ...e, note: WITHHELD, decidedBy: WITHHELD } : e)),
    timeline: out.timeline.map((t) =>
      t.type === 'mo-decision'
        ? { ...t, note: WITHHELD, details: [], corrections: t.corrections.map((c) => ({ ...c, reason: WITHHELD, changes: [] })) }
        : t,
    ),
  };
}

/** R-USE-1: the follow-up view's referral with the reason and who decided withheld where the mode hides the Monitoring Officer's advice. */
export function withoutMoAdviceInReferral(referral: FollowUpView['moReferral'], mode: MeetingMode): FollowUpView['moReferral'] {
  const withheld = moAdviceWithheld(mode);
  if (!referral || withheld === null) return referral;
  return { ...referral, reason: '', withheld, decision: referral.decision && { ...referral.decision, decidedBy: '' } };
}
