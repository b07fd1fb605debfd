import type { Browser, Page } from 'playwright-core'
import type { Logger } from '../util/logger.js'
import { delay, TimeoutError, withTimeout } from './timeouts.js'

export type PageFault = 'crashed' | 'unresponsive' | 'wrong-page'

export interface CdpWatchdogOptions {
  /** The browser's DevTools endpoint (ws://127.0.0.1:<port>/devtools/browser/<id>). */
  endpoint: string
  /** The player URL the page must show. */
  url: string
  log: Logger
  /** Time between liveness probes. */
  intervalMs?: number
  /** A probe not answered within this is a hung renderer. */
  probeTimeoutMs?: number
  /** A recovery that has not brought the page back within this has failed. */
  recoverTimeoutMs?: number
  /** First connection to a freshly started browser, whose page may still be loading on a busy box. */
  connectTimeoutMs?: number
  /** A page that needed this many recoveries within this time gets the browser restarted instead. */
  giveUpAfter?: { recoveries: number; withinMs: number }
  /** Reloading did not help: the shell should kill and restart the browser. */
  onGiveUp(reason: string): void
  onRecovered?(fault: PageFault, ms: number): void
  /** Ends a renderer process; SIGKILL by default. */
  killProcess?(pid: number): void
}

/**
 * Keeps the kiosk page alive over the DevTools protocol. Every few seconds it evaluates a
 * trivial expression in the page. A crashed page is navigated back to the player URL; a hung
 * one (a renderer spinning in a loop cannot reload itself) has its renderer killed first; a
 * page that wandered off (an error page while the core was down) is sent back. When that does
 * not bring the page back in time, it gives up and the shell restarts the browser.
 */
export class CdpWatchdog {
  private browser: Browser | undefined
  private page: Page | undefined
  private timer: NodeJS.Timeout | undefined
  private busy = false
  private crashed = false
  private stopped = false
  private connection = 0
  private readonly origin: string
  private readonly intervalMs: number
  private readonly probeTimeoutMs: number
  private readonly recoverTimeoutMs: number
  private readonly connectTimeoutMs: number
  private readonly maxRepeats: number
  private readonly repeatWindowMs: number
  private recentRecoveries: number[] = []

  constructor(private readonly options: CdpWatchdogOptions) {
    this.origin = new URL(options.url).origin
    this.intervalMs = options.intervalMs ?? 2000
    this.probeTimeoutMs = options.probeTimeoutMs ?? 2500
    this.recoverTimeoutMs = options.recoverTimeoutMs ?? 4000
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000
    this.maxRepeats = options.giveUpAfter?.recoveries ?? 3
    this.repeatWindowMs = options.giveUpAfter?.withinMs ?? 60_000
  }

  /** Connects to the browser and starts probing. Rejects when the browser cannot be reached. */
  async start(): Promise<void> {
    await this.connect()
    this.schedule(this.intervalMs)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.disconnect()
  }

  /** PNG of the page as it is on screen, through the DevTools protocol. */
  async screenshot(): Promise<Buffer> {
    const page = this.page
    if (!page || this.crashed) throw new Error('no page to capture: the browser is being recovered')
    const session = await withTimeout(
      page.context().newCDPSession(page),
      this.probeTimeoutMs,
      'DevTools session',
    )
    try {
      const { data } = await withTimeout(
        session.send('Page.captureScreenshot', { format: 'png' }),
        Math.max(this.probeTimeoutMs, 5000),
        'screenshot',
      )
      return Buffer.from(data, 'base64')
    } finally {
      void session.detach().catch(() => {})
    }
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    if (this.stopped) return
    this.timer = setTimeout(() => void this.tick(), ms)
  }

  private async tick(): Promise<void> {
    if (this.busy || this.stopped) return
    this.busy = true
    try {
      const fault = await this.probe()
      if (fault) await this.recover(fault.fault, fault.detail)
    } finally {
      this.busy = false
      this.schedule(this.intervalMs)
    }
  }

  private async probe(): Promise<{ fault: PageFault; detail?: string } | undefined> {
    if (this.crashed || !this.page) return { fault: 'crashed' }
    try {
      const href = String(await withTimeout(this.page.evaluate('location.href'), this.probeTimeoutMs, 'page'))
      return this.isPlayerUrl(href) ? undefined : { fault: 'wrong-page', detail: href }
    } catch (error) {
      if (this.crashed) return { fault: 'crashed' }
      if (error instanceof TimeoutError) return { fault: 'unresponsive' }
      // The execution context went away mid-probe (a navigation): look again next tick.
      return undefined
    }
  }

