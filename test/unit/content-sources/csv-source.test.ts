import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentItem } from '../../../content-sources/content-item.js'
import { csvSource, detectDelimiter } from '../../../content-sources/csv/csv-source.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { serveAndFetch } from '../../helpers/served-document.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const NOW = new Date('2026-08-15T08:00:00Z')

/** The mapping for the windows-1252 fixture, whose German headers have umlauts too. */
const SCHMOELLN_FIELDS = {
  title: 'Maßnahme',
  summary: 'Hinweis',
  street: 'Straße',
  restriction: 'Einschränkung',
  startsAt: { path: 'Beginn', format: 'dd.MM.yyyy' },
  endsAt: { path: 'Ende', format: 'dd.MM.yyyy' },
  lat: 'Breite',
  lon: 'Länge',
  url: 'Link',
}
const SIMPLE_FIELDS = { title: 'titel', street: 'strasse', lat: 'lat', lon: 'lon' }

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
  radiusKm?: number
  delimiter?: string
  contentType?: string
}

/** Serves the body on a real HTTP server, fetches it as the sync does, and parses it. */
async function run(body: string | Buffer, options: RunOptions = {}): Promise<SourceResult> {
  const path = `/baustellen-${++routeCount}.csv`
  const source = testSource('csv', {
    url: server.url(path),
    fields: options.fields ?? SIMPLE_FIELDS,
    ...(options.radiusKm === undefined ? {} : { radiusKm: options.radiusKm }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  })
  const document = await serveAndFetch(server, path, body, options.contentType ?? 'text/csv', source.maxBytes)
  return csvSource.parse(document, { source, monitor: testMonitor(), now: NOW })
}

async function items(body: string | Buffer, options: RunOptions = {}): Promise<ContentItem[]> {
  const result = await run(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result.items
}

function schmoelln(): Buffer {
  return readFileSync(join(HERE, 'fixtures', 'csv', 'baustellen-schmoelln.csv'))
}

describe('CsvSource', () => {
  it('reads a windows-1252 export with ; and keeps every umlaut, ß and quotation mark', async () => {
    const result = await items(schmoelln(), { fields: SCHMOELLN_FIELDS })
    const sommeritzer = result.find((item) => item.roadworks?.street === 'Sommeritzer Straße')
    expect(sommeritzer).toMatchObject({
      title: 'Kanalerneuerung // Vollsperrung in 3 Abschnitten',
      summary: '„Umleitung über Altenburger Straße“ – Anlieger frei',
      roadworks: { street: 'Sommeritzer Straße', restriction: 'Vollsperrung' },
      url: 'https://www.schmoelln.de/baustellen/sommeritzer-strasse',
    })
    const goessnitzer = result.find((item) => item.roadworks?.street === 'Gößnitzer Straße')
    expect(goessnitzer?.summary).toBe('Kosten: 180.000 €')
    expect(JSON.stringify(result)).not.toMatch(/\uFFFD|Ã/)
  })

  it('reads the same bytes even when the server calls them UTF-8', async () => {
    const result = await items(schmoelln(), {
      fields: SCHMOELLN_FIELDS,
      contentType: 'text/csv; charset=utf-8',
    })
    expect(result.map((item) => item.roadworks?.street)).toContain('Gößnitzer Straße')
  })

  it('reads coordinates with German decimal commas, latitude and longitude the right way round', async () => {
    const result = await items(schmoelln(), { fields: SCHMOELLN_FIELDS })
    const sommeritzer = result.find((item) => item.roadworks?.street === 'Sommeritzer Straße')
    expect(sommeritzer?.location).toEqual({ name: 'Sommeritzer Straße', lat: 50.8971, lon: 12.3497 })
  })

  it('maps German dates and hides roadworks whose end has passed', async () => {
    const result = await items(schmoelln(), { fields: SCHMOELLN_FIELDS })
    expect(result.map((item) => item.roadworks?.street)).not.toContain('Brückenplatz')
    const goessnitzer = result.find((item) => item.roadworks?.street === 'Gößnitzer Straße')
    expect(goessnitzer).toMatchObject({
      startsAt: '2026-08-09T22:00:00.000Z',
      endsAt: '2026-08-21T21:59:59.999Z',
      validFrom: '2026-08-02T22:00:00.000Z',
      validUntil: '2026-08-21T21:59:59.999Z',
    })
  })

  it('keeps a quoted cell with ; and doubled quotes whole, and an open end open', async () => {
    const result = await items(schmoelln(), { fields: SCHMOELLN_FIELDS })
    const markt = result.find((item) => item.roadworks?.street === 'Markt')
    expect(markt?.title).toBe('Pflasterarbeiten "Am Markt"; 2. Bauabschnitt')
    expect(markt?.endsAt).toBeUndefined()
    expect(markt?.validUntil).toBeUndefined()
  })

  it('keeps rows near Schmölln and drops the Dortmund row when radiusKm is set', async () => {
    const all = await items(schmoelln(), { fields: SCHMOELLN_FIELDS })
    expect(all.map((item) => item.roadworks?.street)).toContain('Virchowstraße')
    const near = await items(schmoelln(), { fields: SCHMOELLN_FIELDS, radiusKm: 15 })
    expect(near.map((item) => item.roadworks?.street).sort()).toEqual([
      'Gößnitzer Straße',
      'Markt',
      'Sommeritzer Straße',
    ])
  })

  it('detects comma and tab separated files', async () => {
    const comma = 'titel,strasse,lat,lon\r\n"Gehweg, Nordseite",Amtsplatz,50.8958,12.3575\r\n'
    expect(await items(comma)).toMatchObject([
      { title: 'Gehweg, Nordseite', location: { name: 'Amtsplatz', lat: 50.8958, lon: 12.3575 } },
    ])
    const tab = 'titel\tstrasse\tlat\tlon\nFahrbahnerneuerung\tRonneburger Straße\t50,8925\t12,335\n'
    expect(await items(tab)).toMatchObject([
      { title: 'Fahrbahnerneuerung', location: { lat: 50.8925, lon: 12.335 } },
    ])
  })

  it('picks the delimiter that the header uses most, outside quotes', () => {
    expect(detectDelimiter('"Ort, Straße";Beginn;Ende\n1,2;3;4')).toBe(';')
    expect(detectDelimiter('a,b,c\nx;y;z;w')).toBe(',')
    expect(detectDelimiter('\uFEFFa\tb\n')).toBe('\t')
    expect(detectDelimiter('titel\n')).toBe(',')
  })

  it('uses a configured delimiter instead of guessing', async () => {
    // The header has more semicolons than commas, so a guess would split at the wrong character.
    const body =
      'titel,bemerkung (Abschnitt; Richtung; Spur)\r\nGehweg Nordseite,Markt; stadteinwärts; rechts\r\n'
    const fields = { title: 'titel', summary: 'bemerkung (Abschnitt; Richtung; Spur)' }
    expect(await items(body, { delimiter: ',', fields })).toMatchObject([
      { title: 'Gehweg Nordseite', summary: 'Markt; stadteinwärts; rechts' },
    ])
  })

  it('follows the sep= line that Excel writes', async () => {
    const body = 'sep=;\r\ntitel;strasse\r\nGehweg, Nordseite;Amtsplatz\r\n'
    expect(await items(body)).toMatchObject([
      { title: 'Gehweg, Nordseite', roadworks: { street: 'Amtsplatz' } },
    ])
  })

  it('drops rows with unreadable coordinates with a warning and keeps rows without any', async () => {
    const body = 'titel;lat;lon\nOhne Ort;;\nKaputt;fünfzig;12,3\nGut;50,895;12,356\n'
    const result = await run(body)
    expect(result.ok && result.items.map((item) => item.title)).toEqual(['Ohne Ort', 'Gut'])
    expect(result.ok && result.warnings.join('\n')).toMatch(/1 dropped \(line 3\): coordinates/)
  })

  it('never lets markup from cells reach the title or summary', async () => {
    const body = 'titel;hinweis\n<img src=x onerror=alert(1)>Markt;<script>alert(1)</script>Anlieger frei\n'
    const [item] = await items(body, { fields: { title: 'titel', summary: 'hinweis' } })
    expect(item).toMatchObject({ title: 'Markt', summary: 'Anlieger frei' })
  })

  it('fails with MalformedCsv for a quote that is never closed', async () => {
    const result = await run('titel;strasse\n"Markt;Amtsplatz\nBrückenplatz;Markt\n')
    expect(result.ok || result.error.code).toBe('MalformedCsv')
  })

  it('fails with EmptyBody for an empty file', async () => {
    const result = await run('\r\n  \r\n')
    expect(result.ok || result.error.code).toBe('EmptyBody')
  })

  it('fails with InvalidContent listing the columns when the title column is missing', async () => {
    const result = await run(schmoelln(), { fields: { title: 'Titel' } })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('InvalidContent')
    expect(result.error.message).toContain('Maßnahme')
  })

  it('gives no items and no error for a file with only a header', async () => {
    const result = await run('titel;strasse\r\n')
    expect(result).toEqual({ ok: true, items: [], warnings: [] })
  })
})
