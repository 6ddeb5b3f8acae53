import { createDispatcher, type Dispatch, type Handlers, type Logger } from './ipc/router';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { EventHub } from './services/events';
import { SettingsService } from './services/settings-service';
import { StatusService, type AppIdentity } from './services/status-service';
import type { SettingsStore } from './settings/settings-store';

export interface CoreDeps {
  identity: AppIdentity;
  settingsStore: SettingsStore;
  logger?: Logger;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventHub;
  dispose(): void;
}

/**
 * The main process without Electron: services wired to their handlers. Electron's index.ts and the
 * dev-only browser harness both run exactly this, so the harness exercises the real services.
 */
export function createCore(deps: CoreDeps): Core {
  const events = new EventHub();
  const settings = new SettingsService(deps.settingsStore, events);
  const status = new StatusService(deps.identity, settings);
  const handlers: Handlers = {
    ...appHandlers(status),
    ...settingsHandlers(settings),
  };
  return {
    handlers,
    dispatch: createDispatcher(handlers, deps.logger),
    events,
    dispose: () => {},
  };
}
