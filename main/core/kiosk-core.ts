import type { Server } from 'node:http'
import { dirname, resolve } from 'node:path'
import type { LoadedConfig } from '../../kiosk-config/config-loader.js'
import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import { type AdminServer, startAdminServer } from '../admin/admin-server.js'
import { PreviewSlots } from '../admin/preview-slots.js'
import { type Asset, AssetStore } from '../cache/asset-store.js'
import { ContentCache } from '../cache/content-cache.js'
import type { SqliteDatabase } from '../cache/sqlite-database.js'
import { ConfigVersions } from '../config/config-versions.js'
import { resolveStartupConfig } from '../config/running-config.js'
import { startDemoFeedServer } from '../demo/demo-feed-server.js'
import { DisplayPower } from '../display/display-power.js'
import { noticeToItem, targetsMonitor } from '../notices/notice-items.js'
import { NoticeStore } from '../notices/notice-store.js'
import { type PlayerServer, startPlayerServer } from '../player/player-server.js'
import { PlayerStateHub } from '../player/player-state-hub.js'
import { AuditLog } from '../state/audit-log.js'
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
  /** Overrides the port of admin.listen (0 = any free port), e.g. for tests. */
  adminPort?: number
}

/** What a shell (Electron or system Chromium) lends the core: its eyes, and its health. */
export interface AttachedShell {
  kind: 'electron' | 'chromium'
  screenshot(): Promise<Buffer>
  status(): { running: boolean; restarts: number; lastRestartAt?: string; lastReason?: string }
}

export interface ApplyResult {
  version: number
  /** Settings that take effect only after a restart (the rest is live). */
  restartRequired: string[]
}

const RESTART_FIELDS = ['cache.dir', 'player.port', 'admin.listen', 'demoFeeds'] as const
const ASSET_GC_MS = 60 * 60_000

/**
 * The composition root of the core: databases, sync schedule, notices, config versions, the
 * player endpoint and the display power. Plain Node; the shells only look at `playerUrl`.
 * The screen comes up from the cache at once; the first sync runs behind it.
 */
export class KioskCore {
  readonly cache: ContentCache
  readonly stateDb: SqliteDatabase
  readonly playLog: PlayLog
  readonly auditLog: AuditLog
  readonly notices: NoticeStore
  readonly uploads: AssetStore
  readonly configVersions: ConfigVersions
  readonly scheduler: SyncScheduler
  readonly hub: PlayerStateHub
  readonly displayPower: DisplayPower
  readonly startedAt: Date
  /** One-off player states for admin previews, served to the headless page by the player endpoint. */
  readonly previews = new PreviewSlots()
  cspViolations = 0
  /** Set by the shell that shows the player page; absent under `serve`. */
  shell: AttachedShell | undefined
  private loaded: LoadedConfig
  private version: number
  private player: PlayerServer | undefined
  private admin: AdminServer | undefined
  private demoServer: Server | undefined
  private gcTimer: NodeJS.Timeout | undefined

  private constructor(private readonly options: KioskCoreOptions) {
    const { clock, log } = options
    this.startedAt = clock.now()
    const dir = options.loaded.config.cache.dir
    const quarantine = (to: string, reason: string) =>
      log.error(
        { quarantinedTo: to, reason },
        'database failed its integrity check; moved aside, starting fresh',
      )
    this.cache = ContentCache.open(dir, quarantine)
    this.stateDb = openStateDatabase(dir, quarantine)
    this.playLog = new PlayLog(this.stateDb)
    this.auditLog = new AuditLog(this.stateDb)
    this.notices = new NoticeStore(this.stateDb)
    this.uploads = new AssetStore(this.stateDb, dir, { folder: 'uploads', durable: true })
    this.configVersions = new ConfigVersions(this.stateDb)
    const running = resolveStartupConfig(options.loaded, this.configVersions, log, clock.now())
    this.loaded = running.loaded
    this.version = running.version
    const config = this.loaded.config
    this.scheduler = new SyncScheduler(this.syncDependencies(config), log, {
      onReport: () => this.hub.refresh(),
    })
    this.hub = new PlayerStateHub({
      cache: this.cache,
      scheduler: this.scheduler,
      clock,
      config: () => this.loaded.config,
      notices: () => this.noticeItems(),
      externalVersions: () => this.stateDb.pragma('data_version', { simple: true }) as number,
    })
    this.displayPower = new DisplayPower(config.display, config.monitor.timezone, clock, log)
  }

  static async start(options: KioskCoreOptions): Promise<KioskCore> {
    const core = new KioskCore(options)
    await core.startServices()
    return core
  }

  get playerUrl(): string {
    return this.player!.url
  }

