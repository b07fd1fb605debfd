// A child process for the crash test: syncs one RSS source over and over against the URL it is
// given, alternating between two versions of the feed, and prints a line after every commit.
import { ContentCache } from '../../../main/cache/content-cache.js'
import { syncSource } from '../../../main/sync/source-sync.js'
import { systemClock } from '../../../main/util/clock.js'
import { testMonitor, testSource } from '../../helpers/configs.js'

const [cacheDir, baseUrl] = process.argv.slice(2) as [string, string]
const cache = ContentCache.open(cacheDir)
const monitor = testMonitor()
for (let round = 0; ; round++) {
  const source = testSource('rss', {
    id: 'crash-news',
    url: `${baseUrl}/feed-${round % 2 === 0 ? 'a' : 'b'}.xml`,
    maxItems: 5000,
  })
  const report = await syncSource(source, { cache, monitor, clock: systemClock, maxImageBytes: 1024 })
  process.stdout.write(`synced ${round} ${report.outcome} ${report.itemCount}\n`)
}
