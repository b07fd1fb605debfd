import type { Event, RenderProcessGoneDetails, WebContents } from 'electron'
import type { Logger } from '../util/logger.js'

export interface RecoveryOptions {
  log: Logger
  /** The player URL; undefined until the core is up (the safe slide shows meanwhile). */
  pageUrl(): string | undefined
  /** The built-in safe slide (black, town name, "Einen Moment bitte …"). */
  safeSlidePath: string
  /** Pause before reloading a crashed page, so a crash at load does not spin. */
  reloadDelayMs?: number
  /** How long an `unresponsive` page may take to recover by itself before its renderer is killed. */
  unresponsiveGraceMs?: number
  /** This many crashes within `crashWindowMs` show the safe slide instead of the page. */
  crashLimit?: number
  crashWindowMs?: number
  /** First wait before trying the page again from the safe slide; doubles up to the max. */
  safeRetryInitialMs?: number
  safeRetryMaxMs?: number
  /** Waits before loading again after a failed load (the core restarting); doubles up to the max. */
  loadRetryInitialMs?: number
  loadRetryMaxMs?: number
  /** Liveness probe: a hung renderer with no input pending never fires `unresponsive`. 0 = off. */
  probeIntervalMs?: number
  probeTimeoutMs?: number
  now?(): number
}

export interface RecoveryStatus {
  /** Renderer crashes and kills of hung renderers, since start. */
  crashes: number
  /** Loads of the page after a crash, a hang or a failed load. */
  reloads: number
  /** The safe slide is on screen because the page kept crashing. */
  safeSlide: boolean
  lastReason?: string
  lastRecoveryAt?: string
}

type Mode = 'page' | 'safe' | 'retrying'

/**
 * Keeps the kiosk window showing something: a crashed renderer is reloaded after a short pause,
 * a hung one is killed and reloaded, a page that keeps crashing gives way to the safe slide and
 * is retried with growing pauses, and a failed load (core down) shows the safe slide and retries.
 */
export class RendererRecovery {
  private mode: Mode = 'page'
  private crashTimes: number[] = []
  private crashes = 0
  private reloads = 0
  private lastReason: string | undefined
  private lastRecoveryAt: number | undefined
  private reloadTimer: NodeJS.Timeout | undefined
  private graceTimer: NodeJS.Timeout | undefined
  private safeTimer: NodeJS.Timeout | undefined
  private stableTimer: NodeJS.Timeout | undefined
  private loadRetryTimer: NodeJS.Timeout | undefined
  private probeTimer: NodeJS.Timeout | undefined
  private probing = false
  private ignoreNextGone = false
  private safeDelay: number
  private loadRetryDelay: number
  private readonly now: () => number

  constructor(
    private readonly contents: WebContents,
    private readonly options: RecoveryOptions,
  ) {
    this.now = options.now ?? Date.now
    this.safeDelay = options.safeRetryInitialMs ?? 30_000
    this.loadRetryDelay = options.loadRetryInitialMs ?? 2000
  }

  start(): void {
    this.contents.on('render-process-gone', this.onGone)
    this.contents.on('unresponsive', this.onUnresponsive)
    this.contents.on('responsive', this.onResponsive)
    this.contents.on('did-fail-load', this.onFailLoad)
    this.contents.on('did-finish-load', this.onFinishLoad)
    const interval = this.options.probeIntervalMs ?? 5000
    if (interval > 0) this.probeTimer = setInterval(() => void this.probe(), interval)
  }

  stop(): void {
    this.contents.off('render-process-gone', this.onGone)
    this.contents.off('unresponsive', this.onUnresponsive)
    this.contents.off('responsive', this.onResponsive)
    this.contents.off('did-fail-load', this.onFailLoad)
    this.contents.off('did-finish-load', this.onFinishLoad)
    for (const timer of [
      this.reloadTimer,
      this.graceTimer,
      this.safeTimer,
      this.stableTimer,
      this.loadRetryTimer,
    ]) {
      clearTimeout(timer)
    }
    clearInterval(this.probeTimer)
  }

  /** Loads the player page (when the core is up or its URL changed). */
  showPage(): void {
    if (this.mode === 'safe') return
    this.loadPage()
  }

  /** Shows the safe slide, e.g. before the core is up. */
  showSafeSlide(): void {
    this.loadSafeSlide()
  }

  status(): RecoveryStatus {
    return {
      crashes: this.crashes,
      reloads: this.reloads,
      safeSlide: this.mode === 'safe',
      ...(this.lastReason ? { lastReason: this.lastReason } : {}),
      ...(this.lastRecoveryAt !== undefined
        ? { lastRecoveryAt: new Date(this.lastRecoveryAt).toISOString() }
        : {}),
    }
  }

  private readonly onGone = (_event: Event, details: RenderProcessGoneDetails) => {
    // We killed it ourselves because it hung; that was counted already.
    if (this.ignoreNextGone) {
      this.ignoreNextGone = false
      return
    }
    this.crashed(`renderer ${details.reason}`)
  }

  private readonly onUnresponsive = () => {
    if (this.graceTimer) return
    this.options.log.warn('kiosk page is unresponsive; giving it a moment')
    this.graceTimer = setTimeout(
      () => this.killHung('renderer unresponsive'),
      this.options.unresponsiveGraceMs ?? 5000,
    )
  }

