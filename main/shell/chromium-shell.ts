import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Logger } from '../util/logger.js'
import { CdpWatchdog, type CdpWatchdogOptions, type PageFault } from './cdp-watchdog.js'
import { chromiumFlags, devToolsEndpointFrom } from './chromium-flags.js'
import { prepareChromiumProfile } from './chromium-profile.js'
import { RestartBackoff, type RestartBackoffOptions, whenGone } from './restart-backoff.js'
import type { KioskShell, ShellStatus } from './shell.js'
import { delay, withTimeout } from './timeouts.js'

export interface ChromiumShellOptions {
  executable: string
  /** The kiosk's own profile, e.g. `<cache dir>/chromium-profile`. */
  userDataDir: string
  log: Logger
  headless?: boolean
  noSandbox?: boolean
  windowSize?: { width: number; height: number }
  extraArgs?: readonly string[]
  /** 0 (default) lets Chromium pick a free port. */
  debuggingPort?: number
  /** How long Chromium gets to open its DevTools endpoint before it is killed and retried. */
  launchTimeoutMs?: number
  watchdog?: Pick<
    CdpWatchdogOptions,
    'intervalMs' | 'probeTimeoutMs' | 'recoverTimeoutMs' | 'connectTimeoutMs'
  >
  backoff?: Partial<RestartBackoffOptions>
  env?: NodeJS.ProcessEnv
}

const STOP_GRACE_MS = 5000

/**
 * The system-Chromium shell: Chromium in kiosk mode on the player URL, started again whenever
 * it exits (sooner after a long run, later while it keeps dying), with a DevTools watchdog
 * that reloads a crashed or hung page and has the browser restarted when that is not enough.
 * Runs wherever Chromium does: devices without Electron, and the end-to-end tests.
 */
export class ChromiumShell implements KioskShell {
  private child: ChildProcess | undefined
  private watchdog: CdpWatchdog | undefined
  private url: string | undefined
  private stopping = false
  private restarts = 0
  private recoveries = 0
  private lastRestartAt: Date | undefined
  private lastReason: string | undefined
  private killReason: string | undefined
  private restartTimer: NodeJS.Timeout | undefined
  private endpoint: string | undefined
  private readonly backoff: RestartBackoff
  private readonly killOnExit = () => this.child && killGroup(this.child, 'SIGKILL')

  constructor(private readonly options: ChromiumShellOptions) {
    this.backoff = new RestartBackoff({ initialMs: 500, maxMs: 30_000, stableMs: 60_000, ...options.backoff })
  }

  async start(url: string): Promise<void> {
    this.url = url
    this.stopping = false
    process.on('exit', this.killOnExit)
    await this.launch()
  }

