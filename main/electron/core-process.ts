import { type UtilityProcess, utilityProcess } from 'electron'
import { RestartBackoff, type RestartBackoffOptions } from '../shell/restart-backoff.js'
import type { Logger } from '../util/logger.js'
import { type CoreCommand, CoreMessageSchema, type ShellStatusSnapshot } from './core-messages.js'

/** What the main process lends the core: screenshots and the window's health, for the admin API. */
export interface ShellForCore {
  screenshot(): Promise<Buffer>
  status(): ShellStatusSnapshot
}

export interface CoreProcessOptions {
  /** The compiled core-entry.js. */
  entry: string
  /** Extra environment for the core (config file, virtual clock, cache dir). */
  env: Record<string, string>
  log: Logger
  /** Called with the player URL each time a (re)started core is ready. */
  onReady(url: string): void
  shell?: ShellForCore
  /** How often the shell's status is sent to the core. */
  statusIntervalMs?: number
  /** A core that has not said "ready" within this is killed and started again. */
  readyTimeoutMs?: number
  stopGraceMs?: number
  backoff?: Partial<RestartBackoffOptions>
}

export interface CoreProcessStatus {
  running: boolean
  restarts: number
  lastRestartAt?: string
  lastReason?: string
  url?: string
}

/**
 * The core (sync, cache, player endpoint) in an Electron utility process, away from the main
 * process that owns the window. When it dies it is started again, with growing pauses while it
 * keeps dying; the window keeps its last page meanwhile and the page reconnects by itself.
 * A restarted core keeps the player port, so the page's URL stays the same.
 */
export class CoreProcess {
  private child: UtilityProcess | undefined
  private stopping = false
  private restarts = 0
  private lastRestartAt: Date | undefined
  private lastReason: string | undefined
  private failure: string | undefined
  private url: string | undefined
  private port: string | undefined
  private readyTimer: NodeJS.Timeout | undefined
  private restartTimer: NodeJS.Timeout | undefined
  private statusTimer: NodeJS.Timeout | undefined
  private readonly backoff: RestartBackoff

  constructor(private readonly options: CoreProcessOptions) {
    this.backoff = new RestartBackoff({
      initialMs: 1000,
      maxMs: 30_000,
      stableMs: 60_000,
      ...options.backoff,
    })
  }

  start(): void {
    this.stopping = false
    this.fork()
  }

  async stop(): Promise<void> {
    this.stopping = true
    clearTimeout(this.restartTimer)
    clearTimeout(this.readyTimer)
    clearInterval(this.statusTimer)
    const child = this.child
    if (!child) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    const stop: CoreCommand = { type: 'stop' }
    child.postMessage(stop)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.stopGraceMs ?? 5000)
    })
    if ((await Promise.race([exited, timedOut])) === 'timeout') {
      this.options.log.warn('core did not stop in time; killing it')
      child.kill()
      await exited
    }
    clearTimeout(timer)
  }

  status(): CoreProcessStatus {
    return {
      running: this.child !== undefined && this.url !== undefined,
      restarts: this.restarts,
      ...(this.lastRestartAt ? { lastRestartAt: this.lastRestartAt.toISOString() } : {}),
      ...(this.lastReason ? { lastReason: this.lastReason } : {}),
      ...(this.url ? { url: this.url } : {}),
    }
  }

  private fork(): void {
    const { log } = this.options
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value
    Object.assign(env, this.options.env)
    if (this.port) env.INFOMONITOR_PLAYER_PORT = this.port
    const child = utilityProcess.fork(this.options.entry, [], {
      serviceName: 'InfoMonitor core',
      stdio: 'inherit',
      env,
    })
    this.child = child
    this.url = undefined
    this.failure = undefined
    this.backoff.started()
    child.on('message', (message: unknown) => this.onMessage(child, message))
    child.once('exit', (code) => this.onExit(child, code))
    this.readyTimer = setTimeout(() => {
      if (this.child !== child) return
      this.failure = 'not ready in time'
      log.error(
        { timeoutMs: this.options.readyTimeoutMs ?? 30_000 },
        'core did not get ready in time; killing it',
      )
      child.kill()
    }, this.options.readyTimeoutMs ?? 30_000)
  }

  private onMessage(child: UtilityProcess, raw: unknown): void {
    if (child !== this.child) return
    const parsed = CoreMessageSchema.safeParse(raw)
    if (!parsed.success) {
      this.options.log.warn(
        { issues: parsed.error.issues.length },
        'ignoring a malformed message from the core',
      )
      return
    }
    const message = parsed.data
    switch (message.type) {
      case 'failed':
        this.failure = message.message
        this.options.log.error({ message: message.message }, 'core failed to start')
        return
      case 'screenshot-request':
        void this.answerScreenshot(child, message.id)
        return
      case 'ready':
        clearTimeout(this.readyTimer)
        this.url = message.url
        this.port = new URL(message.url).port
        this.options.log.info({ url: message.url, pid: child.pid }, 'core is ready')
        this.options.onReady(message.url)
        this.sendShellStatus(child)
        clearInterval(this.statusTimer)
        this.statusTimer = setInterval(
          () => this.sendShellStatus(child),
          this.options.statusIntervalMs ?? 2000,
        )
    }
  }

  private async answerScreenshot(child: UtilityProcess, id: number): Promise<void> {
    let answer: CoreCommand
    try {
      if (!this.options.shell) throw new Error('no shell attached')
      answer = { type: 'screenshot-result', id, png: new Uint8Array(await this.options.shell.screenshot()) }
    } catch (error) {
      answer = { type: 'screenshot-result', id, error: (error as Error).message }
    }
    if (child === this.child) child.postMessage(answer)
  }

  private sendShellStatus(child: UtilityProcess): void {
    if (!this.options.shell || child !== this.child) return
    const command: CoreCommand = { type: 'shell-status', status: this.options.shell.status() }
    child.postMessage(command)
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (child !== this.child) return
    this.child = undefined
    this.url = undefined
    clearTimeout(this.readyTimer)
    clearInterval(this.statusTimer)
    if (this.stopping) return
    const reason = this.failure ? `core failed: ${this.failure}` : `core exited (code ${code})`
    const wait = this.backoff.nextDelay()
    this.options.log.error(
      { reason, restartInMs: wait, restarts: this.restarts },
      'core is gone; starting it again',
    )
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return
      this.restarts++
      this.lastRestartAt = new Date()
      this.lastReason = reason
      this.fork()
    }, wait)
  }
}
