import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentItem, ContentKind } from '../../../content-sources/content-item.js'
import { jsonldSource } from '../../../content-sources/jsonld/jsonld-source.js'
import { literal } from '../../../content-sources/jsonld/literal.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { serveAndFetch } from '../../helpers/served-document.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..', '..')
const NOW = new Date('2026-08-15T08:00:00Z')
const DISTEL = 'test-jsonld:https://int.thuecat.org/resources/e_100771372-hubev'

const server = new FixtureServer()
let routeCount = 0

beforeAll(async () => {
  await server.start()
})
afterAll(async () => {
  await server.stop()
})

interface RunOptions {
  now?: Date
  kind?: ContentKind
  contentType?: string
  maxItems?: number
  path?: string
}

/** Serves the body on a real HTTP server, fetches it as the sync does, and parses it. */
async function run(body: string, options: RunOptions = {}): Promise<SourceResult> {
  const path = options.path ?? `/resource-${++routeCount}`
  const source = testSource('jsonld', {
    url: server.url(path),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.maxItems ? { maxItems: options.maxItems } : {}),
  })
  const document = await serveAndFetch(
    server,
    path,
    body,
    options.contentType ?? 'application/ld+json',
    source.maxBytes,
  )
  return jsonldSource.parse(document, { source, monitor: testMonitor(), now: options.now ?? NOW })
}

