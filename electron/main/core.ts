import { createDispatcher, type Dispatch, type Handlers, type Logger } from './ipc/router';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { sessionHandlers } from './ipc/handlers/session';
import { userHandlers } from './ipc/handlers/users';
import { vaultHandlers } from './ipc/handlers/vault';
import { officerHandlers } from './ipc/handlers/officers';
import { meetingHandlers } from './ipc/handlers/meetings';
import { closedInMeetingModes, meetingModeHandlers } from './ipc/handlers/meeting-mode';
import { requestHandlers } from './ipc/handlers/requests';
import { materialHandlers } from './ipc/handlers/materials';
import { disclosureHandlers } from './ipc/handlers/disclosures';
import { auditHandlers } from './ipc/handlers/audit';
import { dashboardHandlers } from './ipc/handlers/dashboard';
import { councilHandlers } from './ipc/handlers/council';
import { holidayHandlers } from './ipc/handlers/holidays';
import { attachmentHandlers } from './ipc/handlers/attachments';
import { profileHandlers } from './ipc/handlers/profiles';
import { arrivalHandlers } from './ipc/handlers/arrivals';
import { EventHub } from './services/events';
import { SettingsService } from './services/settings-service';
import { StatusService, type AppIdentity } from './services/status-service';
import { SessionService, type Timers } from './services/session-service';
import { BackupService, type FileDialogs } from './services/backup-service';
import { FileVaultGateway, settingsCheckpointStore, type OpenVault } from './services/vault-gateway';
import { UserService } from './services/user-service';
import { RecordsRepository } from './services/records-repository';
import { CouncilSettingsService } from './services/council-settings-service';
import { CouncilProfileService } from './services/council-profile-service';
import { DirectoryService } from './services/directory-service';
import { MaterialStore } from './services/material-store';
import { RequestCommands } from './services/request-commands';
import { RequestQueries } from './services/request-queries';
import { DisclosureService } from './services/disclosure-service';
import { EmailsInMode, MeetingModeService } from './services/meeting-mode-service';
import { AttachmentService, noAttachmentDialogs, type AttachmentDialogs } from './services/attachment-service';
import { ArrivalService } from './services/arrival-service';
import { MaterialLifecycleService } from './services/material-lifecycle-service';
import { adoptOwnerlessFiles } from './services/record-files';
import { MeetingImportService, type MeetingImportSources } from './calendar/meeting-import-service';
import { ReportService, type ReportPrinter, type ReportSources } from './reports/report-service';
import { reportHandlers } from './ipc/handlers/reports';
import { correspondenceServices } from './services/correspondence-service';
import type { MailDesk } from './services/correspondence-ports';
import { caseworkRequestLookup } from './services/correspondence-requests';
import { draftHandlers } from './ipc/handlers/drafts';
import { correspondenceHandlers } from './ipc/handlers/correspondence';
import { RequestFollowUp } from './services/request-follow-up';
import { ReminderService, type Notify } from './services/reminder-service';
import { BankHolidaysImport, type ChooseBankHolidaysFile } from './services/bank-holidays-import';
import type { SettingsStore } from './settings/settings-store';
import type { KdfCost, SafeStorageLike, VaultFs } from './vault';
import { ukDateOf } from '../../shared/domain/dates';

export interface CoreDeps {
  identity: AppIdentity;
  settingsStore: SettingsStore;
  /** Where the Member's rollback checkpoint is kept, outside the data folder (settings/checkpoint-file.ts); the settings store when absent (tests, the harness). */
  checkpointFile?: Pick<SettingsStore, 'get' | 'set'>;
  dialogs: FileDialogs;
  /** Open/save dialogs for attachments; without them attaching and saving copies say they are unavailable. */
  attachmentDialogs?: AttachmentDialogs;
  /** The meetings import's file dialog and the one network fetch (the democracy site); without them those say they are unavailable. */
  meetingImport?: MeetingImportSources;
  /** Prints the window showing a report to PDF and asks where to save it; without it "Save as PDF" says it is unavailable. */
  reportPrinter?: ReportPrinter;
  /** Opening drafts in the mail program, the clipboard and the email file dialogs; without it those say they are unavailable. */
  mailDesk?: MailDesk;
  /** Picks gov.uk's bank-holidays.json; without it the import says it is unavailable. */
  chooseBankHolidaysFile?: ChooseBankHolidaysFile;
  /** Code for the email parse worker instead of the built one: tests inject a slow worker. */
  parseWorkerSource?: string;
  /** A desktop notification (Electron's Notification); without it no reminders are shown. */
  notify?: Notify;
  safeStorage?: SafeStorageLike;
  /** Argon2id cost for new passphrases; 64 MiB and 3 passes unless a dev tool lowers it. */
  kdf?: KdfCost;
  /** The vault's file layer: node:fs unless a test injects an in-memory one. */
  files?: VaultFs;
  timers?: Timers;
  /** The clock; "today" is read from it on the UK calendar (Europe/London). Tests pin it. */
  now?: () => Date;
  /** R-USE-1: blocks screen capture of every window while a meeting mode is on. */
  setContentProtection?: (on: boolean) => void;
  logger?: Logger & { warn?(message: string): void };
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventHub;
  session: SessionService<OpenVault>;
  meetingMode: MeetingModeService;
  /** The council's email domain in force (from the vault when unlocked), for the link allow-list. */
  councilDomain(): string;
  dispose(): void;
}

