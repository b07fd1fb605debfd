import type { BrowserWindow } from 'electron'
import type { KioskShell, ShellStatus } from '../shell/shell.js'
import type { Logger } from '../util/logger.js'
import { createKioskWindow } from './kiosk-window.js'
import { type RecoveryOptions, RendererRecovery } from './recovery.js'

export interface ElectronShellOptions {
  log: Logger
  dev: boolean
  safeSlidePath: string
  recovery?: Omit<RecoveryOptions, 'log' | 'pageUrl' | 'safeSlidePath'>
}

/**
 * The Electron shell: one hardened full-screen window on the player URL with renderer recovery.
 * The lockdown (navigation, permissions, shortcuts) is app-wide, see lockdown.ts.
 */
export class ElectronShell implements KioskShell {
  private window: BrowserWindow | undefined
  private recovery: RendererRecovery | undefined
  private url: string | undefined

  constructor(private readonly options: ElectronShellOptions) {}

  /** The origin the window may show; undefined until the core is up. */
  get origin(): string | undefined {
    return this.url ? new URL(this.url).origin : undefined
  }

  /** Shows the player at `url`; called again when a restarted core has a new URL. */
  async start(url: string): Promise<void> {
    const changed = url !== this.url
    this.url = url
    if (!this.window || this.window.isDestroyed()) {
      this.ensureWindow()
      return
    }
    if (changed || !this.isShowingPage()) this.recovery?.showPage()
  }

  /** The safe slide, e.g. while the core is starting. */
  showSafeSlide(): void {
    this.ensureWindow().showSafeSlide()
  }

  /** Opens the window again should it ever be closed (the kiosk has nothing else to show). */
  ensureWindow(): RendererRecovery {
    if (this.window && !this.window.isDestroyed() && this.recovery) return this.recovery
    const window = createKioskWindow(this.options.dev)
    const recovery = new RendererRecovery(window.webContents, {
      ...this.options.recovery,
      log: this.options.log,
      pageUrl: () => this.url,
      safeSlidePath: this.options.safeSlidePath,
    })
    recovery.start()
    window.on('closed', () => {
      recovery.stop()
      if (this.window === window) {
        this.window = undefined
        this.recovery = undefined
      }
    })
    this.window = window
    this.recovery = recovery
    if (this.url) recovery.showPage()
    else recovery.showSafeSlide()
    return recovery
  }

  async stop(): Promise<void> {
    const window = this.window
    this.recovery?.stop()
    this.window = undefined
    this.recovery = undefined
    if (window && !window.isDestroyed()) window.destroy()
  }

  async screenshot(): Promise<Buffer> {
    const window = this.window
    if (!window || window.isDestroyed()) throw new Error('no window to capture')
    const image = await window.webContents.capturePage()
    return image.toPNG()
  }

  status(): ShellStatus {
    const recovery = this.recovery?.status()
    return {
      shell: 'electron',
      running: this.window !== undefined && !this.window.isDestroyed(),
      restarts: recovery?.crashes ?? 0,
      recoveries: recovery?.reloads ?? 0,
      ...(recovery?.lastRecoveryAt ? { lastRestartAt: recovery.lastRecoveryAt } : {}),
      ...(recovery?.lastReason ? { lastReason: recovery.lastReason } : {}),
      ...(this.url ? { url: this.url } : {}),
      pid: process.pid,
    }
  }

  private isShowingPage(): boolean {
    const current = this.window?.webContents.getURL()
    if (!current || !this.url) return false
    try {
      return new URL(current).origin === new URL(this.url).origin
    } catch {
      return false
    }
  }
}
