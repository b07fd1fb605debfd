import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { ContentItem } from '../../../content-sources/content-item.js'
import { geojsonSource } from '../../../content-sources/geojson/geojson-source.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import type { MonitorConfig } from '../../../kiosk-config/schema/monitor.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { serveAndFetch } from '../../helpers/served-document.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..', '..')
const NOW = new Date('2026-08-15T08:00:00Z')

const BERLIN_FIELDS = {
  id: 'id',
  title: 'street',
  summary: 'content',
  street: 'street',
  restriction: 'severity',
  startsAt: { path: 'validity.from', format: 'iso' },
  endsAt: { path: 'validity.to', format: 'iso' },
}
const HAMBURG_FIELDS = {
  title: 'titel',
  summary: 'anlass',
  restriction: 'umfang',
  url: 'internetlink',
  startsAt: { path: 'baubeginn', format: 'dd.MM.yyyy' },
  endsAt: { path: 'bauende', format: 'dd.MM.yyyy' },
}
const SACHSEN_FIELDS = {
  id: 'ID',
  title: 'Ortslage',
  summary: 'Sperrung_Grund',
  street: 'Strasse',
  restriction: 'Sperrung_Art_Klartext',
  startsAt: { path: 'Sperrung_von', format: 'dd.MM.yyyy' },
  endsAt: { path: 'Sperrung_bis', format: 'dd.MM.yyyy' },
}
const SIMPLE_FIELDS = { title: 'titel', summary: 'beschreibung', url: 'link' }
const BERLIN_MONITOR = testMonitor({ name: 'Berlin-Mitte', location: { lat: 52.52, lon: 13.405 } })

const server = new FixtureServer()
let routeCount = 0

beforeAll(async () => {
  await server.start()
})
afterAll(async () => {
  await server.stop()
})

interface RunOptions {
  fields?: Record<string, unknown>
  monitor?: MonitorConfig
  now?: Date
  radiusKm?: number
  contentType?: string
}

/** Serves the body on a real HTTP server, fetches it as the sync does, and parses it. */
async function run(body: string | Buffer, options: RunOptions = {}): Promise<SourceResult> {
  const path = `/feed-${++routeCount}.geojson`
  const source = testSource('geojson', {
    url: server.url(path),
    fields: options.fields ?? SIMPLE_FIELDS,
    ...(options.radiusKm === undefined ? {} : { radiusKm: options.radiusKm }),
  })
  const document = await serveAndFetch(
    server,
    path,
    body,
    options.contentType ?? 'application/geo+json',
    source.maxBytes,
  )
  return geojsonSource.parse(document, {
    source,
    monitor: options.monitor ?? testMonitor(),
    now: options.now ?? NOW,
  })
}

async function items(body: string | Buffer, options: RunOptions = {}): Promise<ContentItem[]> {
  const result = await run(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result.items
}

function fixture(name: string): string {
  return readFileSync(join(HERE, 'fixtures', 'geojson', name), 'utf8')
}

function collection(...features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features })
}

function feature(properties: Record<string, unknown>, geometry: unknown = null): Record<string, unknown> {
  return { type: 'Feature', properties, geometry }
}

