// The core of the soak benchmark in a process of its own, so its RSS is the core's alone. The
// soak bench compiles it with the core (tsc, as `npm run build` does) and runs the JavaScript,
// as an installed kiosk does: no TypeScript loader in the measured process. The demo config
// (its feeds served by this process too) with every slide 1 s long. Sends the player URL once
// the cache is synced; answers 'memory' with its memory, ends on 'stop'.
import { readFileSync } from 'node:fs'
import { parseConfigText } from '../kiosk-config/config-loader.js'
import { KioskCore } from '../main/core/kiosk-core.js'
import { systemClock } from '../main/util/clock.js'
import { silentLogger } from '../main/util/logger.js'
import { packagePath } from '../main/util/package-root.js'

const [cacheDir] = process.argv.slice(2) as [string]
const examples = packagePath('kiosk-config', 'examples')
const loaded = parseConfigText(readFileSync(`${examples}/demo.yaml`, 'utf8'), 'yaml', examples)
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
loaded.config.cache.dir = cacheDir
loaded.config.rotation.minSeconds = 1
loaded.config.rotation.maxSeconds = 1
const core = await KioskCore.start({
  loaded,
  clock: systemClock,
  log: silentLogger(),
  playerPort: 0,
  adminPort: 0,
})
await core.scheduler.syncAll()
core.hub.refresh()
process.send!({ url: core.playerUrl })
process.on('message', async (message) => {
  if (message === 'memory') {
    const { rss, heapUsed } = process.memoryUsage()
    const { plays } = core.stateDb.prepare('SELECT count(*) AS plays FROM play_log').get() as {
      plays: number
    }
    process.send!({ rss, heapUsed, plays })
  } else if (message === 'stop') {
    await core.stop()
    process.exit(0)
  }
})
