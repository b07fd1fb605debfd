import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Logger } from '../util/logger.js'

interface GpuMarker {
  /** App and Electron version that crashed; another build tries the GPU again. */
  build: string
  at: string
}

/**
 * Whether this build must run without hardware acceleration because its GPU process kept
 * crashing on this box. A marker from another app or Electron version is removed: a new build
 * may bring a fixed driver path, so it gets to try the GPU again.
 */
export function softwareRenderingRequired(markerFile: string, build: string, log?: Logger): boolean {
  let marker: Partial<GpuMarker>
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Partial<GpuMarker>
  } catch {
    return false
  }
  if (marker.build === build) return true
  log?.info({ markerBuild: marker.build, build }, 'new build: trying hardware acceleration again')
  rmSync(markerFile, { force: true })
  return false
}

export interface GpuCrashWatchOptions {
  markerFile: string
  build: string
  log: Logger
  /** Starts the app again (with the marker present, it comes up without the GPU). */
  relaunch(): void
  /** The app already runs without hardware acceleration: relaunching would not change anything. */
  softwareRendering: boolean
  limit?: number
  windowMs?: number
  now?(): number
}

/**
 * Counts GPU process crashes. Repeated ones leave the window white until reloaded; after
 * `limit` in `windowMs` the app persists a marker and relaunches without hardware acceleration.
 */
export class GpuCrashWatch {
  private crashes: number[] = []
  private relaunching = false

  constructor(private readonly options: GpuCrashWatchOptions) {}

  /** Feed it every `child-process-gone` of the app. */
  record(details: { type: string; reason: string; exitCode?: number }): void {
    if (details.type !== 'GPU') return
    const now = (this.options.now ?? Date.now)()
    const windowMs = this.options.windowMs ?? 30_000
    this.crashes = [...this.crashes.filter((at) => now - at < windowMs), now]
    const { log } = this.options
    log.warn(
      { reason: details.reason, exitCode: details.exitCode, recent: this.crashes.length },
      'GPU process is gone',
    )
    if (this.crashes.length < (this.options.limit ?? 3) || this.relaunching) return
    if (this.options.softwareRendering) {
      log.error('GPU process keeps crashing although hardware acceleration is off')
      return
    }
    try {
      mkdirSync(dirname(this.options.markerFile), { recursive: true })
      const marker: GpuMarker = { build: this.options.build, at: new Date(now).toISOString() }
      writeFileSync(this.options.markerFile, JSON.stringify(marker))
    } catch (error) {
      log.error({ error: (error as Error).message }, 'cannot persist the GPU fallback; relaunching anyway')
    }
    log.error(
      { crashes: this.crashes.length },
      'GPU process keeps crashing; relaunching without hardware acceleration',
    )
    this.relaunching = true
    this.options.relaunch()
  }
}
