import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import { ContentCache } from '../cache/content-cache.js'
import { startDemoFeedServer } from '../demo/demo-feed-server.js'
import { SyncScheduler } from '../sync/sync-scheduler.js'
import type { Clock } from '../util/clock.js'
import { createLogger, type Logger, silentLogger } from '../util/logger.js'

export interface Runtime {
  config: KioskConfig
  clock: Clock
  cache: ContentCache
  scheduler: SyncScheduler
  log: Logger
  close(): Promise<void>
}

/**
 * The pieces every long-running or syncing command needs: the cache opened (and checked),
 * the demo feeds served when the config asks, and a scheduler over the config's sources.
 */
export async function openRuntime(
  config: KioskConfig,
  clock: Clock,
  options: { quiet?: boolean; cron?: boolean } = {},
): Promise<Runtime> {
  const log = options.quiet && !process.env.INFOMONITOR_LOG_LEVEL ? silentLogger() : createLogger()
  const cache = ContentCache.open(config.cache.dir, (to, reason) =>
    log.error({ quarantinedTo: to, reason }, 'cache failed its integrity check; moved aside, starting empty'),
  )
  const demo = config.demoFeeds ? await startDemoFeedServer(config.demoFeeds.port, clock) : undefined
  const deps = { cache, monitor: config.monitor, clock, maxImageBytes: config.cache.maxImageBytes }
  const scheduler = new SyncScheduler(deps, log)
  scheduler.schedule(config.sources, { cron: options.cron ?? false })
  return {
    config,
    clock,
    cache,
    scheduler,
    log,
    async close() {
      await scheduler.stop()
      demo?.server?.close()
      cache.close()
    },
  }
}
