import type { ParentPort } from 'electron'
import { type LoadedConfig, loadConfigFile } from '../../kiosk-config/config-loader.js'
import { DEMO_CONFIG_PATH, describeProblems } from '../cli/cli-context.js'
import { type AttachedShell, KioskCore } from '../core/kiosk-core.js'
import { type Clock, clockStartingAt, systemClock } from '../util/clock.js'
import { createLogger, type Logger } from '../util/logger.js'
import type { CoreCommand, CoreMessage, ShellStatusSnapshot } from './core-messages.js'

const SCREENSHOT_TIMEOUT_MS = 10_000

export interface RunningCore {
  playerUrl: string
  shell: AttachedShell | undefined
  stop(): Promise<void>
}

export interface CoreEntryDependencies {
  port: Pick<ParentPort, 'postMessage' | 'on'>
  env: NodeJS.ProcessEnv
  log: Logger
  exit(code: number): void
  startCore?(options: {
    loaded: LoadedConfig
    clock: Clock
    log: Logger
    playerPort?: number
  }): Promise<RunningCore>
}

/**
 * The core inside Electron's utility process: loads the config named by INFOMONITOR_CONFIG
 * (default: the demo), starts KioskCore and reports `ready` with the player URL, or `failed`
 * with the reason before exiting (the main process starts it again later).
 */
export async function runCoreEntry(deps: CoreEntryDependencies): Promise<void> {
  const { port, env, log } = deps
  const post = (message: CoreMessage) => port.postMessage(message)
  const file = env.INFOMONITOR_CONFIG ?? DEMO_CONFIG_PATH
  const loaded = loadConfigFile(file)
  if (!loaded.ok) {
    const message = describeProblems(file, loaded.problems)
    log.error({ file }, message)
    post({ type: 'failed', message })
    deps.exit(2)
    return
  }
  const playerPort = env.INFOMONITOR_PLAYER_PORT ? Number(env.INFOMONITOR_PLAYER_PORT) : undefined
  const startCore = deps.startCore ?? ((options) => KioskCore.start(options))
  let core: RunningCore
  try {
    core = await startCore({
      loaded,
      clock: clockFrom(env.INFOMONITOR_NOW, log),
      log,
      ...(playerPort !== undefined && Number.isInteger(playerPort) ? { playerPort } : {}),
    })
  } catch (error) {
    const message = (error as Error).message
    log.error({ error: message }, 'core failed to start')
    post({ type: 'failed', message })
    deps.exit(1)
    return
  }
  const shell = new ShellProxy(post)
  core.shell = shell
  port.on('message', (event) => {
    const command = event.data as CoreCommand | undefined
    switch (command?.type) {
      case 'stop':
        core
          .stop()
          .catch((error: Error) => log.error({ error: error.message }, 'core did not stop cleanly'))
          .finally(() => deps.exit(0))
        return
      case 'screenshot-result':
      case 'shell-status':
        shell.receive(command)
    }
  })
  post({ type: 'ready', url: core.playerUrl })
}

/** The Electron window as the core sees it: screenshots asked of the main process, status pushed by it. */
export class ShellProxy implements AttachedShell {
  readonly kind = 'electron'
  private nextId = 0
  private latest: ShellStatusSnapshot = { running: false, restarts: 0, recoveries: 0 }
  private readonly pending = new Map<number, { resolve(png: Buffer): void; reject(error: Error): void }>()

  constructor(private readonly post: (message: CoreMessage) => void) {}

  screenshot(): Promise<Buffer> {
    const id = this.nextId++
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error('the window did not send a screenshot in time'))
      }, SCREENSHOT_TIMEOUT_MS)
      this.pending.set(id, {
        resolve: (png) => {
          clearTimeout(timer)
          resolve(png)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      this.post({ type: 'screenshot-request', id })
    })
  }

  status(): ShellStatusSnapshot {
    return this.latest
  }

  receive(command: Exclude<CoreCommand, { type: 'stop' }>): void {
    if (command.type === 'shell-status') {
      this.latest = command.status
      return
    }
    const waiting = this.pending.get(command.id)
    if (!waiting) return
    this.pending.delete(command.id)
    if (command.png) waiting.resolve(Buffer.from(command.png))
    else waiting.reject(new Error(command.error ?? 'no screenshot'))
  }
}

function clockFrom(now: string | undefined, log: Logger): Clock {
  if (!now) return systemClock
  const start = new Date(now)
  if (Number.isNaN(start.getTime())) {
    log.warn({ now }, 'INFOMONITOR_NOW is not an ISO time; using the real clock')
    return systemClock
  }
  return clockStartingAt(start)
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort
if (parentPort) {
  void runCoreEntry({
    port: parentPort,
    env: process.env,
    log: createLogger(),
    exit: (code) => process.exit(code),
  })
}
