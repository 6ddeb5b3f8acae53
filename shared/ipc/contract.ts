import { z } from 'zod';
import { isoDateSchema } from '../domain/dates';
import { RECORD_TYPES } from '../domain/record-types';
import { appSettingsSchema, autoLockMinutesSchema } from '../domain/app-settings';
import { classificationSchema } from '../domain/classification';
import { capacitySchema } from '../domain/need-to-know';
import { councilProfileSchema } from '../domain/profiles';
import {
  officerInputSchema,
  officerSchema,
  meetingInputSchema,
  meetingSchema,
  requestCountsSchema,
  retireInputSchema,
} from '../domain/directory';
import { requestDraftSchema, requestEventSchema } from '../domain/requests';
import {
  materialInputSchema,
  materialSchema,
  briefingPermissionInputSchema,
  consentInputSchema,
  disposalInputSchema,
  keepUntilInputSchema,
  officerConfirmationSchema,
} from '../domain/material';
import { arrivalSummarySchema, openedArrivalSchema, recordArrivalInputSchema } from '../domain/arrivals';
import { CLOSE_OUTCOMES } from '../domain/request-lifecycle';
import { gateEventSchema, registerEntrySchema } from '../domain/disclosure';
import { holidayEditsSchema } from '../domain/calendar';
import { councilSettingsSchema } from '../domain/council';
import { meetingModeSchema } from '../domain/protection';
import { roleSchema, sessionStateSchema, userSummarySchema } from '../domain/session';
import {
  affectedRequestSchema,
  auditEventSchema,
  dashboardSchema,
  disclosureViewSchema,
  listFilterOptionsSchema,
  listPageInputSchema,
  materialListItemSchema,
  requestDetailSchema,
  requestListPageSchema,
  volumeByMonthSchema,
} from './views';
import { meetingImportPreviewSchema, meetingImportRequestSchema, meetingImportResultSchema } from './meeting-import';
import { reportRequestSchema, reportSchema } from './reports';
import {
  chairNoticeInputSchema,
  escalateInputSchema,
  followUpViewSchema,
  govUkImportPreviewSchema,
  moDecisionInputSchema,
} from './follow-up';
import {
  correspondenceItemSchema,
  draftOptionSchema,
  draftPreviewSchema,
  importResultSchema,
  FILING_KINDS,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGES_PER_IMPORT,
} from '../domain/correspondence';
import { draftKindSchema } from '../domain/requests';

/**
 * The one IPC contract. Every channel is written here once, named `domain:verb`.
 * - `invoke` entries: the renderer calls `api.<domain>.<verb>(input)` and gets a Result.
 * - `event` entries: main pushes a payload; the renderer subscribes with
 *   `api.<domain>.on<Verb>(listener)` (e.g. `settings:changed` -> `api.settings.onChanged`),
 *   which returns a function that unsubscribes.
 * Main parses every input with `input` before handler code runs; outputs are checked on the way out.
 */
interface InvokeEntry<I extends z.ZodType, O extends z.ZodType> {
  readonly kind: 'invoke';
  readonly input: I;
  readonly output: O;
}
interface EventEntry<P extends z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

const CLOSE_OUTCOME_IDS = Object.keys(CLOSE_OUTCOMES) as [keyof typeof CLOSE_OUTCOMES, ...Array<keyof typeof CLOSE_OUTCOMES>];

const invoke = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): InvokeEntry<I, O> => ({
  kind: 'invoke',
  input,
  output,
});
const event = <P extends z.ZodType>(payload: P): EventEntry<P> => ({ kind: 'event', payload });

const noInput = z.undefined();
// Dates from the page are checked by the domain's strict parser: 2026-02-30 is refused here, in the domain's words.
const isoDateInput = isoDateSchema;

