import { type ChildProcess, spawn } from 'node:child_process'
import type { Logger } from '../util/logger.js'
import { RestartBackoff, type RestartBackoffOptions, whenGone } from './restart-backoff.js'
import { withTimeout } from './timeouts.js'

/**
 * Exit code with which a supervised Electron app asks to be started again at once (e.g. to come
 * up without hardware acceleration after GPU crashes); app.relaunch() would escape the supervisor.
 */
export const RELAUNCH_EXIT_CODE = 75

export interface ElectronAppProcessOptions {
  /** The Electron executable. */
  binary: string
  /** The app folder (the package root, whose package.json "main" is the compiled Electron entry). */
  appDir: string
  env: NodeJS.ProcessEnv
  log: Logger
  backoff?: Partial<RestartBackoffOptions>
}

/**
 * Runs the Electron app as a child of the CLI (`infomonitor start --shell electron`) and starts
 * it again when it dies, as systemd would for the packaged app. The core runs inside it.
 */
export class ElectronAppProcess {
  private child: ChildProcess | undefined
  private stopping = false
  private restartTimer: NodeJS.Timeout | undefined
  private restarts = 0
  private readonly backoff: RestartBackoff
  private resolveQuit: () => void = () => {}
  /** Resolves when Electron quit on its own with code 0. */
  readonly quit = new Promise<void>((resolve) => {
    this.resolveQuit = resolve
  })

  constructor(private readonly options: ElectronAppProcessOptions) {
    this.backoff = new RestartBackoff({
      initialMs: 1000,
      maxMs: 30_000,
      stableMs: 60_000,
      ...options.backoff,
    })
  }

  start(): void {
    const child = spawn(this.options.binary, [this.options.appDir], {
      stdio: 'inherit',
      env: this.options.env,
    })
    this.child = child
    this.backoff.started()
    whenGone(child, (code, signal, error) => this.onExit(child, code, signal, error))
  }

  async stop(): Promise<void> {
    this.stopping = true
    clearTimeout(this.restartTimer)
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await withTimeout(exited, 10_000, 'electron exit').catch(() => {
      child.kill('SIGKILL')
      return withTimeout(exited, 5000, 'electron exit after SIGKILL').catch(() => {})
    })
  }

  status(): { running: boolean; restarts: number; pid?: number } {
    return {
      running: this.child !== undefined,
      restarts: this.restarts,
      ...(this.child?.pid ? { pid: this.child.pid } : {}),
    }
  }

  private onExit(
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
    error?: Error,
  ): void {
    if (child !== this.child) return
    this.child = undefined
    if (this.stopping) return
    if (code === 0) {
      this.options.log.info('electron quit')
      this.resolveQuit()
      return
    }
    const wait = code === RELAUNCH_EXIT_CODE ? 0 : this.backoff.nextDelay()
    const reason = error
      ? `cannot start electron: ${error.message}`
      : `electron exited (${signal ? `signal ${signal}` : `code ${code}`})`
    this.options.log.error({ reason, restartInMs: wait }, 'electron is gone; starting it again')
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return
      this.restarts++
      this.start()
    }, wait)
  }
}
