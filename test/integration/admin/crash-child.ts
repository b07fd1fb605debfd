// A child process for the kill -9 tests: starts a real KioskCore on the config file it is given
// and, through its own admin API, either creates notices or pushes configs in a loop, printing
// one line after each acknowledged (2xx) answer. The parent kills it at random points.
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { loadConfigFile } from '../../../kiosk-config/config-loader.js'
import { KioskCore } from '../../../main/core/kiosk-core.js'
import { systemClock } from '../../../main/util/clock.js'
import { silentLogger } from '../../../main/util/logger.js'

const [mode, configFile, otherFile] = process.argv.slice(2) as ['notices' | 'config', string, string?]
const token = process.env.INFOMONITOR_TEST_TOKEN!
const loaded = loadConfigFile(configFile)
if (!loaded.ok) throw new Error(`config invalid: ${JSON.stringify(loaded.problems)}`)
const core = await KioskCore.start({
  loaded,
  clock: systemClock,
  log: silentLogger(),
  playerPort: 0,
  adminPort: 0,
})
const headers = { authorization: `Bearer ${token}` }
const say = (line: string) => process.stdout.write(`${line}\n`)
say(`ready ${dirname(configFile)}`)

if (mode === 'notices') {
  for (let n = 0; ; n++) {
    const response = await fetch(`${core.adminUrl}/notices`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `Aushang ${n}`,
        text: 'Die Sprechzeiten des Bürgerbüros ändern sich. '.repeat(20),
        validFrom: '2026-01-01T00:00:00+01:00',
        hours: [{ from: '22:00', to: '06:00' }],
      }),
    })
    const body = (await response.json()) as { id: string }
    if (response.status === 201) say(`acked ${body.id}`)
  }
} else {
  const texts = [readFileSync(configFile, 'utf8'), readFileSync(otherFile!, 'utf8')]
  for (;;) {
    const running = core.configVersions.get(core.configVersion)!.text
    const next = running === texts[0] ? texts[1]! : texts[0]!
    const response = await fetch(`${core.adminUrl}/config`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/yaml', 'if-match': `"${core.configVersion}"` },
      body: next,
    })
    const body = (await response.json()) as { version: number }
    if (response.status === 200) say(`acked ${body.version}`)
  }
}