/**
 * The main process without Electron: services wired to their handlers. Electron's index.ts and the
 * dev-only browser harness both run exactly this, so the harness exercises the real services.
 * Every service that touches records goes through the one RecordsRepository.
 */
export function createCore(deps: CoreDeps): Core {
  const services = createServices(deps);
  const { events, session, meetingMode, council, reminders, correspondence } = services;
  const unsubscribe = followEvents(services);
  const handlers = handlersFor(services);
  return {
    handlers,
    dispatch: createDispatcher(handlers, deps.logger),
    events,
    session,
    meetingMode,
    councilDomain: () => {
      try {
        return council.get().emailDomain;
      } catch {
        return ''; // locked: only gov.uk opens without asking
      }
    },
    dispose: () => {
      unsubscribe();
      reminders.dispose();
      correspondence.drafts.removeDraftFiles();
      void session.lock('manual');
    },
  };
}

type Services = ReturnType<typeof createServices>;

/** The clock, the events, the settings and the vault session: what every other service stands on. */
function createFoundations(deps: CoreDeps) {
  const now = deps.now ?? (() => new Date());
  // The one place "today" is worked out in main: the UK date of the injected clock.
  const today = () => ukDateOf(now());
  const warn = { warn: (message: string) => (deps.logger?.warn ? deps.logger.warn(message) : console.warn(message)) };
  const events = new EventHub();
  const settings = new SettingsService(deps.settingsStore, events, warn);
  const status = new StatusService(deps.identity, settings);
  const gateway = new FileVaultGateway({
    dataFolder: deps.identity.dataFolder,
    kdf: deps.kdf,
    safeStorage: deps.safeStorage,
    // The checkpoint lives outside the data folder where the app gives a place for it (electron/main/index.ts).
    checkpoints: deps.checkpointFile
      ? settingsCheckpointStore(deps.checkpointFile, deps.safeStorage, deps.settingsStore)
      : settingsCheckpointStore(deps.settingsStore, deps.safeStorage),
    fs: deps.files,
  });
  const session = new SessionService(gateway, events, () => settings.get().autoLockMinutes, deps.timers);
  const users = new UserService(session, gateway);
  const records = new RecordsRepository(session, events, now, warn);
  const backups = new BackupService(gateway, session, records, deps.dialogs, now);
  return { now, today, warn, events, settings, status, session, backups, users, records };
}

/** Every service, each given only what it uses. */
function createServices(deps: CoreDeps) {
  const { now, today, warn, events, settings, status, session, backups, users, records } = createFoundations(deps);
  const council = new CouncilSettingsService(records, deps.settingsStore, events, warn);
  const directory = new DirectoryService(records, council, today);
  const meetingMode = new MeetingModeService(records, events, deps.setContentProtection);
  const memberName = () =>
    session
      .requireVault()
      .users()
      .find((u) => u.role === 'member')?.name ?? '';
  const materials = new MaterialStore(records, () => meetingMode.get(), memberName);
  const commands = new RequestCommands(records, council, today, now);
  const queries = new RequestQueries(records, council, materials, events, today, deps.timers ?? unrefTimers, meetingMode);
  const emailsInMode = new EmailsInMode(records, meetingMode, queries);
  const disclosures = new DisclosureService(records, materials, council, now, memberName);
  const attachments = new AttachmentService(records, materials, () => meetingMode.get(), deps.attachmentDialogs, today);
  const arrivals = new ArrivalService(records, materials, () => meetingMode.get(), deps.attachmentDialogs ?? noAttachmentDialogs, today);
  const lifecycle = new MaterialLifecycleService(records, materials, today);
  // At the Member's unlock, in turn: old-format files get their owner (record-files.ts); material, emails and drafts of a
  // Member-only request still under the shared key move under the Member key (R-USE-2); erased material leaves its email (R-CLS-6).
  events.subscribe((channel, payload) => {
    if (channel === 'session:changed' && payload.state === 'unlocked' && payload.user.role === 'member')
      void adoptOwnerlessFiles(records)
        .then(() => lifecycle.moveMaterialOfMemberOnlyRequests())
        .then(() => correspondence.filing.moveOfMemberOnlyRequests())
        .then(() => lifecycle.redactGoneMaterialFromEmails())
        .catch(() => undefined);
  });
  const meetingImport = new MeetingImportService(
    // An import sets each meeting's source; the page's save never can (DirectoryService.saveMeeting).
    { meetings: () => directory.meetings(), saveMeeting: (record) => directory.saveImportedMeeting(record) },
    (interrupted) => session.begin(interrupted),
    deps.meetingImport,
    today,
  );
  const reports = new ReportService(reportSources(session, records, queries, disclosures, meetingMode), deps.reportPrinter, today);
  const followUp = new RequestFollowUp(records, commands, queries, today, meetingMode);
  const reminders = new ReminderService(
    // From the index's states: the check at unlock decrypts nothing and builds no rows.
    { rows: () => queries.dueStates() },
    deps.settingsStore,
    events,
    deps.notify,
    deps.timers ?? unrefTimers,
    today,
  );
  const correspondence = correspondenceServices({
    records,
    requests: caseworkRequestLookup({ session, records, directory, followUp, queries, materials, disclosures, meetingMode }),
    councilDomain: () => council.get().emailDomain,
    events,
    // R-USE-1: an email's save dialog is followed by the meeting mode's check (the mode may change while it is open).
    desk: deps.mailDesk && emailsInMode.guardDesk(deps.mailDesk),
    now,
    today,
    parseWorkerSource: deps.parseWorkerSource,
  });
  const bankHolidays = new BankHolidaysImport(council, queries, deps.chooseBankHolidaysFile);
  const profiles = new CouncilProfileService(session, council);
  return {
    events,
    settings,
    status,
    session,
    backups,
    users,
    records,
    council,
    directory,
    meetingMode,
    emailsInMode,
    materials,
    commands,
    queries,
    disclosures,
    attachments,
    arrivals,
    lifecycle,
    meetingImport,
    reports,
    followUp,
    reminders,
    correspondence,
    bankHolidays,
    profiles,
  };
}