export const appStatusSchema = z.object({
  appName: z.string(),
  appVersion: z.string(),
  dataFolder: z.string(),
  settingsFile: z.string(),
  platform: z.string(),
  runtime: z.string(),
  settings: appSettingsSchema,
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export { roleSchema, sessionStateSchema, userSummarySchema };
export type { SessionState, UserSummary } from '../domain/session';

const personName = z.string().trim().min(1, { error: 'Enter a name' }).max(120, { error: 'Names can be at most 120 characters' });
// Strength is judged by the main process (weak-passphrase error); this only bounds the size.
const passphrase = z.string().min(1, { error: 'Enter a passphrase' }).max(1024, { error: 'That passphrase is too long' });

/** The council in force as the screens see it: settings, the profile, the holiday edits, and the profiles to choose from. */
const councilViewSchema = z.object({
  settings: councilSettingsSchema,
  profile: councilProfileSchema,
  holidayEdits: holidayEditsSchema,
  profiles: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const contract = {
  /** Name, version, data folder and current settings of the running app (About/Status screen). */
  'app:getStatus': invoke(noInput, appStatusSchema),
  /** Current settings from electron-store. */
  'settings:get': invoke(noInput, appSettingsSchema),
  /** Change the auto-lock minutes; out-of-range values are refused with a message and nothing is saved. */
  'settings:setAutoLockMinutes': invoke(z.object({ minutes: autoLockMinutesSchema }), appSettingsSchema),
  /** Pushed whenever a setting changes, so every window shows the same value. */
  'settings:changed': event(appSettingsSchema),

  /** Whether a vault exists, and whether it is locked or unlocked (and as whom). */
  'session:getState': invoke(noInput, sessionStateSchema),
  /** First run: create the vault with the Member's name and passphrase, and unlock it as the Member. */
  'session:setUp': invoke(z.object({ memberName: personName, passphrase }), sessionStateSchema),
  /** Unlock as one user with their passphrase. A wrong passphrase changes nothing. */
  'session:unlock': invoke(z.object({ userId: z.string().min(1), passphrase }), sessionStateSchema),
  /** Unlock through this computer's key store (quick unlock), if the user set it up here. */
  'session:quickUnlock': invoke(noInput, sessionStateSchema),
  /** Lock now: keys are dropped in the main process and every window clears its working set. */
  'session:lock': invoke(noInput, sessionStateSchema),
  /** The user has read the unlock warnings (saves missing, changes set aside): they are not shown again. */
  'session:acknowledgeWarnings': invoke(noInput, sessionStateSchema),
  /** The user is active: restarts the auto-lock countdown. */
  'session:touch': invoke(noInput, z.null()),
  /** Pushed on every lock and unlock, whatever caused it (idle, OS lock screen, suspend, a button). */
  'session:changed': event(sessionStateSchema),

  /** Everyone with a key slot in this vault. */
  'users:list': invoke(noInput, z.array(userSummarySchema)),
  /** Member only: add a PA with their own passphrase; their slot holds the casework key only. */
  'users:addPa': invoke(z.object({ name: personName, passphrase }), userSummarySchema),
  /** Member only: removes a PA and changes the shared key, so they cannot read anything saved after. */
  'users:removePa': invoke(
    z.object({ userId: z.string().min(1).max(100) }),
    z.object({ removed: userSummarySchema, mustBeAddedAgain: z.array(z.string()) }),
  ),
  /** Change the signed-in user's passphrase (re-wraps their keys; records are untouched). */
  'users:changePassphrase': invoke(z.object({ current: passphrase, next: passphrase }), z.null()),
  /** Whether quick unlock can be used on this computer, and whether it is on for the signed-in user. */
  'users:getQuickUnlock': invoke(noInput, z.object({ available: z.boolean(), enabled: z.boolean(), reason: z.string().optional() })),
  /** Turn quick unlock on or off for the signed-in user on this computer. The passphrase always still works. */
  'users:setQuickUnlock': invoke(
    z.object({ enabled: z.boolean() }),
    z.object({ available: z.boolean(), enabled: z.boolean(), reason: z.string().optional() }),
  ),

  /** Write an encrypted backup of the whole vault to a file the user chooses; it opens with the same passphrases. */
  'vault:backup': invoke(noInput, z.object({ file: z.string().nullable(), bytes: z.number() })),
  /**
   * Restore a backup the user chooses, opened with the passphrase of a user in it before anything is
   * swapped. Replacing an existing vault needs `confirmReplace` (the old one is kept aside). A backup
   * older than the vault comes back with `confirmOlder` (what will be lost, in words) and changes
   * nothing; sending `confirmOlder: true` restores that same file.
   */
  'vault:restore': invoke(
    z.object({ passphrase: z.string().min(1).max(1024), confirmReplace: z.boolean(), confirmOlder: z.boolean().default(false) }),
    z.object({
      state: sessionStateSchema,
      replacedFolder: z.string().nullable(),
      file: z.string().nullable(),
      confirmOlder: z.string().nullable(),
    }),
  ),

  /** Pushed after any record changes, so windows refresh their working set: `kind` is one of the vault's record kinds. */
  'records:changed': event(z.object({ kind: z.enum(RECORD_TYPES), id: z.string() })),

  /** The officers directory. */
  'officers:list': invoke(noInput, z.array(officerSchema)),
  /** Add an officer (no id: main makes one) or update one (the id of an existing officer, nothing else). */
  'officers:save': invoke(officerInputSchema, officerSchema),
  /** R-ASK-6: the seniority warning for addressing this officer, if any. */
  'officers:warning': invoke(z.object({ officerId: z.string() }), z.object({ warning: z.string().nullable() })),
  /** Retire an officer (main dates it): no longer offered for new requests or escalations; every request naming them keeps their name. */
  'officers:retire': invoke(retireInputSchema, officerSchema),
  /** Undo a retirement: the officer is offered again. */
  'officers:reinstate': invoke(retireInputSchema, officerSchema),
  /** How many requests the signed-in user can read name each officer, by officer id (for "their N requests"). */
  'officers:requestCounts': invoke(noInput, requestCountsSchema),

  /** Meetings and their agenda items. */
  'meetings:list': invoke(noInput, z.array(meetingSchema)),
  /** Add a meeting (no id: main makes one) or update one (the id of an existing meeting, nothing else). */
  'meetings:save': invoke(meetingInputSchema, meetingSchema),
  /** Retire a meeting (main dates it): no longer offered for new s.100F requests or private sessions; requests keep showing it. */
  'meetings:retire': invoke(retireInputSchema, meetingSchema),
  /** Undo a retirement: the meeting is offered again. */
  'meetings:reinstate': invoke(retireInputSchema, meetingSchema),
  /** How many requests the signed-in user can read name each meeting, by meeting id. */
  'meetings:requestCounts': invoke(noInput, requestCountsSchema),
  /**
   * Read meetings from a calendar file (.ics), a saved ModernGov export, or the council's democracy site
   * (main fetches it: the app's one network call), and list what would be added or updated. Nothing is
   * saved; a bad file is refused with the reason. Member or PA.
   */
  'meetings:importPreview': invoke(meetingImportRequestSchema, meetingImportPreviewSchema),
  /** Save the previewed import: re-imported meetings (same event UID or ModernGov id) are updated, never duplicated. */
  'meetings:importApply': invoke(z.object({ token: z.string().min(1).max(100) }), meetingImportResultSchema),

  /**
   * One page of the requests the signed-in user may see that match `query` (view, filters, search),
   * in its order (by default due-date order; Member-only ones appear to a PA as locked rows, last),
   * with how many match. Main answers it from its request index: the page asks only for the rows it shows.
   */
  'requests:list': invoke(listPageInputSchema, requestListPageSchema),
  /** The values each filter of the requests list offers. */
  'requests:filterOptions': invoke(noInput, listFilterOptionsSchema),
  /** R-ASK-7: the user's requests per service in each of the last six months, with the nudge. */
  'requests:volume': invoke(noInput, volumeByMonthSchema),
  /** The request with this reference (any case) that the user can read, or null. */
  'requests:findByReference': invoke(z.object({ reference: z.string().max(200) }), z.object({ id: z.string() }).nullable()),
  /** One request with its timeline, materials and how its due dates were worked out. */
  'requests:get': invoke(z.object({ id: z.string() }), requestDetailSchema),
  /** Send a new request: the main process re-checks every asking rule and fixes the due dates. */
  'requests:create': invoke(requestDraftSchema, requestDetailSchema),
  /** Record an acknowledgement, holding reply, answer, chase, escalation or Monitoring Officer decision. */
  'requests:logEvent': invoke(z.object({ id: z.string(), event: requestEventSchema }), requestDetailSchema),
  /** R-ASK-1: change what may change after sending (wording, purpose, meeting, people copied); each change is kept as old -> new on the timeline. */
  'requests:edit': invoke(
    z.object({
      id: z.string().max(100),
      changes: z.strictObject({
        subject: z.string().max(1000).optional(),
        informationSought: z.string().max(10_000).optional(),
        purpose: z.string().max(10_000).optional(),
        justification: z.string().max(10_000).optional(),
        capacityDetail: z.string().max(1000).optional(),
        ward: z.string().max(1000).optional(),
        meetingId: z.string().max(100).nullable().optional(),
        agendaItem: z.string().max(1000).nullable().optional(),
        mayBeRaisedAtMeeting: z.boolean().optional(),
        copies: z.array(z.string().max(320)).max(50).optional(),
      }),
      reason: z.string().max(2000).optional(),
    }),
    requestDetailSchema,
  ),
  /** R-DUE-4: withdraw a request, saying why; it leaves Today's counts and can be reopened. */
  'requests:withdraw': invoke(
    z.object({ id: z.string().max(100), on: z.string().max(20), reason: z.string().max(2000) }),
    requestDetailSchema,
  ),
  /** R-DUE-4: close a request as answered or no longer needed. */
  'requests:close': invoke(
    z.object({
      id: z.string().max(100),
      on: z.string().max(20),
      outcome: z.enum(CLOSE_OUTCOME_IDS),
      note: z.string().max(2000).optional(),
    }),
    requestDetailSchema,
  ),
  /** R-DUE-4: reopen a withdrawn or closed request, saying why. */
  'requests:reopen': invoke(
    z.object({ id: z.string().max(100), on: z.string().max(20), reason: z.string().max(2000) }),
    requestDetailSchema,
  ),
  /** R-DUE-5: correct a timeline entry; the original is kept and the correction recorded with its reason. */
  'requests:correctEvent': invoke(
    z.object({
      id: z.string().max(100),
      entryId: z.string().max(100),
      changes: z.strictObject({
        on: z.string().max(20).optional(),
        promisedBy: z.string().max(20).optional(),
        note: z.string().max(4000).optional(),
        to: z.string().max(200).optional(),
        decidedBy: z.string().max(200).optional(),
      }),
      reason: z.string().max(2000),
    }),
    requestDetailSchema,
  ),
  /** R-ASK-8: the chair / executive member notice was sent: to whom and when, shown on the timeline. */
  'requests:markChairNoticeSent': invoke(chairNoticeInputSchema, requestDetailSchema),
  /** What can follow now: the Monitoring Officer's decision and its next steps, who to escalate to, the chair notice. */
  'requests:followUp': invoke(z.object({ id: z.string().min(1).max(200) }), followUpViewSchema),
  /** R-ASK-4: the Monitoring Officer accepted or refused the need to know, by whom and when (not before the referral, not after today). */
  'requests:recordMoDecision': invoke(moDecisionInputSchema, followUpViewSchema),
  /** R-DUE-4: escalated one step up (or to the Monitoring Officer when information is withheld), naming the person. */
  'requests:escalate': invoke(escalateInputSchema, followUpViewSchema),

  /** Record material received, with its classification (R-CLS-1). */
  'materials:add': invoke(materialInputSchema, materialSchema),
  /** Open material; viewing protected material is audited (R-USE-3). */
  'materials:view': invoke(z.object({ id: z.string() }), materialSchema),
  /** Change a classification; a pink paper needs the committee's resolution (R-CLS-3); "unsure" needs the officer's confirmation (R-CLS-2). */
  'materials:reclassify': invoke(
    z.object({
      id: z.string(),
      classification: classificationSchema,
      resolution: z.object({ meeting: z.string(), date: z.string(), minuteReference: z.string() }).nullable(),
      confirmation: officerConfirmationSchema.nullable().optional(),
    }),
    materialSchema,
  ),

  /** Start the disclosure process for protected material. */
  /** Resumes the one already in progress for that material rather than starting a second (R-DIS-2). R-CLS-4: refused when the capacity differs from the one it was given for. */
  'disclosures:start': invoke(
    z.object({
      materialId: z.string(),
      capacity: capacitySchema.optional(),
      purpose: z.string().trim().max(1000, { error: 'The purpose can be at most 1,000 characters' }).optional(),
    }),
    disclosureViewSchema,
  ),
  /** All disclosures in progress or done. */
  'disclosures:list': invoke(noInput, z.array(disclosureViewSchema)),
  /** Take one step of the gate; an illegal step is refused with the reason (R-DIS-3). */
  'disclosures:advance': invoke(z.object({ id: z.string(), event: gateEventSchema }), disclosureViewSchema),
  /** The disclosure register (R-DIS-4). */
  'disclosures:register': invoke(noInput, z.array(registerEntrySchema)),
  /** The tamper-evident audit trail of one item (R-USE-3). */
  'audit:trail': invoke(z.object({ recordId: z.string() }), z.array(auditEventSchema)),

  /** Counts for the Today screen. */
  'dashboard:get': invoke(noInput, dashboardSchema),

  /** The council profile in force, nation and email domain, with the profiles to choose from. */
  'council:get': invoke(noInput, councilViewSchema),
  /** Change the council settings (the profile is recorded on each new request; existing due dates do not move). */
  'council:set': invoke(councilSettingsSchema, councilViewSchema),

  /** The holiday list's user edits (one-off holidays added, holidays not kept). */
  'holidays:get': invoke(noInput, holidayEditsSchema),
  /** R-DUE-3: which requests' due dates a new holiday list would move; nothing is changed. */
  'holidays:preview': invoke(holidayEditsSchema, z.array(affectedRequestSchema)),
  /** Read gov.uk's bank-holidays.json, picked in main's file dialog, for the council's nation; lists what changes and the affected requests. Nothing is saved. */
  'holidays:importGovUk': invoke(noInput, govUkImportPreviewSchema),
  /** Save the holiday edits; existing due dates move only for the requests listed in `recompute` (the user accepted). */
  'holidays:save': invoke(
    z.object({ edits: holidayEditsSchema, recompute: z.array(z.string()).max(100_000) }),
    z.object({ edits: holidayEditsSchema, recomputed: z.number() }),
  ),

  /**
   * R-USE-1: public-meeting mode, a private session for one meeting, or normal. The Member's action,
   * while unlocked; ending a private session returns to public-meeting mode; leaving public-meeting mode is audited.
   */
  'meetingMode:set': invoke(meetingModeSchema, meetingModeSchema),
  /** The current meeting mode. */
  'meetingMode:get': invoke(noInput, meetingModeSchema),
  /** Pushed when the meeting mode changes. */
  'meetingMode:changed': event(meetingModeSchema),

  // Attachments of material received. Main opens the file dialogs itself: the
  // page never sends a path or bytes, so a compromised page cannot make main read or write any file.
  /** Attach files the user picks in main's open-file dialog, sealed under the material's tier. Cancel changes nothing (`added` 0). */
  'attachments:add': invoke(
    z.object({ materialId: z.string().min(1).max(200) }),
    z.object({ material: materialSchema, added: z.number() }),
  ),
  /** Save a decrypted copy where the user picks; protected material only for an approved disclosure, audited (R-DIS-3, R-USE-3). `file` null = cancelled. */
  /** R-DIS-1: after an approval that left something out, the whole file is saved only with `confirmMatchesApproval`. */
  'attachments:export': invoke(
    z.object({
      materialId: z.string().min(1).max(200),
      attachmentId: z.string().min(1).max(200),
      confirmMatchesApproval: z.boolean().optional(),
    }),
    z.object({ file: z.string().nullable(), bytes: z.number() }),
  ),
  // Arrived for the Member: a PA records it sealed to the Member and cannot read it back.
  /** Record that something arrived for the Member on a request: title, summary and files are sealed to the Member (Member or PA). */
  'arrivals:record': invoke(recordArrivalInputSchema, arrivalSummarySchema),
  /** What arrived, on one request or all: when, how many files, whether classified; never what it says. */
  'arrivals:list': invoke(z.object({ requestId: z.string().min(1).max(200).optional() }), z.array(arrivalSummarySchema)),
  /** Member only: open what arrived (not in a meeting mode). */
  'arrivals:open': invoke(z.object({ id: z.string().min(1).max(200) }), openedArrivalSchema),
  /** Member only: classify what arrived into material; its files become the material's, sealed under its tier. */
  'arrivals:classify': invoke(
    materialInputSchema.omit({ requestId: true, receivedOn: true }).extend({ id: z.string().min(1).max(200) }),
    z.object({ material: materialSchema, arrival: arrivalSummarySchema }),
  ),
  // What happens to material after it arrives (records: consent, retention, erasure, destroy or return).
  /** R-ASK-11: record that the third party's consent was asked, given or refused. */
  'materials:recordConsent': invoke(consentInputSchema, materialSchema),
  /** R-CLS-5: record the requesting Member's permission to share a briefing (who gave it, when, with whom). Member only. */
  'materials:recordBriefingPermission': invoke(briefingPermissionInputSchema, materialSchema),
  /** R-CLS-6: personal data whose erase-by date has been reached. */
  'materials:retentionDue': invoke(noInput, z.array(materialListItemSchema)),
  /** R-CLS-6: erase the personal content now; a tombstone and an audit event remain. */
  'materials:erase': invoke(z.object({ id: z.string().min(1) }), materialSchema),
  /** R-CLS-6: keep personal data until a later date, with the reason. */
  'materials:keepUntil': invoke(keepUntilInputSchema, materialSchema),
  /** R-USE-4: record protected material destroyed or returned; its content is wiped. Member only. */
  'materials:recordDisposal': invoke(disposalInputSchema, materialSchema),
  /** R-USE-4: protected material still held, for working through at end of term. Member only. */
  'materials:protectedHeld': invoke(noInput, z.array(materialListItemSchema)),
  // Reports: made from the app's own pages; a report with protected content is gated like an export.
  /** Build a report for the screen; one with protected content is refused for a PA, in public-meeting mode and (except that meeting's pink papers) in a private session. */
  'reports:get': invoke(reportRequestSchema, reportSchema),
  /** Save the report as a PDF where the user picks (main prints its own copy of the report, never the page); a confidential one is audited. `file` null = cancelled. */
  'reports:savePdf': invoke(reportRequestSchema, z.object({ file: z.string().nullable(), bytes: z.number() })),
  // Settings: council protocol profiles (copy a built-in one, then edit the copy).
  /** Every profile that can be put in force, with all its values: the five built in (never changed) and the Member's copies. */
  'profiles:list': invoke(noInput, z.array(councilProfileSchema)),
  /** Member only: copy a profile under a new name; only copies can be edited. */
  'profiles:copy': invoke(z.object({ sourceId: z.string().min(1).max(200), name: councilProfileSchema.shape.name }), councilProfileSchema),
  /** Member only: save every value of a copy. Built-in profiles are refused; a bad value is refused with its reason and nothing is saved. */
  'profiles:save': invoke(councilProfileSchema, councilProfileSchema),

  // Officers' email. Out: drafts the Member sends from their own mailbox.
  /** Which drafts apply to this request now (the request, a chaser, an escalation, the chair notice, a Monitoring Officer referral, FOI), with why not. */
  'drafts:options': invoke(z.object({ requestId: z.string().min(1).max(200) }), z.array(draftOptionSchema)),
  /** The draft's From/To/Cc/subject/body; nothing is saved. A From outside the council domain or a blind copy is refused (R-ASK-9, R-ASK-10). */
  'drafts:preview': invoke(z.object({ requestId: z.string().min(1).max(200), kind: draftKindSchema }), draftPreviewSchema),
  /** Writes the draft as an unsent .eml in a private folder, opens it in the default mail program and records its Message-ID for matching replies. */
  'drafts:open': invoke(z.object({ requestId: z.string().min(1).max(200), kind: draftKindSchema }), draftPreviewSchema),
  /** Copies the draft to the clipboard. */
  'drafts:copy': invoke(z.object({ requestId: z.string().min(1).max(200), kind: draftKindSchema }), draftPreviewSchema),
  /** The Member says the draft was sent: recorded on the request's timeline. */
  'drafts:markSent': invoke(
    z.object({
      requestId: z.string().min(1).max(200),
      kind: draftKindSchema,
      on: isoDateInput,
      /** Who a chair notice went to: its draft has no address, so the Member says (R-ASK-8). */
      to: z.string().max(200).optional(),
    }),
    z.null(),
  ),
  // In: officers' replies, dropped or picked, matched to their request or left unfiled.
  /** Import dropped .eml/.msg files (their bytes; at most 50 MB each). Each bad file is refused with its reason and nothing of it is kept. */
  'correspondence:import': invoke(
    z.object({
      files: z
        .array(
          z.object({
            name: z.string().min(1).max(255),
            bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_MESSAGE_BYTES, { error: 'An email can be at most 50 MB.' }),
          }),
        )
        .min(1)
        .max(MAX_MESSAGES_PER_IMPORT),
    }),
    importResultSchema,
  ),
  /** Import .eml/.msg files picked in main's open-file dialog. Cancel imports nothing. */
  'correspondence:choose': invoke(noInput, importResultSchema),
  /** Emails waiting to be filed by hand (and how many Member-only ones a PA cannot see). */
  'correspondence:unfiled': invoke(noInput, z.object({ items: z.array(correspondenceItemSchema), memberOnlyCount: z.number() })),
  /** Emails filed against a request. */
  'correspondence:forRequest': invoke(z.object({ requestId: z.string().min(1).max(200) }), z.array(correspondenceItemSchema)),
  /** File an email to a request: its attachments become material "not yet known" (R-CLS-2); the event is logged with the email's own date. */
  'correspondence:file': invoke(
    z.object({
      id: z.string().min(1).max(200),
      requestId: z.string().min(1).max(200),
      kind: z.enum(FILING_KINDS),
      promisedBy: isoDateInput.nullable(),
    }),
    correspondenceItemSchema,
  ),
  /** Save the original email where the user picks, under the same gate as its attachments' material (R-DIS-3). */
  'correspondence:exportOriginal': invoke(
    z.object({ id: z.string().min(1).max(200) }),
    z.object({ file: z.string().nullable(), bytes: z.number() }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InvokeChannel = { [K in Channel]: Contract[K] extends { kind: 'invoke' } ? K : never }[Channel];
export type EventChannel = { [K in Channel]: Contract[K] extends { kind: 'event' } ? K : never }[Channel];

export type InputOf<C extends InvokeChannel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends InvokeChannel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends InvokeChannel> = z.output<Contract[C]['output']>;
export type PayloadOf<C extends EventChannel> = z.output<Contract[C]['payload']>;

export const invokeChannels = (Object.keys(contract) as Channel[]).filter((c): c is InvokeChannel => contract[c].kind === 'invoke');
export const eventChannels = (Object.keys(contract) as Channel[]).filter((c): c is EventChannel => contract[c].kind === 'event');

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
