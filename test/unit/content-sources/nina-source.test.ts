import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentItem } from '../../../content-sources/content-item.js'
import { fetchDocument } from '../../../content-sources/fetch/http-fetch.js'
import { ninaSource } from '../../../content-sources/nina/nina-source.js'
import { coversRegion, dashboardKey } from '../../../content-sources/nina/region-key.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import type { MonitorConfig } from '../../../kiosk-config/schema/monitor.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const FIXTURES = join(HERE, 'fixtures', 'nina')
const DEMO_FEEDS = join(HERE, '..', '..', '..', 'kiosk-config', 'demo-feeds', 'nina')
const NOW = new Date('2026-11-21T09:00:00Z')
const DAY_MS = 24 * 60 * 60 * 1000
const JSON_HEADERS = { 'content-type': 'application/json' }

const FIRE = 'Großbrand im Gewerbegebiet Schmölln-Nord – starke Rauchentwicklung'
const WATER = 'Abkochgebot für Trinkwasser in Schmölln'
const ICE = 'Amtliche WARNUNG vor GLÄTTE'
const FLOOD = 'Hochwasser an der Sprotte: Vorwarnung für Schmölln'
const TEST_MESSAGE = 'Probewarnung: Test des Warnsystems im Landkreis Altenburger Land'

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

/** Serves a dashboard for Altenburger Land under /api31 and the given details by identifier. */
function ninaServer(dashboard: string, details: Record<string, string>): Promise<FixtureServer> {
  const server = new FixtureServer().route('/api31/dashboard/160770000000.json', {
    headers: JSON_HEADERS,
    body: dashboard,
  })
  for (const [identifier, body] of Object.entries(details)) {
    server.route(`/api31/warnings/${identifier}.json`, { headers: JSON_HEADERS, body })
  }
  return server.start()
}

interface RunOptions {
  /** Where the NINA API lives on the fixture server. */
  basePath?: string
  showTests?: boolean
  withoutDetails?: boolean
  monitor?: MonitorConfig
}

/** The real path: the dashboard fetched as the sync fetches it, details through fetchMore. */
async function run(server: FixtureServer, options: RunOptions = {}): Promise<SourceResult> {
  const source = testSource('nina', {
    url: server.url(options.basePath ?? '/api31'),
    showTests: options.showTests ?? false,
  })
  const monitor = options.monitor ?? testMonitor()
  const limits = { timeoutMs: source.timeoutMs, maxBytes: source.maxBytes }
  const url = ninaSource.requestUrl(source, monitor, NOW)
  const outcome = await fetchDocument({ url, accept: ninaSource.accept, ...limits })
  if (!outcome.ok || outcome.notModified)
    throw new Error(`fixture dashboard not served: ${JSON.stringify(outcome)}`)
  const fetchMore = (detailUrl: string) => fetchDocument({ url: detailUrl, ...limits })
  return ninaSource.parse(outcome.document, {
    source,
    monitor,
    now: NOW,
    ...(options.withoutDetails ? {} : { fetchMore }),
  })
}

function itemsOf(result: SourceResult): { items: ContentItem[]; warnings: string[] } {
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result
}

function byTitle(items: ContentItem[], title: string): ContentItem {
  const item = items.find((candidate) => candidate.title === title)
  if (!item)
    throw new Error(`no item "${title}" among ${items.map((candidate) => candidate.title).join(' | ')}`)
  return item
}