  /** The admin API's base URL (…/api/v1), once it listens. */
  get adminUrl(): string | undefined {
    return this.admin?.url
  }

  get config(): KioskConfig {
    return this.loaded.config
  }

  get configVersion(): number {
    return this.version
  }

  get clock(): Clock {
    return this.options.clock
  }

  get log(): Logger {
    return this.options.log
  }

  /** An image by id: downloaded for a feed item, or uploaded with a notice. */
  findAsset(id: string): Asset | undefined {
    return this.cache.assets.get(id) ?? this.uploads.get(id)
  }

  /**
   * Makes a validated config the running one, atomically and live: stored as the next version
   * first (durably), then sources rescheduled, display hours and layout on screen at once.
   */
  applyConfig(next: LoadedConfig, actor: string): ApplyResult {
    const previous = this.loaded.config
    const stored = this.configVersions.append({
      text: next.text,
      format: next.format,
      hash: next.hash,
      appliedBy: actor,
      at: this.clock.now(),
    })
    this.loaded = { ...next, ...(this.loaded.file ? { file: this.loaded.file } : {}) }
    this.version = stored.version
    const config = next.config
    this.scheduler.schedule(config.sources, { cron: true, deps: this.syncDependencies(config) })
    this.displayPower.reconfigure(config.display, config.monitor.timezone)
    this.hub.refresh()
    const restartRequired = RESTART_FIELDS.filter(
      (field) => JSON.stringify(pick(previous, field)) !== JSON.stringify(pick(config, field)),
    )
    this.log.info({ version: stored.version, actor, restartRequired }, 'config applied')
    return { version: stored.version, restartRequired }
  }

  private syncDependencies(config: KioskConfig) {
    return {
      cache: this.cache,
      monitor: config.monitor,
      clock: this.options.clock,
      maxImageBytes: config.cache.maxImageBytes,
    }
  }

  private noticeItems() {
    const monitor = this.loaded.config.monitor
    return this.notices
      .list()
      .filter((notice) => targetsMonitor(notice, monitor))
      .map(noticeToItem)
  }

  private findItemUrl(id: string): string | undefined {
    if (id.startsWith('notices:')) return this.notices.get(id.slice('notices:'.length))?.url
    return this.cache.items.get(id)?.url
  }

  private async startServices(): Promise<void> {
    const { clock, log } = this.options
    const config = this.loaded.config
    if (config.demoFeeds) this.demoServer = (await startDemoFeedServer(config.demoFeeds.port, clock)).server
    this.scheduler.schedule(config.sources, { cron: true })
    this.hub.start()
    this.player = await startPlayerServer(this.options.playerPort ?? config.player.port, {
      hub: this.hub,
      findAsset: (id) => this.findAsset(id),
      playLog: this.playLog,
      log,
      findItemUrl: (id) => this.findItemUrl(id),
      onCspViolation: () => {
        this.cspViolations++
      },
      previews: this.previews,
    })
    await this.startAdmin()
    this.displayPower.start()
    this.gcTimer = setInterval(() => this.collectAssetGarbage(), ASSET_GC_MS)
    this.gcTimer.unref()
    log.info(
      { url: this.player.url, sources: config.sources.length, configVersion: this.version },
      'player endpoint ready',
    )
    void this.scheduler
      .syncAll()
      .catch((error: Error) => log.error({ error: error.message }, 'initial sync failed'))
  }

  /** The screen does not depend on the admin API: if it cannot listen, the kiosk runs on without it. */
  private async startAdmin(): Promise<void> {
    const file = this.loaded.file
    try {
      this.admin = await startAdminServer(this, {
        configBaseDir: file ? dirname(resolve(file)) : process.cwd(),
        ...(this.options.adminPort !== undefined ? { port: this.options.adminPort } : {}),
      })
    } catch (error) {
      this.options.log.error(
        { listen: this.loaded.config.admin.listen, error: (error as Error).message },
        'admin API could not start; the screen runs on without it',
      )
    }
  }

  private collectAssetGarbage(): void {
    const referenced = new Set(this.cache.items.referencedAssetIds())
    const hourAgo = new Date(this.clock.now().getTime() - 60 * 60_000)
    const removed = this.cache.assets.collectGarbage(referenced, hourAgo)
    if (removed > 0) this.log.info({ removed }, 'unused images removed from the cache')
  }

  async stop(): Promise<void> {
    await this.admin?.close()
    clearInterval(this.gcTimer)
    this.displayPower.stop()
    this.hub.stop()
    await this.scheduler.stop()
    await this.player?.close()
    this.demoServer?.close()
    this.cache.close()
    this.stateDb.close()
  }
}

function pick(config: KioskConfig, path: (typeof RESTART_FIELDS)[number]): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], config)
}
