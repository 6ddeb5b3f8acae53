import type { AppStatus } from '../../../shared/ipc/contract';
import type { SettingsService } from './settings-service';

export interface AppIdentity {
  appName: string;
  appVersion: string;
  dataFolder: string;
  platform: string;
  runtime: string;
}

export class StatusService {
  constructor(
    private readonly identity: AppIdentity,
    private readonly settings: SettingsService,
  ) {}

  status(): AppStatus {
    return { ...this.identity, settingsFile: this.settings.file, settings: this.settings.get() };
  }
}