  private readonly onResponsive = () => {
    if (!this.graceTimer) return
    clearTimeout(this.graceTimer)
    this.graceTimer = undefined
    this.options.log.info('kiosk page is responsive again')
  }

  private readonly onFailLoad = (
    _event: Event,
    errorCode: number,
    errorDescription: string,
    validatedURL: string,
    isMainFrame: boolean,
  ) => {
    // -3 is ERR_ABORTED: a load replaced by the next one, not a failure.
    if (!isMainFrame || errorCode === -3) return
    if (validatedURL.startsWith('file:')) {
      this.options.log.error({ errorCode, errorDescription }, 'the safe slide did not load')
      return
    }
    const wait = this.loadRetryDelay
    this.loadRetryDelay = Math.min(this.loadRetryDelay * 2, this.options.loadRetryMaxMs ?? 30_000)
    this.options.log.warn(
      { errorCode, errorDescription, url: validatedURL, retryInMs: wait },
      'kiosk page did not load; showing the safe slide and trying again',
    )
    this.loadSafeSlide()
    clearTimeout(this.loadRetryTimer)
    this.loadRetryTimer = setTimeout(() => {
      this.loadRetryTimer = undefined
      if (this.mode === 'safe') return
      this.reloads++
      this.loadPage()
    }, wait)
  }

  private readonly onFinishLoad = () => {
    if (this.isOnPage()) this.loadRetryDelay = this.options.loadRetryInitialMs ?? 2000
  }

  private crashed(reason: string): void {
    const now = this.now()
    this.crashes++
    this.lastReason = reason
    this.lastRecoveryAt = now
    clearTimeout(this.graceTimer)
    this.graceTimer = undefined
    const window = this.options.crashWindowMs ?? 120_000
    this.crashTimes = [...this.crashTimes.filter((at) => now - at < window), now]
    if (this.mode === 'safe') {
      this.options.log.warn({ reason }, 'the safe slide renderer is gone; showing it again')
      this.scheduleReload(() => this.loadSafeSlide())
      return
    }
    if (this.mode === 'retrying' || this.crashTimes.length >= (this.options.crashLimit ?? 5)) {
      this.enterSafeMode(reason)
      return
    }
    this.options.log.warn({ reason, crashes: this.crashes }, 'kiosk page renderer is gone; reloading it')
    this.scheduleReload(() => {
      this.reloads++
      this.loadPage()
    })
  }

  private killHung(reason: string): void {
    this.graceTimer = undefined
    this.options.log.error({ reason }, 'kiosk page is hung; killing its renderer')
    this.ignoreNextGone = true
    this.contents.forcefullyCrashRenderer()
    this.crashed(reason)
  }

  private enterSafeMode(reason: string): void {
    this.mode = 'safe'
    clearTimeout(this.stableTimer)
    clearTimeout(this.reloadTimer)
    clearTimeout(this.loadRetryTimer)
    const wait = this.safeDelay
    this.safeDelay = Math.min(this.safeDelay * 2, this.options.safeRetryMaxMs ?? 15 * 60_000)
    this.options.log.error(
      { reason, crashesInWindow: this.crashTimes.length, retryInMs: wait },
      'kiosk page keeps crashing; showing the safe slide',
    )
    this.loadSafeSlide()
    this.safeTimer = setTimeout(() => this.retryPage(), wait)
  }

  private retryPage(): void {
    this.mode = 'retrying'
    this.options.log.info('trying the kiosk page again after the safe slide')
    this.reloads++
    this.loadPage()
    // A page that survives one crash window is healthy again: forget the crashes and the backoff.
    this.stableTimer = setTimeout(() => {
      this.mode = 'page'
      this.crashTimes = []
      this.safeDelay = this.options.safeRetryInitialMs ?? 30_000
      this.options.log.info('kiosk page is stable again')
    }, this.options.crashWindowMs ?? 120_000)
  }

  private scheduleReload(load: () => void): void {
    clearTimeout(this.reloadTimer)
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined
      this.ignoreNextGone = false
      load()
    }, this.options.reloadDelayMs ?? 1000)
  }

  private async probe(): Promise<void> {
    if (this.probing || this.graceTimer || this.reloadTimer || this.contents.isDestroyed()) return
    if (this.contents.isCrashed()) {
      this.crashed('renderer gone (noticed by the probe)')
      return
    }
    if (this.contents.isLoading()) return
    this.probing = true
    let timer: NodeJS.Timeout | undefined
    try {
      const answered = await Promise.race([
        this.contents.executeJavaScript('1').then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), this.options.probeTimeoutMs ?? 3000)
        }),
      ])
      if (!answered && !this.reloadTimer) this.killHung('renderer does not answer')
    } finally {
      clearTimeout(timer)
      this.probing = false
    }
  }

  private loadPage(): void {
    const url = this.options.pageUrl()
    if (!url) {
      this.loadSafeSlide()
      return
    }
    // Failures arrive as did-fail-load, which retries.
    this.contents.loadURL(url).catch(() => {})
  }

  private loadSafeSlide(): void {
    this.contents
      .loadFile(this.options.safeSlidePath)
      .catch((error: Error) => this.options.log.error({ error: error.message }, 'cannot load the safe slide'))
  }

  private isOnPage(): boolean {
    const url = this.options.pageUrl()
    if (!url) return false
    try {
      return new URL(this.contents.getURL()).origin === new URL(url).origin
    } catch {
      return false
    }
  }
}
