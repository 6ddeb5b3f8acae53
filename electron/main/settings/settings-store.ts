/** The part of electron-store (or its base, conf) that the settings service uses. */
export interface SettingsStore {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Removes a key (used once values have moved into the vault). */
  delete(key: string): void;
}
