import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ContentItemSchema } from '../../../content-sources/content-item.js'
import { kioskConfigJsonSchema } from '../../../kiosk-config/json-schema.js'
import { cli } from '../../helpers/cli.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { rssFeed } from '../../helpers/rss-fixtures.js'
import { tempDir } from '../../helpers/temp-dir.js'

const ICS = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Stadt Schmölln//DE
BEGIN:VEVENT
UID:wochenmarkt@schmoelln.de
DTSTAMP:20261101T080000Z
DTSTART;TZID=Europe/Berlin:20261105T080000
DTEND;TZID=Europe/Berlin:20261105T130000
RRULE:FREQ=WEEKLY;BYDAY=TH
SUMMARY:Wochenmarkt
LOCATION:Markt\\, 04626 Schmölln
END:VEVENT
END:VCALENDAR
`

describe('infomonitor CLI', () => {
  const server = new FixtureServer()
  const dir = tempDir()
  let configFile: string

  beforeAll(async () => {
    server.route('/news.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rssFeed(['Stadtrat tagt', 'Neue Parkplätze am Bahnhof']),
    })
    server.route('/events.ics', { headers: { 'content-type': 'text/calendar' }, body: ICS })
    server.route('/broken.xml', { status: 500, body: 'kaputt' })
    await server.start()
    configFile = writeConfig('ok.yaml', [
      { id: 'news', type: 'rss', url: server.url('/news.xml') },
      { id: 'events', type: 'ical', url: server.url('/events.ics') },
    ])
  })
  afterAll(async () => {
    await server.stop()
    dir.remove()
  })

  function writeConfig(name: string, sources: unknown[], extra = ''): string {
    const file = join(dir.path, name)
    writeFileSync(
      file,
      `monitor:\n  id: test\n  name: Schmölln\n  location: { lat: 50.895, lon: 12.356 }\ncache:\n  dir: ./cache-${name}\n${extra}sources: ${JSON.stringify(sources)}\n`,
    )
    return file
  }

  it('prints help without a build step and exits 0', async () => {
    const result = await cli('--help')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/sync/)
    expect(result.stdout).toMatch(/inspect/)
  })

  it('exits 2 on a usage error', async () => {
    expect((await cli('no-such-command')).code).toBe(2)
    expect((await cli('--config', configFile, 'items', '--kind', 'wetterbericht')).code).toBe(2)
    expect((await cli('--config', configFile, '--now', 'gestern', 'items')).code).toBe(2)
  })

  describe('config validate', () => {
    it('accepts the bundled demo and Schmölln example configs', async () => {
      expect((await cli('config', 'validate')).code).toBe(0)
      const example = await cli('config', 'validate', 'kiosk-config/examples/schmoelln.yaml')
      expect(example.stderr).toBe('')
      expect(example.code).toBe(0)
    })

    it('lists every problem with its path and YAML line, and exits 1', async () => {
      const file = join(dir.path, 'bad.yaml')
      writeFileSync(
        file,
        [
          'monitor:',
          '  id: test',
          '  name: Schmölln',
          '  colour: blau',
          'sources:',
          '  - id: news',
          '    type: rss',
          '    url: https://example.org/rss.xml',
          '  - id: events',
          '    type: ical',
          '    url: ftp://example.org/events.ics',
          '  - id: more',
          '    type: rss',
          '    url: https://example.org/more.xml',
          '    schedule: "jede Stunde"',
        ].join('\n'),
      )
      const result = await cli('config', 'validate', file)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('3 problems')
      expect(result.stderr).toContain('monitor.colour (line 4): unknown key "colour"')
      expect(result.stderr).toContain('sources[1].url (line 11): must be an http(s) URL')
      expect(result.stderr).toContain('sources[2].schedule (line 15): not a valid cron expression')
    })

    it('reports a JSON config with line numbers too', async () => {
      const file = join(dir.path, 'bad.json')
      writeFileSync(
        file,
        '{\n  "monitor": { "id": "test", "name": "Schmölln" },\n  "sources": [\n    { "id": "x", "type": "rss", "url": "https://a.example", "timeoutMs": 5 }\n  ]\n}\n',
      )
      const result = await cli('config', 'validate', file)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/sources\[0\]\.timeoutMs \(line 4\)/)
    })

    it('refuses to start other commands on an invalid config, with exit 2', async () => {
      const result = await cli('--config', join(dir.path, 'bad.yaml'), 'items')
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('monitor.colour')
    })
  })

  it('prints the JSON Schema the example configs reference, and the committed copy is current', async () => {
    const result = await cli('config', 'schema')
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout)
    expect(printed.properties.sources.items.oneOf ?? printed.properties.sources.items.anyOf).toBeDefined()
    const committed = JSON.parse(readFileSync('kiosk-config/kiosk-config.schema.json', 'utf8'))
    expect(committed).toEqual(kioskConfigJsonSchema())
  })

  it('syncs every source once, stores the items and lists them as JSON ContentItems', async () => {
    const sync = await cli('--config', configFile, '--now', '2026-11-21T10:00:00+01:00', 'sync', '--once')
    expect(sync.code).toBe(0)
    expect(sync.stdout).toMatch(/✓ news: changed, 2 items/)
    expect(sync.stdout).toMatch(/✓ events: changed, \d+ items/)

    const items = await cli('--config', configFile, '--now', '2026-11-21T10:00:00+01:00', 'items', '--json')
    expect(items.code).toBe(0)
    const parsed = JSON.parse(items.stdout) as unknown[]
    for (const item of parsed) expect(ContentItemSchema.safeParse(item).success).toBe(true)
    const markets = parsed.filter((item) => (item as { title: string }).title === 'Wochenmarkt') as {
      startsAt: string
    }[]
    // One item per occurrence within the horizon, every Thursday at 08:00 local (07:00Z in winter).
    expect(markets.length).toBeGreaterThanOrEqual(2)
    for (const market of markets) expect(market.startsAt).toMatch(/T07:00:00\.000Z$/)

    const news = await cli(
      '--config',
      configFile,
      '--now',
      '2026-11-21T10:00:00+01:00',
      'items',
      '--kind',
      'news',
      '--json',
    )
    expect((JSON.parse(news.stdout) as { title: string }[]).map((item) => item.title).sort()).toEqual([
      'Neue Parkplätze am Bahnhof',
      'Stadtrat tagt',
    ])
  })

  it('shows only what may be on screen at --now, unless --all', async () => {
    await cli('--config', configFile, 'sync', '--once')
    const later = await cli('--config', configFile, '--now', '2031-01-01T00:00:00Z', 'items', '--json')
    expect(JSON.parse(later.stdout)).toEqual([])
    const all = await cli('--config', configFile, '--now', '2031-01-01T00:00:00Z', 'items', '--all', '--json')
    expect((JSON.parse(all.stdout) as unknown[]).length).toBeGreaterThan(0)
  })

  it('exits 1 when a source fails, and still stores the others', async () => {
    const file = writeConfig('partly.yaml', [
      { id: 'news', type: 'rss', url: server.url('/news.xml') },
      { id: 'broken', type: 'rss', url: server.url('/broken.xml') },
    ])
    const result = await cli('--config', file, 'sync', '--once')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/✗ broken: HttpError: The server answered HTTP 500/)
    expect(result.stdout).toMatch(/1 of 2 sources synced, 1 failed/)
    const items = await cli('--config', file, 'items', '--kind', 'news', '--json')
    expect(JSON.parse(items.stdout)).toHaveLength(2)
  })

  it('inspects files and URLs without storing them, one JSON line per input', async () => {
    const feed = join(dir.path, 'feed.xml')
    writeFileSync(feed, rssFeed(['Glasfaserausbau beginnt']))
    const result = await cli(
      '--config',
      configFile,
      'inspect',
      feed,
      server.url('/broken.xml'),
      join(dir.path, 'missing.ics'),
      '--json',
    )
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatchObject({
      input: feed,
      error: null,
      items: [{ title: 'Glasfaserausbau beginnt', kind: 'news' }],
    })
    expect(lines[1]).toMatchObject({ error: { code: 'HttpError' }, items: [] })
    expect(lines[2]).toMatchObject({ error: { code: 'InputNotFound' }, items: [] })
  })

  it("inspects roadworks with a configured source's field mapping (--source)", async () => {
    const file = writeConfig('roadworks.yaml', [
      {
        id: 'baustellen',
        type: 'geojson',
        url: server.url('/unused.geojson'),
        fields: { title: 'titel', endsAt: { path: 'ende', format: 'dd.MM.yyyy' } },
      },
    ])
    const geojson = join(dir.path, 'baustellen.geojson')
    writeFileSync(
      geojson,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { titel: 'Markt: Pflasterarbeiten', ende: '31.12.2026' },
            geometry: { type: 'Point', coordinates: [12.356, 50.895] },
          },
        ],
      }),
    )
    const plain = await cli('--config', file, 'inspect', geojson, '--json')
    expect(JSON.parse(plain.stdout).error.code).toBe('InvalidContent')
    const mapped = await cli(
      '--config',
      file,
      '--now',
      '2026-11-21T10:00:00Z',
      'inspect',
      geojson,
      '--source',
      'baustellen',
      '--json',
    )
    expect(mapped.code).toBe(0)
    expect(JSON.parse(mapped.stdout).items).toMatchObject([
      { title: 'Markt: Pflasterarbeiten', kind: 'roadworks' },
    ])
    expect((await cli('--config', file, 'inspect', geojson, '--source', 'nope')).code).toBe(2)
  })
})
