import { EventEmitter } from 'node:events'
import type { ContentItem } from '../../content-sources/content-item.js'
import type { PlayerState } from '../../contracts/player-state.js'
import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import type { ContentCache } from '../cache/content-cache.js'
import type { SyncScheduler } from '../sync/sync-scheduler.js'
import type { Clock } from '../util/clock.js'
import { buildPlayerState } from './player-state-builder.js'

export interface PlayerStateSources {
  cache: ContentCache
  scheduler: SyncScheduler
  clock: Clock
  config(): KioskConfig
  /** Notices for this monitor (added by the admin API); none by default. */
  notices?(): readonly ContentItem[]
  /** data_version of other databases whose writes should refresh the screen (state.db). */
  externalVersions?(): number
}

/** How often time alone (an item starting or ending, display hours) is checked. */
const TICK_MS = 5_000
/** How often the databases are asked whether another connection changed them. */
const WATCH_MS = 400

/**
 * Keeps the current PlayerState and tells listeners ('change') the moment what the screen
 * should show differs: after a sync, a write by another process to the cache (polled through
 * SQLite's data_version, so the CLI or a test inserting a warning is seen within half a
 * second), or the clock crossing an item's or the display's edge.
 */
export class PlayerStateHub extends EventEmitter<{ change: [PlayerState] }> {
  private state: Omit<PlayerState, 'serverTime'> | undefined
  private key = ''
  private timers: NodeJS.Timeout[] = []
  private lastDataVersion = -1

  constructor(private readonly sources: PlayerStateSources) {
    super()
  }

  start(): void {
    this.refresh()
    this.timers.push(setInterval(() => this.refresh(), TICK_MS))
    this.timers.push(setInterval(() => this.refreshIfDatabaseChanged(), WATCH_MS))
    for (const timer of this.timers) timer.unref()
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
  }

  current(): PlayerState {
    if (!this.state) this.refresh()
    return { ...this.state!, serverTime: this.sources.clock.now().toISOString() }
  }

  /** Recomputes the state; emits 'change' when anything on screen would differ. */
  refresh(): void {
    const { cache, scheduler, clock } = this.sources
    const config = this.sources.config()
    const now = clock.now()
    const items = [...cache.items.showable(now, { limit: 5_000 }), ...(this.sources.notices?.() ?? [])]
    const sources = config.sources
      .filter((source) => source.enabled)
      .map((source) => ({
        state: cache.sources.get(source.id),
        intervalMs: scheduler.intervalMs(source.id) ?? 60_000,
        type: source.type,
      }))
    const next = buildPlayerState({ config, items, sources, now })
    const key = JSON.stringify(next)
    this.state = next
    if (key === this.key) return
    this.key = key
    this.emit('change', this.current())
  }

  private refreshIfDatabaseChanged(): void {
    const version =
      (this.sources.cache.db.pragma('data_version', { simple: true }) as number) * 1_000_003 +
      (this.sources.externalVersions?.() ?? 0)
    if (version === this.lastDataVersion) return
    this.lastDataVersion = version
    this.refresh()
  }
}