async function items(body: string, options: RunOptions = {}): Promise<ContentItem[]> {
  const result = await run(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result.items
}

function fixture(name: string): string {
  return readFileSync(join(HERE, 'fixtures', 'jsonld', name), 'utf8')
}

function byTitle(list: readonly ContentItem[], title: string): ContentItem | undefined {
  return list.find((item) => item.title === title)
}

describe('JsonldSource', () => {
  it('unwraps ThüCAT literals into a German event with its next date and place', async () => {
    const result = await items(fixture('thuecat-events.jsonld'))
    expect(result.find((item) => item.id === DISTEL)).toMatchObject({
      kind: 'event',
      title: 'Distel-Comedy. Große Stand-up-Comedy-Show',
      // The plain description, not the thuecat:Html copy.
      summary: 'Am 28. Juni findet ein CSD-Special statt.',
      // The February date is over; the August one is next. The recurrence rule is not expanded.
      startsAt: '2026-08-28T17:00:00.000Z',
      endsAt: '2026-08-28T19:00:00.000Z',
      validFrom: '2026-08-14T17:00:00.000Z',
      validUntil: '2026-08-28T19:00:00.000Z',
      location: { name: 'Distelschänke, Am Jenzig 1, 07749 Jena', lat: 50.9363636, lon: 11.6102608 },
      updatedAt: '2026-04-02T13:33:00.000Z',
    })
  })

  it('picks the German value of a multilingual name and follows a location reference', async () => {
    const result = await items(fixture('thuecat-events.jsonld'))
    expect(byTitle(result, 'Schmöllner Knopfmarkt')).toMatchObject({
      // A date-only schedule with separate times, in the schedule's time zone.
      startsAt: '2026-09-05T08:00:00.000Z',
      endsAt: '2026-09-05T16:00:00.000Z',
      location: { name: 'Markt 1, 04626 Schmölln', lat: 50.8951, lon: 12.3562 },
      url: 'https://www.schmoelln.de/knopfmarkt',
    })
  })

  it('drops cancelled events, and the place an event refers to is no item of its own', async () => {
    const result = await items(fixture('thuecat-events.jsonld'))
    expect(result.map((item) => item.title).sort()).toEqual([
      'Distel-Comedy. Große Stand-up-Comedy-Show',
      'Schmöllner Knopfmarkt',
    ])
  })

  it('says why an event with only a recurrence rule is not shown', async () => {
    const result = await run(fixture('thuecat-events.jsonld'))
    expect(result.ok && result.warnings).toEqual([
      '1 dropped ("Skat-Stammtisch"): only a recurring eventSchedule, which is not expanded; no single date to show',
    ])
  })

  it('leaves out events that are over', async () => {
    const result = await items(fixture('thuecat-events.jsonld'), { now: new Date('2026-08-28T19:30:00Z') })
    expect(result.map((item) => item.title)).toEqual(['Schmöllner Knopfmarkt'])
  })

  it('turns a ThüCAT attraction into a tourism item with the opening hours valid now', async () => {
    const [dom] = await items(fixture('thuecat-poi.jsonld'))
    expect(dom).toMatchObject({
      id: 'test-jsonld:https://thuecat.org/resources/835224016581-dara',
      kind: 'tourism',
      title: 'Dom St. Marien',
      summary: 'Der Dom thront über dem Domplatz.',
      location: { name: 'Domstufen 1, 99084 Erfurt', lat: 50.975955358589545, lon: 11.023667024961856 },
      tourism: { openingHours: 'Mo–Fr 09:30–18:00, Sa–So 13:00–18:00' },
      validFrom: NOW.toISOString(),
      imageUrl: 'https://thuecat.org/resources/dms_5713563',
    })
    expect(dom?.validUntil).toBeUndefined()
  })

  it('switches to winter hours and shows none when no period covers today', async () => {
    const [winter] = await items(fixture('thuecat-poi.jsonld'), { now: new Date('2026-12-02T10:00:00Z') })
    expect(winter?.tourism?.openingHours).toBe('täglich 09:30–17:00')
    const [spring] = await items(fixture('thuecat-poi.jsonld'), { now: new Date('2026-03-02T10:00:00Z') })
    expect(spring?.tourism).toBeUndefined()
  })

  it('reads a schema.org event from the JSON-LD blocks of an HTML page, skipping a broken block', async () => {
    const result = await run(fixture('veranstaltung-seite.html'), {
      contentType: 'text/html; charset=utf-8',
      path: '/veranstaltungen/orgelkonzert-2026',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([expect.stringMatching(/^JSON-LD block 2 is not valid JSON/)])
    expect(result.items).toHaveLength(1)
    expect(result.items[0]).toMatchObject({
      kind: 'event',
      title: 'Orgelkonzert in der Stadtkirche St. Nicolai',
      summary: 'Werke von Bach & Händel, an der Orgel: Kantorin Maria Köhler.',
      // No offset in the page: Berlin wall-clock time.
      startsAt: '2026-09-12T17:30:00.000Z',
      endsAt: '2026-09-12T19:00:00.000Z',
      location: { name: 'Stadtkirche St. Nicolai, Kirchplatz 1, 04626 Schmölln', lat: 50.8957, lon: 12.3551 },
      url: server.url('/veranstaltungen/orgelkonzert-2026'),
      imageUrl: server.url('/fileadmin/veranstaltungen/orgelkonzert.jpg'),
    })
  })

  it('reads plain, prefixed and full-IRI keys, and numbers written as text', async () => {
    const document = {
      '@context': { sdo: 'https://schema.org/' },
      '@graph': [
        {
          '@type': 'sdo:Event',
          'sdo:name': 'Kinoabend auf dem Amtsplatz',
          'sdo:startDate': '2026-08-20',
          'sdo:location': {
            'sdo:name': 'Amtsplatz',
            'sdo:geo': { 'sdo:latitude': '50,8958', 'sdo:longitude': 12.3575 },
          },
        },
        {
          '@type': 'http://schema.org/TouristAttraction',
          'http://schema.org/name': { '@value': 'Sommeritzer Mühle' },
          'http://schema.org/openingHours': ['Mo-Fr 09:00-18:00', 'Sa 10:00-14:00'],
        },
      ],
    }
    const [cinema, mill] = await items(JSON.stringify(document))
    expect(cinema).toMatchObject({
      title: 'Kinoabend auf dem Amtsplatz',
      startsAt: '2026-08-19T22:00:00.000Z',
      allDay: true,
      validUntil: '2026-08-20T21:59:59.999Z',
      location: { name: 'Amtsplatz', lat: 50.8958, lon: 12.3575 },
    })
    expect(mill).toMatchObject({
      kind: 'tourism',
      title: 'Sommeritzer Mühle',
      tourism: { openingHours: 'Mo–Fr 09:00–18:00, Sa 10:00–14:00' },
    })
  })

  it('labels items with the configured kind but keeps event timing', async () => {
    const result = await items(fixture('thuecat-events.jsonld'), { kind: 'notice' })
    expect(result.map((item) => item.kind)).toEqual(['notice', 'notice'])
    expect(result.find((item) => item.id === DISTEL)?.validUntil).toBe('2026-08-28T19:00:00.000Z')
  })

  it('never lets markup from the document reach the title or summary', async () => {
    const document = {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: '<img src=x onerror=alert(1)>Konzert am Markt',
      description: '<script>alert(1)</script><p onclick="alert(2)">Eintritt frei</p>',
      startDate: '2026-08-20T19:00:00+02:00',
      url: 'javascript:alert(3)',
      image: 'data:image/svg+xml,<svg onload=alert(4)>',
    }
    const [item] = await items(JSON.stringify(document))
    expect(item).toMatchObject({ title: 'Konzert am Markt', summary: 'Eintritt frei' })
    expect(item?.url).toBeUndefined()
    expect(item?.imageUrl).toBeUndefined()
  })

  it('does not let __proto__ keys pollute anything', async () => {
    const body =
      '{"@context":"https://schema.org","@type":"Event","name":"Stadtfest","startDate":"2026-08-20",' +
      '"__proto__":{"polluted":"yes","name":"falsch"},"location":{"constructor":{"prototype":{"polluted":"yes"}}}}'
    const result = await items(body)
    expect(result.map((item) => item.title)).toEqual(['Stadtfest'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('stays within bounds on a hostile graph: deep nesting and a flood of nodes', async () => {
    const event = JSON.stringify({ '@type': 'Event', name: 'Tief versteckt', startDate: '2026-08-20' })
    const deep = `{"@type":"WebPage","mainEntity":${'{"@graph":['.repeat(50_000)}${event}${']}'.repeat(50_000)}}`
    const deepResult = await run(deep)
    expect(deepResult.ok && deepResult.items).toEqual([])

    const flood = Array.from({ length: 30_000 }, (_, index) => ({
      '@type': 'Event',
      name: `Veranstaltung ${index}`,
      startDate: '2026-08-20',
    }))
    const floodResult = await run(JSON.stringify({ '@graph': flood }), { maxItems: 50 })
    expect(floodResult.ok).toBe(true)
    if (!floodResult.ok) return
    expect(floodResult.items).toHaveLength(50)
    expect(floodResult.warnings).toContain('the document has too many nodes; only the first part was read')
  })

  it('fails with MalformedJson for broken JSON', async () => {
    const result = await run('{"@context": "https://schema.org", "@type": "Event",')
    expect(result.ok || result.error.code).toBe('MalformedJson')
  })

  it('fails with MalformedJson when every JSON-LD block of a page is broken', async () => {
    const page = '<html><script type="application/ld+json">{"@type": "Event",}</script></html>'
    const result = await run(page, { contentType: 'text/html' })
    expect(result.ok || result.error.code).toBe('MalformedJson')
  })

  it('fails with InvalidContent for a page without JSON-LD and for JSON without @type', async () => {
    const page = await run('<!DOCTYPE html><html><body><h1>Veranstaltungen</h1></body></html>', {
      contentType: 'text/html',
    })
    expect(page.ok || page.error.code).toBe('InvalidContent')
    const plain = await run('{"data": {"createdOrUpdated": [], "removed": []}}', {
      contentType: 'application/json',
    })
    expect(plain.ok || plain.error.code).toBe('InvalidContent')
  })

  it('fails with EmptyBody for an empty response', async () => {
    const result = await run('   ')
    expect(result.ok || result.error.code).toBe('EmptyBody')
  })

  it('shows the demo attractions of Schmölln with their opening hours', async () => {
    const template = readFileSync(join(ROOT, 'kiosk-config', 'demo-feeds', 'tourismus.jsonld'), 'utf8')
    const result = await run(renderDemoTemplate(template, NOW), { kind: 'tourism' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([])
    expect(result.items.map((item) => item.title)).toEqual([
      'Knopf- und Regionalmuseum Schmölln',
      'Stadtkirche St. Nicolai',
      'Pfefferberg mit Aussichtsturm',
      'Tourist-Information im Rathaus',
    ])
    expect(result.items[0]?.tourism?.openingHours).toBe(
      'Di–Fr 10:00–12:00 und 13:00–17:00, Sa–So 14:00–17:00',
    )
    expect(result.items[2]?.tourism?.openingHours).toBe('täglich 09:00–20:00')
    for (const item of result.items) {
      expect(item.kind).toBe('tourism')
      expect(item.tourism?.openingHours).toBeTruthy()
      expect(item.location?.lat).toBeCloseTo(50.895, 1)
      expect(item.location?.lon).toBeCloseTo(12.356, 1)
    }
  })
})

describe('literal', () => {
  it('prefers German, then untagged, then any language', () => {
    expect(
      literal([
        { '@language': 'en', '@value': 'Cathedral' },
        { '@language': 'de', '@value': 'Dom' },
      ]),
    ).toBe('Dom')
    expect(literal([{ '@language': 'en', '@value': 'Cathedral' }, 'Dom'])).toBe('Dom')
    expect(literal([{ '@language': 'en', '@value': 'Cathedral' }])).toBe('Cathedral')
    expect(literal({ '@type': 'schema:Float', '@value': 50.9 })).toBe('50.9')
    expect(literal({ '@type': 'schema:Boolean', '@value': true })).toBe('true')
    expect(literal({ '@id': 'https://thuecat.org/resources/x' })).toBeUndefined()
  })
})
