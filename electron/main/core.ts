import { ukDateOf } from '../../shared/domain/dates';
import { createDispatcher, type Dispatch, type Handlers, type Logger } from './ipc/router';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { EventHub } from './services/events';
import { SettingsService } from './services/settings-service';
import { StatusService, type AppIdentity } from './services/status-service';
import { SessionService, type Timers } from './services/session-service';
import { BackupService, type FileDialogs } from './services/backup-service';
import { FileVaultGateway, type OpenVault } from './services/vault-gateway';
import { sessionHandlers } from './ipc/handlers/session';
import { caseworkHandlers } from './ipc/handlers/casework';
import { CaseworkService } from './services/casework-service';
import { CouncilSettingsService } from './services/council-settings-service';
import { CouncilProfileService } from './services/council-profile-service';
import { profileHandlers } from './ipc/handlers/profiles';
import { DisclosureService } from './services/disclosure-service';
import { MeetingModeService } from './services/meeting-mode-service';
import { AttachmentService, type AttachmentDialogs } from './services/attachment-service';
import { attachmentHandlers } from './ipc/handlers/attachments';
import { MaterialLifecycleService } from './services/material-lifecycle-service';
import { materialLifecycleHandlers } from './ipc/handlers/materials';
import type { SettingsStore } from './settings/settings-store';
import type { SafeStorageLike } from './vault/quick-unlock';
import type { KdfCost } from './vault/vault';

export interface CoreDeps {
  identity: AppIdentity;
  settingsStore: SettingsStore;
  dialogs: FileDialogs;
  /** Open/save dialogs for attachments; without them attaching and saving copies say they are unavailable. */
  attachmentDialogs?: AttachmentDialogs;
  safeStorage?: SafeStorageLike;
  /** Argon2id cost for new passphrases; DESIGN §3 defaults unless a dev tool lowers it. */
  kdf?: KdfCost;
  timers?: Timers;
  /** The clock; "today" is read from it on the UK calendar (Europe/London). Tests pin it. */
  now?: () => Date;
  /** R-USE-1: blocks screen capture of every window while a meeting mode is on. */
  setContentProtection?: (on: boolean) => void;
  logger?: Logger;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventHub;
  session: SessionService<OpenVault>;
  meetingMode: MeetingModeService;
  dispose(): void;
}

/**
 * The main process without Electron: services wired to their handlers. Electron's index.ts and the
 * dev-only browser harness both run exactly this, so the harness exercises the real services.
 */
export function createCore(deps: CoreDeps): Core {
  const now = deps.now ?? (() => new Date());
  // The one place "today" is worked out in main: the UK date of the injected clock.
  const today = () => ukDateOf(now());
  const events = new EventHub();
  const settings = new SettingsService(deps.settingsStore, events);
  const status = new StatusService(deps.identity, settings);
  const gateway = new FileVaultGateway({ dataFolder: deps.identity.dataFolder, kdf: deps.kdf, safeStorage: deps.safeStorage });
  const session = new SessionService(gateway, events, () => settings.get().autoLockMinutes, deps.timers);
  const backups = new BackupService(gateway, session, deps.dialogs, now);
  const council = new CouncilSettingsService(deps.settingsStore);
  const casework = new CaseworkService(session, council, events, today);
  const disclosures = new DisclosureService(session, casework, council, events, now);
  const meetingMode = new MeetingModeService(events, deps.setContentProtection);
  const attachments = new AttachmentService(session, casework, disclosures, meetingMode, events, deps.attachmentDialogs, today);
  const lifecycle = new MaterialLifecycleService(session, casework, events, today);
  // A new auto-lock value applies to the countdown at once.
  const unsubscribe = events.subscribe((channel) => {
    if (channel === 'settings:changed') session.autoLockMinutesChanged();
  });
  const handlers: Handlers = {
    ...appHandlers(status),
    ...settingsHandlers(settings),
    ...sessionHandlers(session, gateway, backups),
    ...caseworkHandlers(session, casework, disclosures, council, meetingMode),
    ...attachmentHandlers(attachments),
    ...materialLifecycleHandlers(lifecycle),
    ...profileHandlers(new CouncilProfileService(session, council)),
  };
  return {
    handlers,
    dispatch: createDispatcher(handlers, deps.logger),
    events,
    session,
    meetingMode,
    dispose: () => {
      unsubscribe();
      void session.lock('manual');
    },
  };
}
