// R-USE-1: what each contract channel does about the meeting mode, decided once per channel. Main
// applies 'closed' to every channel so marked (electron/main/ipc/handlers/meeting-mode.ts); the
// services apply the others with the one rule, isVisibleInMode (shared/domain/protection.ts).
// test/electron/main/attacks/modes-channels.test.ts fails when a channel has no decision here.
import type { ProtectedListScreen } from '../domain/protection';
import type { EventChannel, InvokeChannel } from './contract';

export type ModeDecision =
  /** Carries no material, Member-only email, Monitoring Officer's advice or personal data (settings, keys, the directory, counts). */
  | { kind: 'no-content' }
  /** Answers with content: main withholds what the mode hides (titles and subjects included) before it leaves. */
  | { kind: 'withheld' }
  /** Acts on, opens or copies out one item: refused, changing nothing, when the mode hides it. */
  | { kind: 'refused-when-hidden' }
  /** Lists protected things: closed in every meeting mode, with the reason in plain words. */
  | { kind: 'closed'; screen: ProtectedListScreen }
  /** Gives back only what the page itself just sent. */
  | { kind: 'echo' }
  /** The meeting mode itself (only the Member changes it). */
  | { kind: 'mode' };

const none = { kind: 'no-content' } as const;
const withheld = { kind: 'withheld' } as const;
const refused = { kind: 'refused-when-hidden' } as const;
const closed = (screen: ProtectedListScreen) => ({ kind: 'closed', screen }) as const;

export const MODE_DECISIONS = {
  'app:getStatus': none,
  'settings:get': none,
  'settings:setAutoLockMinutes': none,
  'session:getState': none,
  'session:setUp': none,
  'session:unlock': none,
  'session:quickUnlock': none,
  'session:lock': none,
  'session:acknowledgeWarnings': none,
  'session:touch': none,
  'users:list': none,
  'users:addPa': none,
  'users:removePa': none,
  'users:changePassphrase': none,
  'users:getQuickUnlock': none,
  'users:setQuickUnlock': none,
  // The backup file is the vault itself, still encrypted: nothing is readable in it without a passphrase.
  'vault:backup': none,
  'vault:restore': none,
  'officers:list': none,
  'officers:save': none,
  'officers:warning': none,
  'officers:retire': none,
  'officers:reinstate': none,
  'officers:requestCounts': none,
  // Meetings (committee, date, agenda) are published by the council.
  'meetings:list': none,
  'meetings:save': none,
  'meetings:retire': none,
  'meetings:reinstate': none,
  'meetings:requestCounts': none,
  'meetings:importPreview': none,
  'meetings:importApply': none,
  'requests:list': withheld,
  'requests:filterOptions': withheld,
  // Counts per service and month only.
  'requests:volume': none,
  'requests:findByReference': withheld,
  'requests:get': withheld,
  'requests:create': withheld,
  'requests:logEvent': withheld,
  'requests:edit': withheld,
  'requests:withdraw': withheld,
  'requests:close': withheld,
  'requests:reopen': withheld,
  'requests:correctEvent': withheld,
  'requests:markChairNoticeSent': withheld,
  // The chair notice and the Monitoring Officer's referral say what the request is about.
  'requests:followUp': refused,
  'requests:recordMoDecision': refused,
  'requests:escalate': refused,
  'materials:add': { kind: 'echo' },
  'materials:view': refused,
  'materials:reclassify': refused,
  'disclosures:start': closed('disclosures'),
  'disclosures:list': closed('disclosures'),
  'disclosures:advance': closed('disclosures'),
  'disclosures:register': closed('register'),
  'audit:trail': closed('audit-trail'),
  // Counts only.
  'dashboard:get': none,
  'council:get': none,
  'council:set': none,
  'holidays:get': none,
  'holidays:preview': withheld,
  'holidays:importGovUk': withheld,
  'holidays:save': none,
  'meetingMode:set': { kind: 'mode' },
  'meetingMode:get': { kind: 'mode' },
  'attachments:add': refused,
  'attachments:export': refused,
  // Says only that something arrived, when, and how many files: never what it is.
  'arrivals:record': none,
  'arrivals:list': none,
  'arrivals:open': refused,
  'arrivals:classify': refused,
  'materials:recordConsent': refused,
  'materials:recordBriefingPermission': refused,
  'materials:retentionDue': closed('retention-due'),
  'materials:erase': refused,
  'materials:keepUntil': refused,
  'materials:recordDisposal': refused,
  'materials:protectedHeld': closed('protected-held'),
  'reports:get': refused,
  'reports:savePdf': refused,
  'profiles:list': none,
  'profiles:copy': none,
  'profiles:save': none,
  // Which drafts apply, with why not: no wording of the request.
  'drafts:options': none,
  'drafts:preview': refused,
  'drafts:open': refused,
  'drafts:copy': refused,
  'drafts:markSent': none,
  'correspondence:import': withheld,
  'correspondence:choose': withheld,
  'correspondence:unfiled': withheld,
  'correspondence:forRequest': withheld,
  'correspondence:file': withheld,
  'correspondence:exportOriginal': refused,
} as const satisfies Record<InvokeChannel, ModeDecision>;

/** Events carry no content: a record's kind and id, a setting, the session's state, the mode. */
export const EVENTS_WITHOUT_CONTENT = [
  'settings:changed',
  'session:changed',
  'records:changed',
  'meetingMode:changed',
] as const satisfies readonly EventChannel[];

/** The channels closed in every meeting mode, with the screen each belongs to. */
export const closedChannels = (): Array<[InvokeChannel, ProtectedListScreen]> =>
  (Object.entries(MODE_DECISIONS) as Array<[InvokeChannel, ModeDecision]>).flatMap(([channel, d]) =>
    d.kind === 'closed' ? [[channel, d.screen]] : [],
  );
