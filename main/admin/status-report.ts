import { statSync } from 'node:fs'
import { join } from 'node:path'
import { type Status, StatusSchema } from '../../contracts/admin-api.js'
import type { KioskCore } from '../core/kiosk-core.js'
import { VERSION } from '../version.js'

const DATABASE_FILES = [
  'cache.db',
  'cache.db-wal',
  'cache.db-shm',
  'state.db',
  'state.db-wal',
  'state.db-shm',
]
/** Disk figures change slowly and cost a few file stats and a count; once a few seconds is enough. */
const STORAGE_TTL_MS = 5_000
/** What only time changes (uptime, memory, backoff left) may be this old. */
const SNAPSHOT_MAX_AGE_MS = 1_000

/**
 * Builds GET /status: health of sources, screen, storage and process. Monitoring polls it, so the
 * answer is a snapshot, validated and serialised once, and built again as soon as anything it
 * reports changes (a config version, a write to either database) or after a second.
 */
export class StatusReporter {
  private storage: { at: number; bytes: number; items: number } | undefined
  private snapshot: { key: string; at: number; json: string } | undefined
  private readonly changeCounters: (() => unknown)[]

  constructor(private readonly core: KioskCore) {
    // total_changes counts this connection's writes (syncs, notices, plays); data_version other processes'.
    this.changeCounters = [core.cache.db, core.stateDb].flatMap((db) => {
      const own = db.prepare('SELECT total_changes()').pluck()
      const others = db.prepare('PRAGMA data_version').pluck()
      return [() => own.get(), () => others.get()]
    })
  }

  /** The status as JSON text, checked against StatusSchema when it was built. */
  json(): string {
    const key = [
      this.core.configVersion,
      this.core.cspViolations,
      ...this.changeCounters.map((count) => count()),
    ].join(':')
    const now = performance.now()
    const snapshot = this.snapshot
    if (snapshot && snapshot.key === key && now - snapshot.at < SNAPSHOT_MAX_AGE_MS) return snapshot.json
    const json = JSON.stringify(StatusSchema.encode(this.report()))
    this.snapshot = { key, at: now, json }
    return json
  }

  report(): Status {
    const core = this.core
    const config = core.config
    const now = core.clock.now()
    const latest = core.playLog.latest()
    const memory = process.memoryUsage()
    const storage = this.storageFigures()
    return {
      software: { name: 'infomonitor', version: VERSION },
      uptimeSeconds: Math.max(0, Math.floor((now.getTime() - core.startedAt.getTime()) / 1000)),
      startedAt: core.startedAt.toISOString(),
      configVersion: core.configVersion,
      monitor: { id: config.monitor.id, name: config.monitor.name },
      sources: config.sources.map((source) => {
        const state = core.cache.sources.get(source.id)
        return {
          id: source.id,
          type: source.type,
          enabled: source.enabled,
          lastOkAt: state.lastOkAt?.toISOString() ?? null,
          lastError: state.lastError
            ? {
                code: state.lastError.code,
                message: state.lastError.message,
                at: state.lastErrorAt?.toISOString() ?? null,
              }
            : null,
          itemCount: state.itemCount,
          consecutiveFailures: state.consecutiveFailures,
          backingOffForMs: source.enabled
            ? Math.max(0, Math.ceil(core.scheduler.backoffRemainingMs(source.id)))
            : 0,
        }
      }),
      currentSlide: latest
        ? { itemId: latest.itemId, kind: latest.kind, title: latest.title, shownAt: latest.shownAt }
        : null,
      display: core.displayPower.status(),
      cache: { bytes: storage.bytes, items: storage.items },
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      renderer: core.shell?.status() ?? null,
      cspViolations: core.cspViolations,
    }
  }

  private storageFigures(): { bytes: number; items: number } {
    const at = performance.now()
    if (this.storage && at - this.storage.at < STORAGE_TTL_MS) return this.storage
    const dir = this.core.cache.dir
    const files = DATABASE_FILES.reduce((total, file) => total + sizeOf(join(dir, file)), 0)
    const bytes = files + this.core.cache.assets.totalBytes() + this.core.uploads.totalBytes()
    let items = 0
    for (const count of this.core.cache.items.countsBySource().values()) items += count
    this.storage = { at, bytes, items }
    return this.storage
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
