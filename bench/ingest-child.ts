// One measured run in a fresh process, so peak memory (maxRSS) belongs to that run alone.
// mode baseline: rss-parser's bare parse of the bytes. mode ingest: fetch from loopback,
// parse, sanitise and upsert with the real sync.
import { readFileSync } from 'node:fs'
import Parser from 'rss-parser'
import { ContentCache } from '../main/cache/content-cache.js'
import { syncSource } from '../main/sync/source-sync.js'
import { systemClock } from '../main/util/clock.js'
import { testMonitor, testSource } from '../test/helpers/configs.js'

const [mode, input, cacheDir] = process.argv.slice(2) as ['baseline' | 'ingest', string, string]
const before = process.resourceUsage().maxRSS
const started = performance.now()
let items = 0
if (mode === 'baseline') {
  const feed = await new Parser().parseString(readFileSync(input, 'utf8'))
  items = feed.items.length
} else {
  const cache = ContentCache.open(cacheDir)
  const source = testSource('rss', {
    id: 'bench',
    url: input,
    maxItems: 10_000,
    maxBytes: 50 * 1024 * 1024,
    maxAgeDays: 3650,
  })
  const report = await syncSource(source, {
    cache,
    monitor: testMonitor(),
    clock: systemClock,
    maxImageBytes: 1,
  })
  items = report.itemCount
  cache.close()
}
const ms = performance.now() - started
process.stdout.write(
  `${JSON.stringify({ mode, ms, items, maxRssKb: process.resourceUsage().maxRSS, startRssKb: before })}\n`,
)
