// The one mock of `electron` (aliased in vitest.config.ts for the Node project). It records what
// main-process code asks of Electron so tests can assert on it, and lets tests play the renderer.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<{ channel: string; payload: unknown }> = [];
  loadedURL: string | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  /** Emits an Electron-style event and reports whether a listener called preventDefault(). */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.instances;
  readonly webContents = new FakeWebContents();
  contentProtection = false;
  constructor(readonly options: Record<string, any>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.webContents.loadedURL = url;
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  setContentProtection(on: boolean) {
    this.contentProtection = on;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  readonly protocolHandlers = new Map<string, Listener>();
  readonly protocol = {
    handle: (scheme: string, handler: Listener) => this.protocolHandlers.set(scheme, handler),
  };
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener) {
    this.devicePermissionHandler = handler;
  }
}

const sessions = new Map<string, FakeSession>();
export const session = {
  fromPartition: (partition: string) => {
    if (!sessions.has(partition)) sessions.set(partition, new FakeSession(partition));
    return sessions.get(partition)!;
  },
};

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Plays a renderer calling ipcRenderer.invoke from the given frame. */
  async invokeFrom(frame: { url: string; parent: unknown } | null, channel: string, input?: unknown) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, sender: {} }, input);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _input?: unknown): Promise<unknown> => undefined);
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed[key] = value;
  },
};

export const protocol = {
  privilegedSchemes: [] as unknown[],
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privilegedSchemes.push(...schemes);
  },
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_file: string) => '') };
export const clipboard = { writeText: vi.fn((_text: string) => undefined) };

export const safeStorage = {
  backend: 'gnome_libsecret',
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((text: string) => Buffer.from(`enc:${text}`)),
  decryptString: vi.fn((blob: Buffer) => blob.toString().replace(/^enc:/, '')),
};

export const powerMonitor = new EventEmitter();

const userData = path.join(os.tmpdir(), 'ntk-electron-mock-userData');
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getPath: vi.fn((_name: string) => userData),
  getName: () => 'Need to Know',
  getVersion: () => '0.0.0-test',
  whenReady: () => Promise.resolve(),
  enableSandbox: vi.fn(),
  commandLine: { appendSwitch: vi.fn((_name: string, _value?: string) => undefined) },
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
});

export const dialog = {
  showSaveDialog: vi.fn(async (_options: unknown) => ({ canceled: true, filePath: undefined as string | undefined })),
  showOpenDialog: vi.fn(async (_options: unknown) => ({ canceled: true, filePaths: [] as string[] })),
};

/** Desktop notifications shown, in order (the reminder digest). */
export class Notification {
  static shown: Array<{ title: string; body: string }> = [];
  static isSupported = vi.fn(() => true);
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    Notification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

export const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) };

/** Clears what tests recorded, between tests. */
export function resetElectronMock(): void {
  BrowserWindow.instances = [];
  sessions.clear();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockReset();
  contextBridge.exposed = {};
  protocol.privilegedSchemes = [];
  shell.openExternal.mockClear();
  powerMonitor.removeAllListeners();
  Notification.shown = [];
}

const electron = {
  app,
  BrowserWindow,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  shell,
  clipboard,
  safeStorage,
  powerMonitor,
  Menu,
  dialog,
  Notification,
};
export default electron;