describe('GeojsonSource', () => {
  it('shows Berlin VIZ roadworks with their street, restriction, times and point', async () => {
    const result = await items(fixture('berlin-viz.geojson'), {
      fields: BERLIN_FIELDS,
      monitor: BERLIN_MONITOR,
    })
    const hufeland = result.find((item) => item.id === 'test-geojson:731/2026')
    expect(hufeland).toMatchObject({
      kind: 'roadworks',
      title: 'Hufelandstraße (Prenzlauer Berg)',
      summary: 'Errichten von eine Fahrradstraße, abschnittsweise Vollsperrung für Kfz- und Radverkehr',
      roadworks: { street: 'Hufelandstraße (Prenzlauer Berg)', restriction: 'Vollsperrung' },
      // Offset-less times are Berlin wall-clock time (summer: UTC+2).
      startsAt: '2026-07-24T05:00:00.000Z',
      endsAt: '2026-09-10T15:00:00.000Z',
      validUntil: '2026-09-10T15:00:00.000Z',
      // The GeometryCollection's Point, longitude first in the file.
      location: { name: 'Hufelandstraße (Prenzlauer Berg)', lat: 52.5316, lon: 13.4325 },
    })
  })

  it('hides roadworks whose end has passed', async () => {
    const result = await items(fixture('berlin-viz.geojson'), {
      fields: BERLIN_FIELDS,
      monitor: BERLIN_MONITOR,
    })
    expect(result.map((item) => item.id).sort()).toEqual(['test-geojson:731/2026', 'test-geojson:802/2026'])
  })

  it('shows roadworks with an empty start from now on, placed in the middle of their line', async () => {
    const result = await items(fixture('berlin-viz.geojson'), {
      fields: BERLIN_FIELDS,
      monitor: BERLIN_MONITOR,
    })
    const frankfurter = result.find((item) => item.id === 'test-geojson:802/2026')!
    expect(frankfurter.startsAt).toBeUndefined()
    expect(frankfurter.validFrom).toBe(NOW.toISOString())
    expect(frankfurter.location?.lat).toBeCloseTo(52.51575, 6)
    expect(frankfurter.location?.lon).toBeCloseTo(13.454, 6)
  })

  it('reads the Landesmeldestelle variant with dd.MM.yyyy HH:mm dates', async () => {
    const fields = {
      ...BERLIN_FIELDS,
      startsAt: { path: 'validity.from', format: 'dd.MM.yyyy HH:mm' },
      endsAt: { path: 'validity.to', format: 'dd.MM.yyyy HH:mm' },
    }
    const [item] = await items(fixture('berlin-lms.geojson'), { fields, monitor: BERLIN_MONITOR })
    expect(item).toMatchObject({
      startsAt: '2026-07-24T05:00:00.000Z',
      endsAt: '2026-09-10T21:59:00.000Z',
      location: { lat: 52.5316, lon: 13.4325 },
    })
    // A null severity is no restriction to show.
    expect(item?.roadworks).toEqual({ street: 'Hufelandstraße (Prenzlauer Berg)' })
  })

  it('reads Hamburg German dates and keeps a roadworks on screen through its last day', async () => {
    const result = await items(fixture('hamburg-wfs.geojson'), {
      fields: HAMBURG_FIELDS,
      monitor: testMonitor({ name: 'Hamburg', location: { lat: 53.55, lon: 10.0 } }),
    })
    const titles = result.map((item) => item.title)
    expect(titles).not.toContain('Wellingsbütteler Landstraße / Leitungs- und Straßenarbeiten')
    const jungfernstieg = result.find((item) => item.title === 'Jungfernstieg / Umbau der Haltestelle')
    expect(jungfernstieg).toMatchObject({
      id: 'test-geojson:baustelle.30544',
      url: 'https://www.hochbahn.de/baustellen/jungfernstieg',
      endsAt: '2026-08-15T21:59:59.999Z',
      location: { lat: 53.5534, lon: 9.9937 },
      roadworks: { restriction: 'Sperrung einer Fahrspur' },
    })
  })

  it('announces roadworks a week before they start', async () => {
    const result = await items(fixture('hamburg-wfs.geojson'), { fields: HAMBURG_FIELDS })
    const stresemann = result.find((item) => item.title === 'Stresemannstraße / Fahrbahnsanierung')
    expect(stresemann).toMatchObject({
      startsAt: '2026-09-01T22:00:00.000Z',
      validFrom: '2026-08-25T22:00:00.000Z',
      validUntil: '2026-11-30T22:59:59.999Z',
    })
  })

  it('keeps roadworks near Schmölln and drops those far away when radiusKm is set', async () => {
    const result = await run(fixture('sachsen-sperrungen.geojson'), { fields: SACHSEN_FIELDS, radiusKm: 15 })
    expect(result.ok && result.items.map((item) => item.title)).toEqual(['Meerane, Zwickauer Straße'])

    const berlin = await items(fixture('berlin-viz.geojson'), { fields: BERLIN_FIELDS, radiusKm: 15 })
    expect(berlin).toEqual([])
    const inBerlin = await items(fixture('berlin-viz.geojson'), {
      fields: BERLIN_FIELDS,
      radiusKm: 15,
      monitor: BERLIN_MONITOR,
    })
    expect(inBerlin).toHaveLength(2)
  })

  it('shows a closure split over several lines once, at the middle vertex of its first line', async () => {
    const result = await items(fixture('sachsen-sperrungen.geojson'), {
      fields: SACHSEN_FIELDS,
      radiusKm: 15,
    })
    expect(result).toHaveLength(1)
    expect(result[0]).toMatchObject({
      id: 'test-geojson:2026-004711',
      location: { name: 'S 288', lat: 50.848, lon: 12.46 },
      roadworks: { street: 'S 288', restriction: 'Vollsperrung' },
    })
  })

  it('drops features whose coordinates are not WGS84 and says why', async () => {
    const result = await run(fixture('sachsen-sperrungen.geojson'), { fields: SACHSEN_FIELDS })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.items.map((item) => item.title)).not.toContain('Crimmitschau, Leipziger Straße')
    expect(result.items).toHaveLength(2)
    expect(result.warnings.join('\n')).toMatch(/feature 4.*EPSG:25833/)
  })

  it('drops a feature whose latitude is out of range and keeps the others', async () => {
    const body = collection(
      feature({ titel: 'Sommeritzer Straße' }, { type: 'Point', coordinates: [12.3497, 50.8971] }),
      feature({ titel: 'Kaputte Koordinate' }, { type: 'Point', coordinates: [12.356, 95.2] }),
      feature({ titel: 'Ohne Geometrie' }, null),
    )
    const result = await run(body)
    expect(result.ok && result.items.map((item) => item.title)).toEqual([
      'Sommeritzer Straße',
      'Ohne Geometrie',
    ])
    expect(result.ok && result.items[0]?.location).toEqual({ lat: 50.8971, lon: 12.3497 })
  })

  it('places a polygon at the centre of its outline and a multi-line at its first line', async () => {
    const square = [
      [12.35, 50.89],
      [12.36, 50.89],
      [12.36, 50.9],
      [12.35, 50.9],
      [12.35, 50.89],
    ]
    const body = collection(
      feature({ titel: 'Baufeld Amtsplatz' }, { type: 'Polygon', coordinates: [square] }),
      feature(
        { titel: 'Ronneburger Straße' },
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [12.34, 50.893],
              [12.335, 50.8925],
              [12.33, 50.892],
            ],
            [
              [13, 51],
              [13.1, 51.1],
            ],
          ],
        },
      ),
    )
    const [polygon, line] = await items(body)
    expect(polygon?.location?.lat).toBeCloseTo(50.895, 9)
    expect(polygon?.location?.lon).toBeCloseTo(12.355, 9)
    expect(line?.location).toEqual({ lat: 50.8925, lon: 12.335 })
  })

  it('drops features with an empty title with a warning and keeps the others', async () => {
    const body = collection(
      feature({ titel: 'Brückenplatz: Leitungsarbeiten' }),
      feature({ titel: '   ' }),
      feature({ beschreibung: 'ohne Titel' }),
    )
    const result = await run(body)
    expect(result.ok && result.items.map((item) => item.title)).toEqual(['Brückenplatz: Leitungsarbeiten'])
    expect(result.ok && result.warnings).toEqual(['2 dropped (feature 2, feature 3): empty title (titel)'])
  })

  it('never lets markup from properties reach the title or summary', async () => {
    const body = collection(
      feature({
        titel: 'Markt <img src=x onerror=alert(1)>',
        beschreibung: '<script>alert(1)</script>Vollsperrung <b onmouseover="alert(2)">ab Montag</b>',
        link: 'javascript:alert(3)',
      }),
      feature({ titel: '<img src=x onerror=alert(1)>' }),
    )
    const result = await items(body)
    expect(result).toHaveLength(1)
    expect(result[0]?.title).toBe('Markt')
    expect(result[0]?.summary).toBe('Vollsperrung ab Montag')
    expect(result[0]?.url).toBeUndefined()
    expect(JSON.stringify(result)).not.toMatch(/<|onerror|alert/)
  })

  it('takes a bare array of features or a single feature', async () => {
    const sommeritzer = feature({ titel: 'Sommeritzer Straße' })
    expect((await items(JSON.stringify([sommeritzer]))).map((item) => item.title)).toEqual([
      'Sommeritzer Straße',
    ])
    expect((await items(JSON.stringify(sommeritzer))).map((item) => item.title)).toEqual([
      'Sommeritzer Straße',
    ])
  })

  it('keeps ids stable across syncs: the id field, else the feature id, else a hash', async () => {
    const body = collection(
      { ...feature({ nr: 'B-17', titel: 'Mit Nummer' }), id: 'f1' },
      { ...feature({ titel: 'Mit Feature-Id' }), id: 42 },
      feature({ titel: 'Ohne Id' }),
    )
    const fields = { ...SIMPLE_FIELDS, id: 'nr' }
    const first = await items(body, { fields })
    const second = await items(body, { fields, now: new Date(NOW.getTime() + 3600_000) })
    expect(first.map((item) => item.id).slice(0, 2)).toEqual(['test-geojson:B-17', 'test-geojson:42'])
    expect(first[2]?.id).toMatch(/^test-geojson:[0-9a-f]{20}$/)
    expect(second.map((item) => item.id)).toEqual(first.map((item) => item.id))
  })

  it('does not let __proto__ keys in properties pollute anything', async () => {
    const body =
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,' +
      '"properties":{"titel":"Altenburger Straße","__proto__":{"polluted":"yes","titel":"falsch"},' +
      '"constructor":{"prototype":{"polluted":"yes"}}}}]}'
    const result = await items(body, { fields: { title: 'titel', summary: '__proto__.polluted' } })
    expect(result.map((item) => [item.title, item.summary])).toEqual([['Altenburger Straße', '']])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('fails with MalformedJson for a broken document', async () => {
    const result = await run('{"type":"FeatureCollection","features":[{"type":"Feature",')
    expect(result.ok || result.error.code).toBe('MalformedJson')
  })

  it('fails with InvalidContent for JSON that is not GeoJSON', async () => {
    const result = await run('{"total_count": 3, "results": []}', { contentType: 'application/json' })
    expect(result.ok || result.error.code).toBe('InvalidContent')
  })

  it('fails with EmptyBody for a document of only whitespace', async () => {
    const result = await run(' \n ')
    expect(result.ok || result.error.code).toBe('EmptyBody')
  })

  it('fails with InvalidContent naming the field when no feature has the mapped title', async () => {
    const result = await run(fixture('hamburg-wfs.geojson'), { fields: { title: 'title' } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('InvalidContent')
    expect(result.error.message).toContain('"title"')
    expect(result.error.message).toContain('titel')
  })

  it('shows the demo roadworks around Schmölln and hides the one that ended yesterday', async () => {
    const config = parseYaml(readFileSync(join(ROOT, 'kiosk-config', 'examples', 'demo.yaml'), 'utf8')) as {
      sources: { id: string; fields?: Record<string, unknown>; radiusKm?: number }[]
    }
    const demo = config.sources.find((source) => source.id === 'baustellen')!
    const template = readFileSync(join(ROOT, 'kiosk-config', 'demo-feeds', 'baustellen.geojson'), 'utf8')
    const result = await run(renderDemoTemplate(template, NOW), {
      fields: demo.fields,
      radiusKm: demo.radiusKm,
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([])
    expect(result.items.length).toBeGreaterThanOrEqual(4)
    expect(result.items.map((item) => item.roadworks?.street)).not.toContain('Bahnhofstraße')
    for (const item of result.items) {
      expect(item.location?.lat).toBeCloseTo(50.895, 1)
      expect(item.location?.lon).toBeCloseTo(12.356, 1)
      expect(item.roadworks?.restriction).toBeTruthy()
      expect(Date.parse(item.endsAt!)).toBeGreaterThan(NOW.getTime())
    }
  })
})
