import { exec } from 'node:child_process'
import type { DisplayConfig } from '../../kiosk-config/schema/display.js'
import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'
import { isDisplayOn } from './display-hours.js'

export interface DisplayPowerStatus {
  on: boolean
  lastCommand?: { command: string; at: string; ok: boolean; error?: string }
}

const CHECK_MS = 30_000
const COMMAND_TIMEOUT_MS = 15_000

/**
 * Switches the panel at the edges of the display hours with the configured commands, and runs
 * the current state's command again every few minutes, because panels get switched on by hand.
 * A failing command is logged; the page then shows black, which is the fallback.
 */
export class DisplayPower {
  private timer: NodeJS.Timeout | undefined
  private on: boolean | undefined
  private lastRunAt = 0
  private lastCommand: DisplayPowerStatus['lastCommand']

  constructor(
    private display: DisplayConfig,
    private zone: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly run: (command: string) => Promise<void> = runShell,
  ) {}

  start(): void {
    void this.check()
    this.timer = setInterval(() => void this.check(), CHECK_MS)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** A new config: the next check applies its hours and commands. */
  reconfigure(display: DisplayConfig, zone: string): void {
    this.display = display
    this.zone = zone
    void this.check()
  }

  status(): DisplayPowerStatus {
    const on = this.on ?? isDisplayOn(this.display, this.zone, this.clock.now())
    return this.lastCommand ? { on, lastCommand: this.lastCommand } : { on }
  }

  async check(): Promise<void> {
    const now = this.clock.now()
    const on = isDisplayOn(this.display, this.zone, now)
    const changed = on !== this.on
    const reassert = now.getTime() - this.lastRunAt >= this.display.reassertMinutes * 60_000
    this.on = on
    if (!changed && !reassert) return
    if (changed)
      this.log.info({ on }, on ? 'display hours begin: screen on' : 'display hours end: screen off')
    const command = on ? this.display.powerOn : this.display.powerOff
    this.lastRunAt = now.getTime()
    if (!command) return
    try {
      await this.run(command)
      this.lastCommand = { command, at: now.toISOString(), ok: true }
    } catch (error) {
      const message = (error as Error).message.slice(0, 500)
      this.lastCommand = { command, at: now.toISOString(), ok: false, error: message }
      this.log.warn(
        { command, error: message },
        'display power command failed; the screen shows black instead',
      )
    }
  }
}

function runShell(command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    exec(command, { timeout: COMMAND_TIMEOUT_MS }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${error.message}${stderr ? `: ${stderr.trim()}` : ''}`)) : resolve(),
    )
  })
}
