import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_ENV } from '../../../main/cli/remote-command.js'
import { cli } from '../../helpers/cli.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { rssFeed } from '../../helpers/rss-fixtures.js'
import { type AdminHarness, http, pngSize, startAdminHarness } from '../admin/admin-harness.js'

/** A port nothing listens on: bound once, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('infomonitor remote', () => {
  const feeds = new FixtureServer()
  let h: AdminHarness
  let url: string
  const remote = (...args: string[]) => cli('remote', '--url', url, ...args)

  beforeAll(async () => {
    feeds.route('/news.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rssFeed(['Stadtrat tagt']),
    })
    feeds.route('/baustellen.csv', { status: 500, body: 'kaputt' })
    await feeds.start()
    h = await startAdminHarness({
      extra: [
        'sources:',
        '  - id: stadt-news',
        '    type: rss',
        `    url: ${feeds.url('/news.xml')}`,
        '  - id: baustellen',
        '    type: csv',
        `    url: ${feeds.url('/baustellen.csv')}`,
        '    fields: { title: titel }',
      ].join('\n'),
    })
    await h.core.scheduler.syncNow('stadt-news')
    await h.core.scheduler.syncNow('baustellen')
    // What the screen reported last is the current slide.
    const played = await http(`${h.core.playerUrl}api/plays`, {
      method: 'POST',
      body: {
        plays: [
          {
            itemId: 'stadt-news:1',
            sourceId: 'stadt-news',
            kind: 'news',
            title: 'Stadtrat tagt',
            shownAt: new Date().toISOString(),
            durationMs: 8000,
          },
        ],
      },
    })
    expect(played.status).toBe(204)
    // The admin API's own address, as IT would type it: no path.
    url = new URL(h.url).origin
  })
  afterEach(() => {
    delete process.env[TOKEN_ENV]
  })
  afterAll(async () => {
    await h?.stop()
    await feeds.stop()
  })

  it('prints the status as a table: monitor, version, config version, uptime, display, slide, sources', async () => {
    const result = await remote('--token', h.tokens.press, 'status')
    expect(result.code, result.stderr).toBe(0)
    const out = result.stdout
    expect(out).toMatch(/^Monitor\s+Schmölln \(test-monitor\)$/m)
    expect(out).toMatch(/^Software\s+infomonitor \d+\.\d+\.\d+/m)
    expect(out).toMatch(/^Config version\s+1$/m)
    expect(out).toMatch(/^Uptime\s+\d+ min \(since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)$/m)
    expect(out).toMatch(/^Display\s+on$/m)
    expect(out).toMatch(/^Current slide\s+news "Stadtrat tagt" \(since /m)
    expect(out).toMatch(/ID\s+TYPE\s+ENABLED\s+ITEMS\s+LAST SUCCESS\s+LAST ERROR/)
    expect(out).toMatch(/stadt-news\s+rss\s+yes\s+1\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+-$/m)
    expect(out).toMatch(/baustellen\s+csv\s+yes\s+0\s+never\s+HttpError at \d{4}-.*500/m)
  })

  it('takes the token from INFOMONITOR_TOKEN, so it stays out of shell history', async () => {
    process.env[TOKEN_ENV] = h.tokens.press
    const result = await remote('notices', 'list')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('no notices')
  })

  it('exits 2 on usage errors: no URL, no token, a URL that is not http(s), an unknown subcommand', async () => {
    const noUrl = await cli('remote', '--token', h.tokens.it, 'status')
    expect(noUrl.code).toBe(2)
    expect(noUrl.stderr).toMatch(/--url is missing/)
    const noToken = await remote('status')
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toMatch(/INFOMONITOR_TOKEN/)
    const ftp = await cli('remote', '--url', 'ftp://monitor', '--token', h.tokens.it, 'status')
    expect(ftp.code).toBe(2)
    expect(ftp.stderr).toMatch(/not an http\(s\) address/)
    expect((await remote('--token', h.tokens.it, 'reboot')).code).toBe(2)
    expect((await remote('--token', h.tokens.it, 'config', 'rollback', '--to', 'latest')).code).toBe(2)
    expect((await remote('--token', h.tokens.it, 'config', 'push', join(h.dir, 'missing.yaml'))).code).toBe(2)
  })

  it('exits 1 when the monitor refuses: an unknown token, a role that may not, no monitor at the address', async () => {
    const wrong = await remote('--token', `imt_${'A'.repeat(43)}`, 'status')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/refused the token \(401\)/)
    const press = await remote('--token', h.tokens.press, 'config', 'get')
    expect(press.code).toBe(1)
    expect(press.stderr).toMatch(/403/)
    const nobody = await cli(
      'remote',
      '--url',
      `http://127.0.0.1:${await closedPort()}`,
      '--token',
      'x',
      'status',
    )
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toMatch(/cannot reach the monitor/)
  })

  it('gets the config text exactly as pushed, its version on stderr (so `> file` keeps the text clean)', async () => {
    process.env[TOKEN_ENV] = h.tokens.it
    const result = await remote('config', 'get')
    expect(result.code, result.stderr).toBe(0)
    expect(`${result.stdout}\n`.trimEnd()).toBe(h.text.trimEnd())
    expect(result.stderr).toMatch(/config version 1 \(yaml\)/)
  })

  it('pushes a config with If-Match; a refused one lists every problem with path and line, and nothing changes', async () => {
    process.env[TOKEN_ENV] = h.tokens.it
    const before = h.core.configVersion
    const bad = join(h.dir, 'bad.yaml')
    writeFileSync(
      bad,
      `${h.text.replace('  timezone: Europe/Berlin', '  timezone: Europe/Berlin\n  colour: red')}\nrotation:\n  minSeconds: -3\n`,
    )
    const refused = await remote('config', 'push', bad)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/refused by the monitor, 2 problems; nothing changed/)
    expect(refused.stderr).toMatch(/^ {2}monitor\.colour \(line 6\): unknown key "colour"/m)
    expect(refused.stderr).toMatch(/^ {2}rotation\.minSeconds \(line \d+\): /m)
    expect(h.core.configVersion).toBe(before)

    const good = join(h.dir, 'good.yaml')
    writeFileSync(good, h.text.replace('name: Schmölln', 'name: Schmölln Markt'))
    const applied = await remote('config', 'push', good)
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toBe(`applied: config version ${before + 1} is running (was ${before})`)
    expect(h.core.config.monitor.name).toBe('Schmölln Markt')
    const again = await remote('config', 'push', good)
    expect(again.stdout).toMatch(/unchanged: the monitor already runs this config/)
  })

  it('says so when someone else pushed between its GET and its PUT (412), and changes nothing', async () => {
    process.env[TOKEN_ENV] = h.tokens.it
    const mine = join(h.dir, 'mine.yaml')
    writeFileSync(mine, h.text.replace('name: Schmölln', 'name: Meine Änderung'))
    const theirs = h.text.replace('name: Schmölln', 'name: Deren Änderung')
    const realFetch = globalThis.fetch
    // A colleague's push lands right after this CLI read the running version.
    globalThis.fetch = async (input, init) => {
      if (init?.method === 'PUT') {
        const version = h.core.configVersion
        await http(`${h.url}/config`, {
          method: 'PUT',
          token: h.tokens.it,
          headers: { 'content-type': 'application/yaml', 'if-match': `"${version}"` },
          body: theirs,
        })
      }
      return realFetch(input, init)
    }
    try {
      const result = await remote('config', 'push', mine)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /someone else pushed a config meanwhile \(the monitor now runs version \d+\)/,
      )
    } finally {
      globalThis.fetch = realFetch
    }
    expect(h.core.config.monitor.name).toBe('Deren Änderung')
  })

  it('rolls back to a version, as a new version', async () => {
    process.env[TOKEN_ENV] = h.tokens.it
    const before = h.core.configVersion
    const result = await remote('config', 'rollback', '--to', '1')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe(`rolled back to version 1: running as config version ${before + 1}`)
    expect(h.core.config.monitor.name).toBe('Schmölln')
    const previous = await remote('config', 'rollback')
    expect(previous.code, previous.stderr).toBe(0)
    expect(previous.stdout).toMatch(/rolled back to the previous version: running as config version/)

    const versions = await remote('config', 'versions')
    expect(versions.code, versions.stderr).toBe(0)
    const [header, newest, ...older] = versions.stdout.split('\n')
    expect(header).toMatch(/^VERSION\s+APPLIED\s+FORMAT\s+BY$/)
    expect(newest).toMatch(new RegExp(`^\\*${h.core.configVersion}\\s+\\d{4}-\\S+Z\\s+yaml\\s+it-admin$`))
    expect(older.at(-1)).toMatch(/^ 1\s+\S+\s+yaml\s+file$/)
  })

  it('lists notices as a table with where each stands', async () => {
    const create = (body: object) => http(`${h.url}/notices`, { method: 'POST', token: h.tokens.press, body })
    expect(
      (await create({ title: 'Stadtfest am Markt', validFrom: '2020-01-01T10:00:00+01:00' })).status,
    ).toBe(201)
    expect((await create({ title: 'Weihnachtsmarkt', validFrom: '2099-12-01T10:00:00+01:00' })).status).toBe(
      201,
    )
    const result = await remote('--token', h.tokens.press, 'notices', 'list')
    expect(result.code, result.stderr).toBe(0)
    const [header, ...rows] = result.stdout.split('\n')
    expect(header).toMatch(/^STATUS\s+PRIORITY\s+FROM\s+UNTIL\s+TITLE\s+ID$/)
    expect(rows.find((row) => row.includes('Stadtfest am Markt'))).toMatch(
      /^on-air\s+normal\s+2020-01-01T09:00:00Z\s+-\s+Stadtfest am Markt\s+\S+$/,
    )
    expect(rows.find((row) => row.includes('Weihnachtsmarkt'))).toMatch(
      /^scheduled\s+normal\s+2099-12-01T09:00:00Z/,
    )
  })

  it('saves a screenshot of what the screen shows as a PNG', async () => {
    const out = join(h.dir, 'screen.png')
    const result = await remote('--token', h.tokens.press, 'screenshot', out)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^saved .*screen\.png \(1920×1080 px, \d+ KB, taken by headless\)$/)
    expect(pngSize(readFileSync(out))).toEqual({ width: 1920, height: 1080 })
  })
})
