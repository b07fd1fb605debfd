import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlayerState } from '../../../contracts/player-state.js'
import { type AdminHarness, http, startAdminHarness, within } from './admin-harness.js'

interface ConfigDocument {
  version: number
  hash: string
  format: string
  text: string
  config: { monitor: { name: string } }
}

describe('admin API: config push, history and rollback', () => {
  let h: AdminHarness
  const get = (path: string) => http(`${h.url}${path}`, { token: h.tokens.it })
  const push = (text: string, version: number | undefined, type = 'application/yaml') =>
    http(`${h.url}/config`, {
      method: 'PUT',
      token: h.tokens.it,
      headers: { 'content-type': type, ...(version !== undefined ? { 'if-match': `"${version}"` } : {}) },
      body: text,
    })
  const playerState = async () => (await http(`${h.core.playerUrl}api/state`)).json<PlayerState>()
  /** The harness's config with another town name, theme and one source more; comments included. */
  const edited = (name: string, extra = '') =>
    `${h.text.replace('name: Schmölln', `name: ${name} # renamed`)}\nlayout:\n  theme: dark\nsources:\n  - id: rathaus-news\n    type: rss\n    url: http://127.0.0.1:9/news.xml\n    schedule: '*/5 * * * *'\n${extra}`

  beforeAll(async () => {
    h = await startAdminHarness()
  })
  afterAll(async () => {
    await h?.stop()
  })

  it('serves the running config: the text exactly as written, its version as ETag', async () => {
    const response = await get('/config')
    expect(response.status).toBe(200)
    expect(response.headers.etag).toBe('"1"')
    const document = response.json<ConfigDocument>()
    expect(document).toMatchObject({ version: 1, format: 'yaml', text: h.text })
    expect(document.config.monitor.name).toBe('Schmölln')
  })

  it('requires If-Match (428) and refuses a stale one (412), changing nothing', async () => {
    const missing = await push(edited('Gößnitz'), undefined)
    expect(missing.status).toBe(428)
    expect(missing.json<{ error: string }>().error).toContain('If-Match')
    const stale = await push(edited('Gößnitz'), 7)
    expect(stale.status).toBe(412)
    expect((await get('/config')).json<ConfigDocument>().version).toBe(1)
  })

  it('refuses an invalid config with every problem (path, line, message) and keeps the running one', async () => {
    const before = await playerState()
    const broken = [
      'monitor:',
      '  id: test-monitor',
      '  name: Schmölln',
      '  colour: blau',
      'sources:',
      '  - id: news',
      '    type: rss',
      '    url: ftp://example.org/rss.xml',
      '  - id: events',
      '    type: ical',
      '    url: https://example.org/events.ics',
      '    schedule: "jede Stunde"',
      'rotation:',
      '  minSeconds: 0',
    ].join('\n')
    const response = await push(broken, 1)
    expect(response.status).toBe(422)
    const body = response.json<{
      error: string
      problems: { path: string; line?: number; message: string }[]
    }>()
    expect(body.error).toMatch(/4 problems/)
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'monitor.colour', line: 4 }),
        expect.objectContaining({ path: 'sources[0].url', line: 8 }),
        expect.objectContaining({ path: 'sources[1].schedule', line: 12 }),
        expect.objectContaining({ path: 'rotation.minSeconds', line: 14 }),
      ]),
    )
    const syntax = await push('monitor: [unclosed', 1)
    expect(syntax.status).toBe(422)
    expect(syntax.json<{ problems: { path: string }[] }>().problems[0]!.path).toBe('(syntax)')

    const after = await get('/config')
    expect(after.headers.etag).toBe('"1"')
    expect(after.json<ConfigDocument>().text).toBe(h.text)
    expect(h.core.configVersion).toBe(1)
    expect((await get('/config/versions')).json<{ versions: unknown[] }>().versions).toHaveLength(1)
    const state = await playerState()
    expect(state.monitor).toEqual(before.monitor)
    expect(state.layout).toEqual(before.layout)
  })

  it('refuses other content types (415) and bodies over 1 MB (413)', async () => {
    expect((await push(edited('Gößnitz'), 1, 'text/plain')).status).toBe(415)
    expect((await push(edited('Gößnitz'), 1, 'application/xml')).status).toBe(415)
    const huge = `${edited('Gößnitz')}\n${'# padding\n'.repeat(110_000)}`
    expect((await push(huge, 1)).status).toBe(413)
    expect(h.core.configVersion).toBe(1)
  })

  it('applies a valid config live: new version, screen and schedule updated at once', async () => {
    const text = edited('Gößnitz')
    const response = await push(text, 1)
    expect(response.status, response.text).toBe(200)
    expect(response.json()).toEqual({ version: 2, restartRequired: [] })
    expect(response.headers.etag).toBe('"2"')

    const { value: state, ms } = await within(2_000, async () => {
      const current = await playerState()
      return current.monitor.name === 'Gößnitz' ? current : undefined
    })
    expect(ms).toBeLessThan(2_000)
    expect(state.layout.theme).toBe('dark')
    expect(h.core.scheduler.intervalMs('rathaus-news')).toBe(5 * 60_000)
    const status = (await get('/status')).json<{ configVersion: number; sources: { id: string }[] }>()
    expect(status.configVersion).toBe(2)
    expect(status.sources.map((source) => source.id)).toEqual(['rathaus-news'])

    const document = await get('/config')
    expect(document.headers.etag).toBe('"2"')
    expect(document.json<ConfigDocument>().text).toBe(text)
    expect(document.json<ConfigDocument>().text).toContain('# renamed')

    const audit = (await get('/audit')).json<
      { action: string; actor: string; detail: { from: number; to: number } }[]
    >()
    expect(audit[0]).toMatchObject({ action: 'config.push', actor: 'it-admin', detail: { from: 1, to: 2 } })
  })

  it('takes a JSON config as text too, and reports settings that need a restart', async () => {
    const text = JSON.stringify(
      {
        monitor: { id: 'test-monitor', name: 'Ronneburg' },
        cache: { dir: h.core.config.cache.dir },
        player: { port: 9999 },
        admin: { tokens: h.entries },
      },
      null,
      2,
    )
    const response = await push(text, 2, 'application/json')
    expect(response.status, response.text).toBe(200)
    expect(response.json()).toEqual({ version: 3, restartRequired: ['player.port'] })
    const document = (await get('/config')).json<ConfigDocument>()
    expect(document).toMatchObject({ version: 3, format: 'json', text })
  })

  it('rolls back to the version before the current one as a new version; history stays linear', async () => {
    const earlier = h.core.configVersions.get(2)!.text
    const response = await http(`${h.url}/config/rollback`, { method: 'POST', token: h.tokens.it })
    expect(response.status, response.text).toBe(200)
    expect(response.json<{ version: number }>().version).toBe(4)
    const document = (await get('/config')).json<ConfigDocument>()
    expect(document.version).toBe(4)
    expect(document.text).toBe(earlier)
    expect((await playerState()).monitor.name).toBe('Gößnitz')

    const explicit = await http(`${h.url}/config/rollback`, {
      method: 'POST',
      token: h.tokens.it,
      body: { version: 1 },
    })
    expect(explicit.json<{ version: number }>().version).toBe(5)
    expect((await get('/config')).json<ConfigDocument>().text).toBe(h.text)
    expect((await playerState()).monitor.name).toBe('Schmölln')

    const versions = (await get('/config/versions')).json<{
      current: number
      versions: { version: number; appliedBy: string }[]
    }>()
    expect(versions.current).toBe(5)
    expect(versions.versions.map((entry) => entry.version)).toEqual([5, 4, 3, 2, 1])
    expect(versions.versions[0]).not.toHaveProperty('text')

    const unknown = await http(`${h.url}/config/rollback`, {
      method: 'POST',
      token: h.tokens.it,
      body: { version: 99 },
    })
    expect(unknown.status).toBe(404)
    const bad = await http(`${h.url}/config/rollback`, {
      method: 'POST',
      token: h.tokens.it,
      body: { version: 1, force: true },
    })
    expect(bad.status).toBe(422)
    expect(bad.json<{ problems: { path: string }[] }>().problems).toEqual([
      { path: 'force', message: 'unknown field' },
    ])

    const audit = (await get('/audit?limit=2')).json<{ action: string; detail: { restored: number } }[]>()
    expect(audit.map((entry) => [entry.action, entry.detail.restored])).toEqual([
      ['config.rollback', 1],
      ['config.rollback', 2],
    ])
  })

  it('reads tokens from the running config: a push that removes one locks it out at once', async () => {
    const withoutPress = h.text.replace(/^ {4}- .*"pressestelle".*$\n/m, '')
    expect(withoutPress).not.toBe(h.text)
    expect((await http(`${h.url}/notices`, { token: h.tokens.press })).status).toBe(200)
    expect((await push(withoutPress, h.core.configVersion)).status).toBe(200)
    expect(
      (await http(`${h.url}/notices`, { token: h.tokens.press, localAddress: '127.0.9.1' })).status,
    ).toBe(401)
    expect((await push(h.text, h.core.configVersion)).status).toBe(200)
    expect((await http(`${h.url}/notices`, { token: h.tokens.press })).status).toBe(200)
  })

  it('rolls back settings but never credentials: a token revoked since stays revoked', async () => {
    const withoutPress = h.text
      .replace(/^ {4}- .*"pressestelle".*$\n/m, '')
      .replace('name: Schmölln', 'name: Altenburg')
    expect((await push(withoutPress, h.core.configVersion)).status).toBe(200)
    expect((await playerState()).monitor.name).toBe('Altenburg')
    const rollback = await http(`${h.url}/config/rollback`, { method: 'POST', token: h.tokens.it })
    expect(rollback.status, rollback.text).toBe(200)
    expect((await playerState()).monitor.name).toBe('Schmölln')
    expect(
      (await http(`${h.url}/notices`, { token: h.tokens.press, localAddress: '127.0.9.2' })).status,
    ).toBe(401)
    const audit = (await get('/audit?limit=2')).json<{ action: string; detail: { changed: string[] } }[]>()
    expect(audit[0]!.action).toBe('config.rollback')
    expect(audit[0]!.detail.changed).toEqual(['monitor.name'])
    expect(audit[1]!.detail.changed.sort()).toEqual(['admin.tokens', 'monitor.name'])
    expect(JSON.stringify(audit)).not.toMatch(/sha256:/)
    expect((await push(h.text, h.core.configVersion)).status).toBe(200)
  })

  it('refuses a pushed config that changes the display power commands, which run as shell commands', async () => {
    const before = h.core.configVersion
    const withCommand = `${h.text}\ndisplay:\n  powerOff: 'rm -rf /var/lib/infomonitor'\n`
    const response = await push(withCommand, before)
    expect(response.status).toBe(422)
    expect(response.json<{ problems: { path: string }[] }>().problems.map((problem) => problem.path)).toEqual(
      ['display.powerOff'],
    )
    const sneaky = h.text.replace('admin:', 'admin:\n  allowRemoteCommands: true')
    const switched = await push(sneaky, before)
    expect(switched.status).toBe(422)
    expect(h.core.configVersion).toBe(before)
    expect(h.core.config.display.powerOff).toBeUndefined()
  })
})
