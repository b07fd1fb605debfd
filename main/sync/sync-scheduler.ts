import cron, { type ScheduledTask } from 'node-cron'
import type { SourceConfig } from '../../kiosk-config/schema/sources.js'
import type { Logger } from '../util/logger.js'
import { cronIntervalMs } from './cron-interval.js'
import { type SyncDependencies, type SyncReport, syncSource } from './source-sync.js'

export interface SchedulerOptions {
  /** Upper bound of the random delay before a scheduled run, so a fleet does not hit a feed at once. */
  maxJitterMs?: number
  /**
   * First retry delay after a failure (at most the source's own interval); it doubles per
   * consecutive failure up to maxBackoffMs.
   */
  baseBackoffMs?: number
  maxBackoffMs?: number
  onReport?: (report: SyncReport) => void
}

/**
 * Runs every enabled source on its cron schedule: never two runs of one source at a time,
 * a random delay per run, and exponential backoff while a source keeps failing.
 */
export class SyncScheduler {
  private readonly tasks = new Map<string, ScheduledTask>()
  private readonly inFlight = new Map<string, Promise<SyncReport>>()
  private sources = new Map<string, SourceConfig>()
  private readonly intervals = new Map<string, number>()
  private readonly options: Required<Omit<SchedulerOptions, 'onReport'>> & Pick<SchedulerOptions, 'onReport'>

  constructor(
    private deps: SyncDependencies,
    private readonly log: Logger,
    options: SchedulerOptions = {},
  ) {
    this.options = {
      maxJitterMs: options.maxJitterMs ?? 20_000,
      baseBackoffMs: options.baseBackoffMs ?? 60_000,
      maxBackoffMs: options.maxBackoffMs ?? 30 * 60_000,
      onReport: options.onReport,
    }
  }

  /**
   * Takes `sources` as the set to sync, replacing any earlier one (a config change takes effect
   * here); with `cron`, each runs on its schedule from now on.
   */
  schedule(sources: readonly SourceConfig[], options: { cron: boolean; deps?: SyncDependencies }): void {
    if (options.deps) this.deps = options.deps
    this.stopTasks()
    this.sources = new Map(sources.filter((source) => source.enabled).map((source) => [source.id, source]))
    this.intervals.clear()
    for (const source of this.sources.values()) {
      this.intervals.set(source.id, cronIntervalMs(source.schedule, this.deps.monitor.timezone))
    }
    if (!options.cron) return
    const deps = this.deps
    for (const source of this.sources.values()) {
      const task = cron.schedule(source.schedule, () => this.tick(source.id), {
        name: `sync:${source.id}`,
        timezone: deps.monitor.timezone,
        maxRandomDelay: Math.min(this.options.maxJitterMs, Math.floor(this.intervals.get(source.id)! / 10)),
        noOverlap: true,
      })
      this.tasks.set(source.id, task)
    }
  }

  /** What a cron tick does: skip while backing off, otherwise sync. */
  async tick(sourceId: string): Promise<SyncReport | undefined> {
    const source = this.sources.get(sourceId)
    if (!source) return undefined
    const waitMs = this.backoffRemainingMs(sourceId)
    if (waitMs > 0) {
      this.log.debug({ source: sourceId, waitMs }, 'sync skipped: backing off after failures')
      return undefined
    }
    return this.syncNow(sourceId)
  }

  /** Syncs one source now; joins the run already in flight instead of starting a second. */
  syncNow(sourceId: string): Promise<SyncReport> {
    const running = this.inFlight.get(sourceId)
    if (running) return running
    const source = this.sources.get(sourceId)
    if (!source) return Promise.reject(new Error(`unknown source ${sourceId}`))
    const run = syncSource(source, this.deps)
      .then((report) => {
        this.logReport(report)
        this.options.onReport?.(report)
        return report
      })
      .finally(() => this.inFlight.delete(sourceId))
    this.inFlight.set(sourceId, run)
    return run
  }

  /** Every source once, a few at a time; used at startup and by `sync --once`. */
  async syncAll(concurrency = 3): Promise<SyncReport[]> {
    const queue = [...this.sources.keys()]
    const reports: SyncReport[] = []
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) reports.push(await this.syncNow(id))
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker))
    return reports
  }

  backoffRemainingMs(sourceId: string): number {
    const state = this.deps.cache.sources.get(sourceId)
    if (state.consecutiveFailures === 0 || !state.lastAttemptAt) return 0
    const base = Math.min(
      this.options.baseBackoffMs,
      this.intervals.get(sourceId) ?? this.options.baseBackoffMs,
    )
    // The first failure retries at the next tick; then 1, 3, 7, 15 … base intervals.
    const delay = Math.min(base * (2 ** (state.consecutiveFailures - 1) - 1), this.options.maxBackoffMs)
    return state.lastAttemptAt.getTime() + delay - this.deps.clock.now().getTime()
  }

  /** The source's cron interval: freshness windows are measured in it. */
  intervalMs(sourceId: string): number | undefined {
    return this.intervals.get(sourceId)
  }

  isRunning(sourceId: string): boolean {
    return this.inFlight.has(sourceId)
  }

  async stop(): Promise<void> {
    this.stopTasks()
    await Promise.allSettled(this.inFlight.values())
  }

  private stopTasks(): void {
    for (const task of this.tasks.values()) void task.destroy()
    this.tasks.clear()
  }

  private logReport(report: SyncReport): void {
    const fields = {
      source: report.sourceId,
      outcome: report.outcome,
      items: report.itemCount,
      ms: Math.round(report.durationMs),
    }
    if (report.error) this.log.warn({ ...fields, code: report.error.code }, report.error.message)
    else this.log.info({ ...fields, ...report.change, warnings: report.warnings.length }, 'source synced')
  }
}
