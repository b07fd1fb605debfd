import type { Server } from 'node:http'
import type { LoadedConfig } from '../../kiosk-config/config-loader.js'
import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import { ContentCache } from '../cache/content-cache.js'
import type { SqliteDatabase } from '../cache/sqlite-database.js'
import { startDemoFeedServer } from '../demo/demo-feed-server.js'
import { DisplayPower } from '../display/display-power.js'
import { type PlayerServer, startPlayerServer } from '../player/player-server.js'
import { PlayerStateHub } from '../player/player-state-hub.js'
import { PlayLog } from '../state/play-log.js'
import { openStateDatabase } from '../state/state-database.js'
import { SyncScheduler } from '../sync/sync-scheduler.js'
import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'

export interface KioskCoreOptions {
  loaded: LoadedConfig
  clock: Clock
  log: Logger
  /** Overrides player.port (0 = any free port), e.g. for tests. */
  playerPort?: number
}

/**
 * The composition root of the core: cache and state databases, the sync schedule, the
 * player endpoint and the display power. Plain Node; the shells only look at `playerUrl`.
 * The screen comes up from the cache at once; the first sync runs behind it.
 */
export class KioskCore {
  readonly cache: ContentCache
  readonly stateDb: SqliteDatabase
  readonly playLog: PlayLog
  readonly scheduler: SyncScheduler
  readonly hub: PlayerStateHub
  readonly displayPower: DisplayPower
  readonly startedAt: Date
  private config: KioskConfig
  private player: PlayerServer | undefined
  private demoServer: Server | undefined
  cspViolations = 0

  private constructor(private readonly options: KioskCoreOptions) {
    const { clock, log } = options
    this.config = options.loaded.config
    this.startedAt = clock.now()
    const quarantine = (to: string, reason: string) =>
      log.error({ quarantinedTo: to, reason }, 'database failed its integrity check; moved aside, starting fresh')
    this.cache = ContentCache.open(this.config.cache.dir, quarantine)
    this.stateDb = openStateDatabase(this.config.cache.dir, quarantine)
    this.playLog = new PlayLog(this.stateDb)
    const deps = { cache: this.cache, monitor: this.config.monitor, clock, maxImageBytes: this.config.cache.maxImageBytes }
    this.scheduler = new SyncScheduler(deps, log, { onReport: () => this.hub.refresh() })
    this.hub = new PlayerStateHub({
      cache: this.cache,
      scheduler: this.scheduler,
      clock,
      config: () => this.config,
      externalVersions: () => this.stateDb.pragma('data_version', { simple: true }) as number,
    })
    this.displayPower = new DisplayPower(this.config.display, this.config.monitor.timezone, clock, log)
  }

  static async start(options: KioskCoreOptions): Promise<KioskCore> {
    const core = new KioskCore(options)
    await core.startServices()
    return core
  }

  get playerUrl(): string {
    return this.player!.url
  }

  get currentConfig(): KioskConfig {
    return this.config
  }

  private async startServices(): Promise<void> {
    const { clock, log } = this.options
    if (this.config.demoFeeds) this.demoServer = (await startDemoFeedServer(this.config.demoFeeds.port, clock)).server
    this.scheduler.schedule(this.config.sources, { cron: true })
    this.hub.start()
    this.player = await startPlayerServer(this.options.playerPort ?? this.config.player.port, {
      hub: this.hub,
      cache: this.cache,
      playLog: this.playLog,
      log,
      findItemUrl: (id) => this.cache.items.get(id)?.url,
      onCspViolation: () => {
        this.cspViolations++
      },
    })
    this.displayPower.start()
    log.info({ url: this.player.url, sources: this.config.sources.length }, 'player endpoint ready')
    void this.scheduler.syncAll().catch((error: Error) => log.error({ error: error.message }, 'initial sync failed'))
  }

  async stop(): Promise<void> {
    this.displayPower.stop()
    this.hub.stop()
    await this.scheduler.stop()
    await this.player?.close()
    this.demoServer?.close()
    this.cache.close()
    this.stateDb.close()
  }
}