/** What the services do on each other's events; returns the unsubscribe for dispose(). */
function followEvents({ events, session, meetingImport }: Services): () => void {
  // A new auto-lock value applies to the countdown at once; locking forgets an import not yet applied.
  const unsubscribe = events.subscribe((channel, payload) => {
    if (channel === 'settings:changed') session.autoLockMinutesChanged();
    if (channel === 'session:changed' && payload.state !== 'unlocked') meetingImport.forget();
  });
  return unsubscribe;
}

/** Every IPC channel's handler, each adapting its input and delegating to a service. */
function handlersFor(s: Services): Handlers {
  // R-USE-1: screens that list protected things are closed in a meeting mode (shared/ipc/mode-decisions.ts).
  return closedInMeetingModes(everyHandler(s), s.meetingMode);
}

function everyHandler(s: Services): Handlers {
  return {
    ...appHandlers(s.status),
    ...settingsHandlers(s.settings),
    ...sessionHandlers(s.session),
    ...userHandlers(s.users),
    ...vaultHandlers(s.backups),
    ...officerHandlers(s.directory),
    ...meetingHandlers(s.directory, s.meetingImport),
    ...meetingModeHandlers(s.meetingMode),
    ...requestHandlers(s.commands, s.queries, s.followUp),
    ...materialHandlers(s.materials, s.lifecycle, s.meetingMode),
    ...disclosureHandlers(s.disclosures),
    ...auditHandlers(s.disclosures),
    ...dashboardHandlers(s.queries),
    ...councilHandlers(s.council),
    ...holidayHandlers(s.council, s.commands, s.queries, s.bankHolidays),
    ...attachmentHandlers(s.attachments),
    ...arrivalHandlers(s.arrivals, s.meetingMode),
    ...draftHandlers(s.correspondence.drafts, s.queries, s.meetingMode),
    ...correspondenceHandlers(s.correspondence.imports, s.correspondence.filing, s.emailsInMode),
    ...profileHandlers(s.profiles),
    ...reportHandlers(s.reports),
  };
}

/** Real timers that never keep the process alive on their own (the hourly reminder check). */
const unrefTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What reports read, adapted from the services (ReportService depends only on this). */
function reportSources(
  session: SessionService<OpenVault>,
  records: RecordsRepository,
  queries: RequestQueries,
  disclosures: DisclosureService,
  meetingMode: MeetingModeService,
): ReportSources {
  return {
    user: () => {
      const vault = session.requireVault();
      const member = vault.users().find((u) => u.role === 'member');
      return { name: vault.user.name, role: vault.user.role, memberName: member?.name ?? vault.user.name };
    },
    mode: () => meetingMode.get(),
    requestRows: () => queries.page(0, Number.MAX_SAFE_INTEGER).rows.filter((r) => !r.locked),
    memberOnlyRequestIds: () => records.memberTierIds('request'),
    hiddenInPublicMeeting: () => queries.hiddenInPublicMeeting(),
    request: (id) => {
      const detail = queries.detail(id);
      return { ...detail, memberOnly: detail.draft?.memberOnly ?? false };
    },
    register: () => disclosures.register(),
    auditTrail: (id) => disclosures.auditTrail(id),
    audit: (recordId, action, detail) => records.audit(recordId, action, 'member', detail),
    begin: (interrupted) => session.begin(interrupted),
  };
}
