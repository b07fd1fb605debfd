import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ContentCache } from '../../../main/cache/content-cache.js'
import { SyncScheduler } from '../../../main/sync/sync-scheduler.js'
import type { Clock } from '../../../main/util/clock.js'
import { silentLogger } from '../../../main/util/logger.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { rssFeed } from '../../helpers/rss-fixtures.js'
import { tempDir } from '../../helpers/temp-dir.js'

describe('SyncScheduler', () => {
  const server = new FixtureServer()
  let dir: ReturnType<typeof tempDir>
  let cache: ContentCache
  let now = new Date('2026-11-21T10:00:00Z')
  const clock: Clock = { now: () => now }

  beforeEach(async () => {
    await server.start()
    dir = tempDir()
    cache = ContentCache.open(dir.path)
    now = new Date('2026-11-21T10:00:00Z')
  })
  afterEach(async () => {
    cache.close()
    dir.remove()
    await server.stop()
  })

  function scheduler(path: string, schedule = '*/2 * * * *') {
    const instance = new SyncScheduler(
      { cache, monitor: testMonitor(), clock, maxImageBytes: 1024 },
      silentLogger(),
      { baseBackoffMs: 60_000 },
    )
    instance.schedule([testSource('rss', { id: 'news', url: server.url(path), schedule })], { cron: false })
    return instance
  }

  it('never runs two syncs of one source at the same time', async () => {
    let requests = 0
    server.route('/slow.xml', (_request, response) => {
      requests++
      setTimeout(() => response.end(rssFeed(['Langsame Meldung'])), 300)
    })
    const sync = scheduler('/slow.xml')
    const runs = await Promise.all([sync.tick('news'), sync.tick('news'), sync.syncNow('news')])
    expect(requests).toBe(1)
    expect(new Set(runs)).toHaveProperty('size', 1)
    expect(runs[0]?.outcome).toBe('changed')
  })

  it('backs off exponentially while a source keeps failing, and recovers at once when it answers', async () => {
    server.route('/flaky.xml', { status: 503, body: 'Wartung' })
    const sync = scheduler('/flaky.xml')
    const attemptsAt: number[] = []
    // Ticks every 2 minutes over 40 minutes: retries thin out as failures accumulate.
    for (let minute = 0; minute <= 40; minute += 2) {
      now = new Date(Date.parse('2026-11-21T10:00:00Z') + minute * 60_000)
      const report = await sync.tick('news')
      if (report) attemptsAt.push(minute)
    }
    // First retry at the next tick, then after 1, 3, 7, 15 intervals (capped by the 60 s base here).
    const gaps = attemptsAt.slice(1).map((minute, index) => minute - attemptsAt[index]!)
    expect(gaps.slice(0, 4)).toEqual([2, 2, 4, 8])
    expect(cache.sources.get('news').consecutiveFailures).toBe(attemptsAt.length)

    server.route('/flaky.xml', { body: rssFeed(['Wieder da']) })
    now = new Date(now.getTime() + 60 * 60_000)
    const recovered = await sync.tick('news')
    expect(recovered?.outcome).toBe('changed')
    expect(cache.sources.get('news').consecutiveFailures).toBe(0)
    expect(sync.backoffRemainingMs('news')).toBe(0)
  })
})