  private async recover(fault: PageFault, detail?: string): Promise<void> {
    const startedAt = Date.now()
    const { log } = this.options
    this.recentRecoveries = this.recentRecoveries.filter((at) => startedAt - at < this.repeatWindowMs)
    if (this.recentRecoveries.length >= this.maxRepeats) {
      log.error(
        { fault, recoveries: this.recentRecoveries.length },
        'the kiosk page keeps failing; restarting the browser',
      )
      this.giveUp(fault)
      return
    }
    log.warn({ fault, ...(detail ? { detail } : {}) }, 'kiosk page is not healthy; reloading it')
    try {
      // A renderer spinning in a loop never handles a reload: end it, then load afresh.
      if (fault === 'unresponsive') await this.killRenderers()
      await this.navigateToPlayer()
      await this.waitUntilShown(startedAt + this.recoverTimeoutMs, fault !== 'wrong-page')
      const ms = Date.now() - startedAt
      this.recentRecoveries.push(startedAt)
      log.info({ fault, ms }, 'kiosk page recovered')
      this.options.onRecovered?.(fault, ms)
    } catch (error) {
      if (this.stopped) return
      log.error(
        { fault, error: (error as Error).message },
        'reloading did not bring the kiosk page back; restarting the browser',
      )
      this.giveUp(fault)
    }
  }

  private giveUp(fault: PageFault): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.options.onGiveUp(`page ${fault}, reload did not help`)
  }

  private async killRenderers(): Promise<void> {
    const browser = this.browser
    if (!browser) return
    const session = await withTimeout(browser.newBrowserCDPSession(), this.probeTimeoutMs, 'browser session')
    try {
      const { processInfo } = await withTimeout(
        session.send('SystemInfo.getProcessInfo'),
        this.probeTimeoutMs,
        'process list',
      )
      // The kiosk has one page; every renderer of this browser belongs to it (or is a spare).
      const renderers = processInfo.filter((info) => info.type === 'renderer').map((info) => info.id)
      this.options.log.warn({ renderers }, 'killing the hung renderer')
      const kill = this.options.killProcess ?? ((pid: number) => process.kill(pid, 'SIGKILL'))
      for (const pid of renderers) {
        try {
          kill(pid)
        } catch {
          // Already gone.
        }
      }
    } finally {
      void session.detach().catch(() => {})
    }
    const deadline = Date.now() + 2000
    while (!this.crashed && Date.now() < deadline) await delay(50)
  }

  private async navigateToPlayer(): Promise<void> {
    const page = this.page
    if (!page) throw new Error('no page')
    const session = await withTimeout(page.context().newCDPSession(page), this.probeTimeoutMs, 'page session')
    try {
      await withTimeout(
        session.send('Page.navigate', { url: this.options.url }),
        this.recoverTimeoutMs,
        'navigation',
      )
    } finally {
      void session.detach().catch(() => {})
    }
  }

  /**
   * Polls until the page shows the player again. Playwright treats a crashed page as gone for
   * good, and a connection made while the page was still crashed does not see it come back,
   * so after a crash each failed look is followed by a fresh connection.
   */
  private async waitUntilShown(deadline: number, reconnect: boolean): Promise<void> {
    let fresh = !reconnect
    for (;;) {
      try {
        if (!fresh) {
          const remaining = Math.max(deadline - Date.now(), 1)
          await this.reconnect(remaining, Math.min(1000, remaining))
          fresh = true
        }
        const page = this.page
        if (page && !this.crashed) {
          const state = String(
            await withTimeout(page.evaluate(`location.href + ' ' + document.readyState`), 1000, 'page'),
          )
          const [href = '', readyState] = state.split(' ')
          if (this.isPlayerUrl(href) && readyState !== 'loading') return
        } else if (reconnect) fresh = false
      } catch {
        if (reconnect) fresh = false
      }
      if (Date.now() >= deadline) throw new Error('the page did not come back in time')
      await delay(100)
    }
  }

  private async connect(timeoutMs = this.connectTimeoutMs, pageWaitMs = timeoutMs): Promise<void> {
    const connection = ++this.connection
    // Loaded when a shell first connects: playwright-core costs ~70 MB of RSS, and the CLI
    // imports this module for every command.
    const { chromium } = await import('playwright-core')
    const browser = await chromium.connectOverCDP(this.options.endpoint, { timeout: timeoutMs })
    if (this.stopped || connection !== this.connection) {
      await browser.close().catch(() => {})
      return
    }
    this.browser = browser
    const page = await this.findPage(browser, Date.now() + pageWaitMs)
    this.page = page
    this.crashed = false
    page.on('crash', () => {
      if (connection !== this.connection) return
      this.crashed = true
      this.options.log.warn('kiosk page crashed')
      // Recover now rather than at the next probe; a probe in flight fails at once anyway.
      if (!this.busy) this.schedule(0)
    })
  }

  private async findPage(browser: Browser, deadline: number): Promise<Page> {
    for (;;) {
      const pages = browser.contexts().flatMap((context) => context.pages())
      const page = pages.find((candidate) => this.isPlayerUrl(candidate.url())) ?? pages[0]
      if (page) return page
      if (Date.now() >= deadline) throw new Error('the browser shows no page')
      await delay(50)
    }
  }

  private async reconnect(timeoutMs: number, pageWaitMs: number): Promise<void> {
    await this.disconnect()
    await this.connect(timeoutMs, pageWaitMs)
  }

  private async disconnect(): Promise<void> {
    const browser = this.browser
    this.browser = undefined
    this.page = undefined
    // Connected over CDP, close() only disconnects: the browser and its page stay.
    await browser?.close().catch(() => {})
  }

  private isPlayerUrl(href: string): boolean {
    try {
      return new URL(href).origin === this.origin
    } catch {
      return false
    }
  }
}
