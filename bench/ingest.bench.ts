// Issue "Content pipeline" budgets: ingest of a 5,000-item RSS feed against rss-parser's bare
// parse of the same bytes (same run), re-sync of the unchanged feed, and the `items` query
// over 100,000 cached items. Run: npm run bench -- ingest
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ContentCache } from '../main/cache/content-cache.js'
import { syncSource } from '../main/sync/source-sync.js'
import { systemClock } from '../main/util/clock.js'
import { testMonitor, testSource } from '../test/helpers/configs.js'
import { FixtureServer } from '../test/helpers/fixture-server.js'
import { testItem } from '../test/helpers/items.js'
import { tempDir } from '../test/helpers/temp-dir.js'
import { largeRssFeed } from './lib/large-feed.js'
import { median, medianMs, round, runChild } from './lib/measure.js'

interface ChildResult {
  ms: number
  items: number
  maxRssKb: number
}

const RUNS = 5
const dir = tempDir('infomonitor-bench-')
const server = await new FixtureServer().start()
try {
  const feed = largeRssFeed(5000)
  const file = join(dir.path, 'feed.xml')
  writeFileSync(file, feed)
  server.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: feed })
  server.route('/etag.xml', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end()
    response.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end(feed)
  })
  console.log(`feed: 5,000 items, ${round(feed.length / 1024 / 1024)} MB`)

  // 1. Ingest vs bare parse, each run in a fresh process for honest peak memory.
  const baseline: ChildResult[] = []
  const ingest: ChildResult[] = []
  for (let run = 0; run < RUNS; run++) {
    baseline.push(await runChild<ChildResult>('bench/ingest-child.ts', ['baseline', file]))
    ingest.push(
      await runChild<ChildResult>('bench/ingest-child.ts', [
        'ingest',
        server.url('/feed.xml'),
        join(dir.path, `cache-${run}`),
      ]),
    )
  }
  const baseMs = median(baseline.map((r) => r.ms))
  const ingestMs = median(ingest.map((r) => r.ms))
  const baseRss = median(baseline.map((r) => r.maxRssKb)) / 1024
  const ingestRss = median(ingest.map((r) => r.maxRssKb)) / 1024
  console.log(
    `ingest 5,000 items: ${round(ingestMs)} ms vs rss-parser bare parse ${round(baseMs)} ms → ${round(ingestMs / baseMs)}× (goal ≤ 2×)`,
  )
  console.log(
    `peak RSS: ingest ${round(ingestRss, 1)} MB vs bare parse ${round(baseRss, 1)} MB → ${round(ingestRss / baseRss)}×`,
  )
  console.log(`items stored: ${ingest[0]!.items}`)

  // 2. Re-sync of the unchanged feed: no parse, no item write.
  const cache = ContentCache.open(join(dir.path, 'resync'))
  const deps = { cache, monitor: testMonitor(), clock: systemClock, maxImageBytes: 1 }
  for (const path of ['/feed.xml', '/etag.xml']) {
    const source = testSource('rss', {
      id: `resync${path.replace(/\W/g, '')}`,
      url: server.url(path),
      maxItems: 10_000,
      maxBytes: 50 * 1024 * 1024,
      maxAgeDays: 3650,
    })
    await syncSource(source, deps)
    const itemsBefore = cache.db.prepare('SELECT count(*) AS n, max(rowid) AS last FROM items').get()
    let parses = 0
    const ms = await medianMs(
      async () => {
        const report = await syncSource(source, deps)
        if (report.parsed) parses++
      },
      9,
      1,
    )
    const itemsAfter = cache.db.prepare('SELECT count(*) AS n, max(rowid) AS last FROM items').get()
    const unchangedItems = JSON.stringify(itemsBefore) === JSON.stringify(itemsAfter)
    console.log(
      `re-sync unchanged (${path === '/etag.xml' ? '304 Not Modified' : 'same body, no validators'}): ${round(ms)} ms, parses ${parses}, item rows untouched: ${unchangedItems} (vs first ingest ${round(ingestMs)} ms → ${round(ms / ingestMs, 3)}×)`,
    )
  }
  cache.close()

  // 3. The items query over 100,000 cached items.
  const big = ContentCache.open(join(dir.path, 'big'))
  const now = new Date('2026-11-21T12:00:00Z')
  const hour = 3_600_000
  for (let source = 0; source < 20; source++) {
    const items = Array.from({ length: 5000 }, (_, index) => {
      const n = source * 5000 + index
      // 1 in 200 is showable now; the rest ended or start later, as in a real long-running cache.
      const offset = n % 200 === 0 ? -hour : n % 2 === 0 ? -(n + 2) * hour : (n + 2) * hour
      const validFrom = new Date(now.getTime() + offset)
      return testItem({
        id: `s${source}:item-${index}`,
        sourceId: `s${source}`,
        kind: (['news', 'event', 'roadworks', 'tourism'] as const)[n % 4]!,
        validFrom: validFrom.toISOString(),
        validUntil: new Date(validFrom.getTime() + 2 * hour).toISOString(),
      })
    })
    big.items.replaceSnapshot(`s${source}`, items)
  }
  const realistic = await medianMs(() => big.items.showable(now, { limit: 5000 }), 51, 5)
  const shown = big.items.showable(now, { limit: 5000 }).length
  const baselineCount = await medianMs(() => big.db.prepare('SELECT count(*) FROM items').get(), 51, 5)
  console.log(
    `items query over 100,000 cached (${shown} showable): ${round(realistic, 3)} ms (goal ≤ 5 ms); full-table count(*) baseline ${round(baselineCount, 3)} ms`,
  )
  big.db.exec(`UPDATE items SET valid_from = ${now.getTime() - hour}, valid_until = ${now.getTime() + hour}`)
  const worst = await medianMs(() => big.items.showable(now, { limit: 5000 }), 21, 3)
  console.log(
    `items query, worst case (all 100,000 showable, capped at the 5,000 the screen can use): ${round(worst, 3)} ms`,
  )
  big.close()
} finally {
  await server.stop()
  dir.remove()
}
