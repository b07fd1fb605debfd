// A hand-written stand-in for the 'electron' module (the binary is not installed here, and
// tests never load the real one), in the manner of Electron Fiddle's mocks: EventEmitters with
// the few methods our code calls, each a vi.fn() to assert on. Tests do
//   vi.mock('electron', () => import('./fake-electron.js'))
// and call resetFakeElectron() before each test.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

export class FakeEvent {
  /** Navigation events carry the target URL and frame on the event itself. */
  url = ''
  isMainFrame = true
  defaultPrevented = false
  readonly preventDefault = vi.fn(() => {
    this.defaultPrevented = true
  })
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields)
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | undefined
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined
  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler) => {
    this.permissionRequestHandler = handler
  })
  readonly setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheckHandler = handler
  })
  readonly setDevicePermissionHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.devicePermissionHandler = handler
  })
}

export class FakeDownloadItem {
  readonly cancel = vi.fn()
  constructor(private readonly url: string) {}
  getURL(): string {
    return this.url
  }
}

export class FakeWebContents extends EventEmitter {
  url = ''
  crashed = false
  loading = false
  destroyed = false
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  readonly session = fake.session.defaultSession
  readonly loadURL = vi.fn(async (url: string) => {
    this.url = url
  })
  readonly loadFile = vi.fn(async (path: string) => {
    this.url = `file://${path}`
  })
  readonly reload = vi.fn()
  readonly insertCSS = vi.fn(async (_css: string) => 'css-key')
  readonly executeJavaScript = vi.fn(async (_code: string): Promise<unknown> => 1)
  readonly forcefullyCrashRenderer = vi.fn()
  readonly capturePage = vi.fn(async () => ({ toPNG: () => Buffer.from(PNG_BYTES) }))
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler
  })
  getURL(): string {
    return this.url
  }
  isCrashed(): boolean {
    return this.crashed
  }
  isLoading(): boolean {
    return this.loading
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  visible = false
  destroyed = false
  readonly show = vi.fn(() => {
    this.visible = true
  })
  readonly destroy = vi.fn(() => {
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  })
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
    app.emit('web-contents-created', new FakeEvent(), this.webContents)
  }
  isVisible(): boolean {
    return this.visible
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class FakeUtilityProcess extends EventEmitter {
  static nextPid = 5000
  readonly pid = FakeUtilityProcess.nextPid++
  readonly postMessage = vi.fn()
  readonly kill = vi.fn(() => {
    queueMicrotask(() => this.emit('exit', 143))
    return true
  })
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: { env?: Record<string, string>; serviceName?: string },
  ) {
    super()
  }
}

const fake = {
  session: { defaultSession: new FakeSession() },
}

export const session = fake.session

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  userData: '/tmp/infomonitor-fake-user-data',
  whenReady: vi.fn(async () => {}),
  getPath: vi.fn((_name: string) => app.userData),
  getVersion: vi.fn(() => '0.1.0'),
  relaunch: vi.fn(),
  exit: vi.fn(),
  quit: vi.fn(),
  disableHardwareAcceleration: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
})

export const Menu = { setApplicationMenu: vi.fn() }

export const powerSaveBlocker = {
  start: vi.fn((_type: string) => 7),
  stop: vi.fn(),
  isStarted: vi.fn(() => true),
}

export const forked: FakeUtilityProcess[] = []

export const utilityProcess = {
  fork: vi.fn((modulePath: string, args: string[] = [], options: { env?: Record<string, string> } = {}) => {
    const child = new FakeUtilityProcess(modulePath, args, options)
    forked.push(child)
    return child
  }),
}

/** Fresh state for the next test: listeners, windows, forks and call records gone. */
export function resetFakeElectron(): void {
  app.removeAllListeners()
  app.isPackaged = false
  fake.session.defaultSession.removeAllListeners()
  fake.session.defaultSession = new FakeSession()
  BrowserWindow.instances.length = 0
  forked.length = 0
  vi.clearAllMocks()
  app.requestSingleInstanceLock.mockImplementation(() => true)
  powerSaveBlocker.start.mockImplementation(() => 7)
}