  async stop(): Promise<void> {
    this.stopping = true
    clearTimeout(this.restartTimer)
    const watchdog = this.watchdog
    this.watchdog = undefined
    await watchdog?.stop()
    const child = this.child
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      killGroup(child, 'SIGTERM')
      await withTimeout(exited, STOP_GRACE_MS, 'chromium exit').catch(() => {
        killGroup(child, 'SIGKILL')
        return withTimeout(exited, STOP_GRACE_MS, 'chromium exit after SIGKILL').catch(() => {})
      })
    }
    // Its helpers may outlive the browser for a moment; once stop() returns, the profile is free.
    if (child?.pid !== undefined) await groupGone(child.pid, STOP_GRACE_MS)
    this.child = undefined
    this.endpoint = undefined
    process.off('exit', this.killOnExit)
  }

  async screenshot(): Promise<Buffer> {
    if (!this.watchdog) throw new Error('no page to capture: chromium is not running')
    return this.watchdog.screenshot()
  }

  /** The browser's DevTools endpoint on loopback while Chromium runs (for tests and tools). */
  get devToolsEndpoint(): string | undefined {
    return this.endpoint
  }

  status(): ShellStatus {
    return {
      shell: 'chromium',
      running: this.watchdog !== undefined,
      restarts: this.restarts,
      recoveries: this.recoveries,
      ...(this.lastRestartAt ? { lastRestartAt: this.lastRestartAt.toISOString() } : {}),
      ...(this.lastReason ? { lastReason: this.lastReason } : {}),
      ...(this.url ? { url: this.url } : {}),
      ...(this.child?.pid !== undefined ? { pid: this.child.pid } : {}),
    }
  }

  private async launch(): Promise<void> {
    const { log, userDataDir } = this.options
    const url = this.url!
    for (const problem of prepareChromiumProfile(userDataDir)) log.warn(problem)
    const args = chromiumFlags({
      url,
      userDataDir,
      debuggingPort: this.options.debuggingPort ?? 0,
      headless: this.options.headless ?? false,
      noSandbox: this.options.noSandbox ?? false,
      ...(this.options.windowSize ? { windowSize: this.options.windowSize } : {}),
      ...(this.options.extraArgs ? { extraArgs: this.options.extraArgs } : {}),
    })
    // Its own process group, so stop() also ends the zygote and renderers it leaves behind.
    const child = spawn(this.options.executable, args, {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: this.options.env ?? process.env,
    })
    this.child = child
    this.backoff.started()
    whenGone(child, (code, signal, error) => this.onExit(child, code, signal, error))
    const recentLines: string[] = []
    try {
      const endpoint = await this.waitForEndpoint(child, recentLines)
      const watchdog = new CdpWatchdog({
        endpoint,
        url,
        log,
        ...this.options.watchdog,
        onGiveUp: (reason) => this.kill(child, reason),
        onRecovered: (fault) => this.countRecovery(fault),
      })
      await watchdog.start()
      if (this.child !== child || this.stopping) {
        await watchdog.stop()
        return
      }
      this.watchdog = watchdog
      this.endpoint = endpoint
      log.info({ pid: child.pid, endpoint }, 'chromium shows the player')
    } catch (error) {
      if (this.child !== child || this.stopping) return
      log.error(
        { error: (error as Error).message, stderr: recentLines },
        'chromium did not come up; restarting it',
      )
      this.kill(child, `start failed: ${(error as Error).message}`)
    }
  }

  private waitForEndpoint(child: ChildProcess, recentLines: string[]): Promise<string> {
    const lines = createInterface({ input: child.stderr! })
    const found = new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => {
        const endpoint = devToolsEndpointFrom(line)
        if (endpoint) resolve(endpoint)
        recentLines.push(line)
        if (recentLines.length > 10) recentLines.shift()
      })
      child.once('exit', (code, signal) =>
        reject(new Error(`chromium exited at start (${signal ?? `code ${code}`})`)),
      )
      child.once('error', reject)
    })
    return withTimeout(found, this.options.launchTimeoutMs ?? 20_000, 'chromium DevTools endpoint')
  }

  private onExit(
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
    error?: Error,
  ): void {
    if (child !== this.child) return
    this.child = undefined
    this.endpoint = undefined
    const watchdog = this.watchdog
    this.watchdog = undefined
    void watchdog?.stop()
    // Renderers, zygote or GPU process may outlive a killed browser for a moment.
    killGroup(child, 'SIGKILL')
    if (this.stopping) return
    const reason =
      this.killReason ??
      (error
        ? `cannot start chromium: ${error.message}`
        : `chromium exited (${signal ? `signal ${signal}` : `code ${code}`})`)
    this.killReason = undefined
    const wait = this.backoff.nextDelay()
    this.options.log.error(
      { reason, restartInMs: wait, restarts: this.restarts },
      'chromium is gone; starting it again',
    )
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return
      this.restarts++
      this.lastRestartAt = new Date()
      this.lastReason = reason
      void this.launch()
    }, wait)
  }

  private kill(child: ChildProcess, reason: string): void {
    if (child !== this.child) return
    this.killReason = reason
    killGroup(child, 'SIGKILL')
  }

  private countRecovery(fault: PageFault): void {
    this.recoveries++
    this.lastRestartAt = new Date()
    this.lastReason = `page ${fault}`
  }
}

async function groupGone(groupId: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      process.kill(-groupId, 0)
    } catch {
      return
    }
    await delay(50)
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // Already gone.
    }
  }
}