describe('NinaSource', () => {
  describe('region keys', () => {
    it('asks for the district dashboard of the monitor in Schmölln', () => {
      const source = testSource('nina', { url: 'https://warnung.bund.de/api31/' })
      expect(ninaSource.requestUrl(source, testMonitor(), NOW)).toBe(
        'https://warnung.bund.de/api31/dashboard/160770000000.json',
      )
    })

    it('uses the Land key for the city-states Berlin and Hamburg', () => {
      expect(dashboardKey('160775052043')).toBe('160770000000')
      expect(dashboardKey('110000000000')).toBe('110000000000')
      expect(dashboardKey('020000000000')).toBe('020000000000')
      expect(dashboardKey('021230000000')).toBe('020000000000')
      expect(dashboardKey('145220000000')).toBe('145220000000')
    })

    it('matches warnVerwaltungsbereiche by their significant prefix only', () => {
      const schmoelln = '160775052043'
      expect(coversRegion('160000000000', schmoelln)).toBe(true) // Thuringia
      expect(coversRegion('160770000000', schmoelln)).toBe(true) // Altenburger Land
      expect(coversRegion('160775052000', schmoelln)).toBe(true) // Verband Schmölln
      expect(coversRegion('160775052043', schmoelln)).toBe(true)
      expect(coversRegion('160775052003', schmoelln)).toBe(false) // Dobitschen
      expect(coversRegion('064110000000', schmoelln)).toBe(false) // Darmstadt
      expect(coversRegion('160520000000', schmoelln)).toBe(false) // Gera
      // Saarland's trailing zeros are not a wildcard for Berlin's 11.
      expect(coversRegion('100000000000', '110000000000')).toBe(false)
      expect(coversRegion('16077', schmoelln)).toBe(false)
    })

    it('always finds a place on its own district dashboard', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\d{12}$/), (regionKey) => {
          expect(coversRegion(regionKey, regionKey)).toBe(true)
          expect(coversRegion(dashboardKey(regionKey), regionKey)).toBe(true)
        }),
      )
    })
  })

  describe('with the Altenburger Land dashboard', () => {
    let server: FixtureServer

    beforeAll(async () => {
      const details = Object.fromEntries(
        readdirSync(join(FIXTURES, 'warnings')).map((file) => [
          file.replace(/\.json$/, ''),
          fixture(`warnings/${file}`),
        ]),
      )
      server = await ninaServer(fixture('altenburger-land-dashboard.json'), details)
    })
    afterAll(() => server.stop())

    it('keeps the warnings for Schmölln and its district, in dashboard order', async () => {
      const { items } = itemsOf(await run(server))
      expect(items.map((item) => item.title)).toEqual([FIRE, WATER, ICE, FLOOD])
      expect(items.every((item) => item.kind === 'warning' && item.sourceId === 'test-nina')).toBe(true)
    })

    it('drops a warning whose warnVerwaltungsbereiche name another district', async () => {
      const { items } = itemsOf(await run(server))
      expect(items.some((item) => item.title.includes('Darmstadt'))).toBe(false)
    })

    it('drops a warning whose msgType is Cancel, and the warning it cancels', async () => {
      const { items } = itemsOf(await run(server))
      expect(items.some((item) => item.title.includes('Gößnitz'))).toBe(false)
      // The dashboard still said Update; the detail already was the Cancel.
      expect(items.some((item) => item.title.includes('Stromausfall'))).toBe(false)
    })

    it('shows a DWD warning listed once per cell as one warning, fetching its detail once', async () => {
      const requestsBefore = server.requests.length
      const { items } = itemsOf(await run(server))
      expect(items.filter((item) => item.title === ICE)).toHaveLength(1)
      const detailPaths = server.requests.slice(requestsBefore).map((request) => request.path)
      expect(detailPaths.filter((path) => path.includes('0a11.MUL'))).toHaveLength(1)
    })

    it('keeps a DWD warning without area codes for the whole district, with a note', async () => {
      const { items, warnings } = itemsOf(await run(server))
      const ice = byTitle(items, ICE)
      expect(ice.priority).toBe('normal')
      expect(ice.attribution).toBe('Quelle: Deutscher Wetterdienst')
      expect(ice.warning).toMatchObject({
        severity: 'Minor',
        urgency: 'Immediate',
        issuer: 'Deutscher Wetterdienst',
      })
      expect(ice.summary).toContain('Glättegefahr')
      expect(ice.validFrom).toBe('2026-11-21T05:00:00.000Z')
      expect(ice.validUntil).toBe('2026-11-22T09:00:00.000Z')
      expect(ice.url).toBe('https://www.wettergefahren.de/')
      expect(warnings.some((note) => note.includes(ICE) && note.includes('warnVerwaltungsbereiche'))).toBe(
        true,
      )
    })

    it('falls back to the dashboard headline when the detail answers 404', async () => {
      const { items, warnings } = itemsOf(await run(server))
      const flood = byTitle(items, FLOOD)
      expect(flood.id).toBe('test-nina:mow.DE-TH-ABG-W022-20261121-22-000')
      expect(flood.priority).toBe('high')
      expect(flood.warning?.severity).toBe('Severe')
      expect(flood.attribution).toBe('Quelle: BBK / warnung.bund.de')
      expect(flood.validUntil).toBe('2026-11-23T17:00:00.000Z')
      expect(warnings.some((note) => note.includes('W022') && note.includes('404'))).toBe(true)
    })

    it('makes an Extreme warning urgent and shows its plain instruction text', async () => {
      const { items } = itemsOf(await run(server))
      const fire = byTitle(items, FIRE)
      expect(fire.priority).toBe('urgent')
      expect(fire.validFrom).toBe('2026-11-21T08:40:00.000Z')
      expect(fire.validUntil).toBe('2026-11-21T19:00:00.000Z')
      expect(fire.attribution).toBe('Quelle: Landratsamt Altenburger Land')
      expect(fire.warning).toEqual({
        severity: 'Extreme',
        urgency: 'Immediate',
        certainty: 'Observed',
        event: 'Gefahreninformation',
        instruction:
          'Halten Sie Fenster und Türen geschlossen.\nSchalten Sie Lüftungs- und Klimaanlagen aus.\nMeiden Sie das Gebiet um das Gewerbegebiet Schmölln-Nord.',
        area: 'Stadt Schmölln, Gemeinde Dobitschen',
        issuer: 'Landratsamt Altenburger Land',
        msgType: 'Alert',
        status: 'Actual',
      })
    })

    it('reads the German info block and turns an HTML instruction into lines', async () => {
      const { items } = itemsOf(await run(server))
      const water = byTitle(items, WATER)
      expect(water.language).toBe('de')
      expect(water.summary).toMatch(/^Bei einer Routinekontrolle/)
      expect(water.priority).toBe('normal')
      expect(water.url).toBe('https://www.altenburgerland.de/trinkwasser')
      expect(water.warning?.instruction).toBe(
        'Kochen Sie Leitungswasser vor dem Trinken sprudelnd auf und lassen Sie es mindestens 10 Minuten abkühlen.\n\n' +
          'Verwenden Sie abgekochtes Wasser auch zum Zähneputzen und für die Zubereitung von Speisen.\n' +
          'Informieren Sie Ihre Nachbarn.',
      )
    })

    it('lets a warning without expiry last one refresh window, not forever', async () => {
      const { items } = itemsOf(await run(server))
      const water = byTitle(items, WATER)
      expect(water.validFrom).toBe('2026-11-21T06:30:00.000Z')
      expect(water.validUntil).toBe(new Date(NOW.getTime() + DAY_MS).toISOString())
    })

    it('drops test messages unless showTests is set', async () => {
      const hidden = itemsOf(await run(server))
      expect(hidden.items.some((item) => item.title === TEST_MESSAGE)).toBe(false)
      const shown = itemsOf(await run(server, { showTests: true }))
      expect(byTitle(shown.items, TEST_MESSAGE).warning?.status).toBe('Test')
    })

    it('shows the dashboard alone, with a note, when details cannot be fetched', async () => {
      const { items, warnings } = itemsOf(await run(server, { withoutDetails: true }))
      const titles = items.map((item) => item.title)
      expect(titles).toContain(FLOOD)
      expect(titles.filter((title) => title === ICE)).toHaveLength(1)
      expect(titles.some((title) => title.startsWith('Entwarnung'))).toBe(false)
      expect(items.every((item) => item.attribution === 'Quelle: BBK / warnung.bund.de')).toBe(true)
      expect(warnings).toHaveLength(1)
    })
  })

  describe('with the Home Assistant samples', () => {
    let server: FixtureServer

    beforeAll(async () => {
      const details = JSON.parse(fixture('ha-sample-warning-details.json')) as Record<string, unknown>
      server = await ninaServer(
        fixture('ha-sample-warnings.json'),
        Object.fromEntries(Object.entries(details).map(([id, detail]) => [id, JSON.stringify(detail)])),
      )
    })
    afterAll(() => server.stop())

    it('keeps a nationwide warning for Schmölln and caps an expiry a thousand years away', async () => {
      const { items } = itemsOf(await run(server))
      expect(items.map((item) => item.title)).toEqual([
        'Corona-Verordnung des Landes: Warnstufe durch Landesgesundheitsamt ausgerufen',
        'Ausfall Notruf 112',
      ])
      const [corona, dwd] = items
      expect(corona?.attribution).toBe('Quelle: BBK, Nationale Warnzentrale Bonn')
      expect(corona?.warning?.instruction).toMatch(
        /^Waschen Sie sich regelmäßig und gründlich die Hände\.\n- Beachten/,
      )
      expect(corona?.warning?.instruction).not.toContain('<br')
      expect(dwd?.warning).toMatchObject({ severity: 'Moderate', urgency: 'Immediate', event: 'STURMBÖEN' })
      expect(dwd?.priority).toBe('normal')
      expect(dwd?.validUntil).toBe(new Date(NOW.getTime() + 365 * DAY_MS).toISOString())
    })

    it('keeps a nationwide warning for a Berlin monitor too', async () => {
      server.route('/api31/dashboard/110000000000.json', {
        headers: JSON_HEADERS,
        body: fixture('ha-sample-warnings.json'),
      })
      const { items } = itemsOf(await run(server, { monitor: testMonitor({ regionKey: '110000000000' }) }))
      expect(items[0]?.title).toMatch(/^Corona-Verordnung/)
    })
  })

  describe('with a single warning', () => {
    const identifier = 'mow.DE-TH-ABG-W024-20261121-24-000'
    let server: FixtureServer

    beforeAll(async () => {
      server = await new FixtureServer().start()
    })
    afterAll(() => server.stop())

    function serve(dashboard: string, detail?: object): void {
      server.route('/api31/dashboard/160770000000.json', { headers: JSON_HEADERS, body: dashboard })
      server.route(`/api31/warnings/${identifier}.json`, {
        headers: JSON_HEADERS,
        body: JSON.stringify(detail),
      })
    }

    function warning(severity: string, urgency: string): object {
      const detail = JSON.parse(fixture('warnings/mow.DE-TH-ABG-W023-20261121-23-000.json'))
      detail.identifier = identifier
      detail.info[0].severity = severity
      detail.info[0].urgency = urgency
      return detail
    }

    const dashboard = JSON.stringify([
      { id: identifier, payload: { data: { headline: 'Sturm', severity: 'Severe' } } },
    ])

    it.each([
      ['Severe', 'Immediate', 'urgent'],
      ['SEVERE', 'immediate', 'urgent'],
      ['Severe', 'Expected', 'high'],
      ['Extreme', 'Future', 'urgent'],
      ['Moderate', 'Immediate', 'normal'],
      ['Minor', 'Immediate', 'normal'],
      ['bogus', 'Immediate', 'normal'],
    ])('gives a %s/%s warning the priority %s', async (severity, urgency, priority) => {
      serve(dashboard, warning(severity, urgency))
      const { items } = itemsOf(await run(server))
      expect(items[0]?.priority).toBe(priority)
    })

    it('returns no items for an empty dashboard, so cached warnings leave the screen', async () => {
      serve('[]')
      const result = itemsOf(await run(server))
      expect(result.items).toEqual([])
    })

    it('fails with MalformedJson when the dashboard is not JSON', async () => {
      serve('<html><body>Wartungsarbeiten</body></html>')
      const result = await run(server)
      expect(result.ok ? 'ok' : result.error.code).toBe('MalformedJson')
    })

    it.each([
      ['an object', '{"warnings": []}'],
      ['a list of something else', '[1, 2, {"headline": "ohne id"}]'],
    ])('fails with InvalidContent when the dashboard is %s', async (_, body) => {
      serve(body)
      const result = await run(server)
      expect(result.ok ? 'ok' : result.error.code).toBe('InvalidContent')
    })
  })

  describe('with the bundled demo feed', () => {
    let server: FixtureServer

    beforeAll(async () => {
      server = new FixtureServer()
      const render = (path: string) => renderDemoTemplate(readFileSync(join(DEMO_FEEDS, path), 'utf8'), NOW)
      server.route('/nina/dashboard/160770000000.json', {
        headers: JSON_HEADERS,
        body: render('dashboard/160770000000.json'),
      })
      for (const file of readdirSync(join(DEMO_FEEDS, 'warnings'))) {
        server.route(`/nina/warnings/${file}`, { headers: JSON_HEADERS, body: render(`warnings/${file}`) })
      }
      await server.start()
    })
    afterAll(() => server.stop())

    it('shows two calm warnings for Schmölln and nothing that interrupts the rotation', async () => {
      const { items, warnings } = itemsOf(await run(server, { basePath: '/nina' }))
      expect(items.map((item) => item.title)).toEqual([
        'Amtliche WARNUNG vor GLÄTTE',
        'Trinkwasser bitte abkochen: Verunreinigung im Leitungsnetz Schmölln',
      ])
      expect(items.map((item) => item.priority)).toEqual(['normal', 'normal'])
      for (const item of items) {
        expect(new Date(item.validFrom) <= NOW && NOW < new Date(item.validUntil!)).toBe(true)
      }
      expect(warnings).toEqual([])
    })
  })
})
