import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { brightskySource } from '../../../content-sources/brightsky/brightsky-source.js'
import type { ContentItem } from '../../../content-sources/content-item.js'
import { fetchDocument } from '../../../content-sources/fetch/http-fetch.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const FIXTURES = join(HERE, 'fixtures', 'brightsky')
const DEMO_FEEDS = join(HERE, '..', '..', '..', 'kiosk-config', 'demo-feeds', 'brightsky')
/** A quarter of an hour after the sample observation (12:30 UTC). */
const NOW = new Date('2023-08-07T12:45:00Z')
const JSON_HEADERS = { 'content-type': 'application/json' }

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

interface RunOptions {
  now?: Date
  forecastHours?: number
  attribution?: string
  withoutFetchMore?: boolean
}

/** The real path: current weather fetched as the sync fetches it, the forecast through fetchMore. */
async function run(server: FixtureServer, options: RunOptions = {}): Promise<SourceResult> {
  const source = testSource('brightsky', {
    url: server.url('/brightsky'),
    forecastHours: options.forecastHours ?? 6,
    ...(options.attribution ? { attribution: options.attribution } : {}),
  })
  const monitor = testMonitor()
  const limits = { timeoutMs: source.timeoutMs, maxBytes: source.maxBytes }
  const now = options.now ?? NOW
  const url = brightskySource.requestUrl(source, monitor, now)
  const outcome = await fetchDocument({ url, accept: brightskySource.accept, ...limits })
  if (!outcome.ok || outcome.notModified) throw new Error(`fixture not served: ${JSON.stringify(outcome)}`)
  const fetchMore = (moreUrl: string) => fetchDocument({ url: moreUrl, ...limits })
  return brightskySource.parse(outcome.document, {
    source,
    monitor,
    now,
    ...(options.withoutFetchMore ? {} : { fetchMore }),
  })
}

function onlyItem(result: SourceResult): { item: ContentItem; warnings: string[] } {
  if (!result.ok) throw new Error(`expected an item, got ${result.error.code}: ${result.error.message}`)
  expect(result.items).toHaveLength(1)
  return { item: result.items[0]!, warnings: result.warnings }
}

describe('BrightSkySource', () => {
  let server: FixtureServer

  beforeAll(async () => {
    server = await new FixtureServer().start()
  })
  afterAll(() => server.stop())
  beforeEach(() => {
    server.route('/brightsky/current_weather', {
      headers: JSON_HEADERS,
      body: fixture('current-weather.json'),
    })
    server.route('/brightsky/weather', { headers: JSON_HEADERS, body: fixture('weather.json') })
  })

  it('asks for the current weather at the monitor, in its time zone', () => {
    const source = testSource('brightsky', { url: 'https://api.brightsky.dev/' })
    expect(brightskySource.requestUrl(source, testMonitor(), NOW)).toBe(
      'https://api.brightsky.dev/current_weather?lat=50.895&lon=12.356&tz=Europe%2FBerlin',
    )
  })

  it('shows the current weather in German with the DWD source note', async () => {
    const { item, warnings } = onlyItem(await run(server, { forecastHours: 0 }))
    expect(item).toMatchObject({
      id: 'test-brightsky:current',
      kind: 'weather',
      title: 'Wetter in Schmölln',
      summary: '18 °C, bewölkt',
      priority: 'normal',
      attribution: 'Quelle: Deutscher Wetterdienst',
      validFrom: NOW.toISOString(),
    })
    expect(item.weather).toEqual({
      observedAt: '2023-08-07T12:30:00.000Z',
      temperatureC: 17.6,
      condition: 'bewölkt',
      icon: 'cloudy',
      windSpeedKmh: 27.4,
      stationName: 'Muenster/Osnabrueck',
      forecast: [],
    })
    expect(warnings).toEqual([])
  })

  it('stops showing the weather three hours after it was observed', async () => {
    const { item } = onlyItem(await run(server))
    expect(item.validUntil).toBe('2023-08-07T15:30:00.000Z')
  })

  it('keeps the DWD source note when the source config names another', async () => {
    const { item } = onlyItem(await run(server, { attribution: 'Wetterdaten: Stadt Schmölln' }))
    expect(item.attribution).toBe('Quelle: Deutscher Wetterdienst')
  })

  it('adds the coming hours from the forecast, and only those', async () => {
    const requestsBefore = server.requests.length
    const { item } = onlyItem(await run(server, { forecastHours: 6 }))
    const forecast = item.weather?.forecast ?? []
    expect(forecast.map((point) => point.time)).toEqual([
      '2023-08-07T13:00:00.000Z',
      '2023-08-07T14:00:00.000Z',
      '2023-08-07T15:00:00.000Z',
      '2023-08-07T16:00:00.000Z',
      '2023-08-07T17:00:00.000Z',
      '2023-08-07T18:00:00.000Z',
    ])
    expect(forecast[0]).toEqual({
      time: '2023-08-07T13:00:00.000Z',
      temperatureC: 17.9,
      icon: 'rain',
      precipitationProbability: 64,
    })
    const forecastRequest = server.requests
      .slice(requestsBefore)
      .find((request) => request.path.startsWith('/brightsky/weather'))
    const query = new URL(forecastRequest!.path, server.origin).searchParams
    expect(Object.fromEntries(query)).toEqual({
      lat: '50.895',
      lon: '12.356',
      date: '2023-08-07T12:45:00.000Z',
      last_date: '2023-08-07T18:45:00.000Z',
      tz: 'Europe/Berlin',
    })
  })

  it('keeps the current weather, with a note, when the forecast fails', async () => {
    server.route('/brightsky/weather', { status: 503, body: 'Service Unavailable' })
    const { item, warnings } = onlyItem(await run(server))
    expect(item.summary).toBe('18 °C, bewölkt')
    expect(item.weather?.forecast).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('503')
  })

  it('keeps the current weather when the forecast is not a weather answer', async () => {
    server.route('/brightsky/weather', { headers: JSON_HEADERS, body: '{"title": "Not Found"}' })
    const { item, warnings } = onlyItem(await run(server))
    expect(item.weather?.temperatureC).toBe(17.6)
    expect(warnings).toHaveLength(1)
  })

  it('does without the forecast when it cannot fetch more (inspect of a file)', async () => {
    const requestsBefore = server.requests.length
    const { item, warnings } = onlyItem(await run(server, { withoutFetchMore: true }))
    expect(item.weather?.forecast).toEqual([])
    expect(warnings).toEqual([])
    expect(server.requests.slice(requestsBefore).map((request) => request.path.split('?')[0])).toEqual([
      '/brightsky/current_weather',
    ])
  })

  it('says 0 °C, not -0 °C, for snow just below freezing', async () => {
    const document = JSON.parse(fixture('current-weather.json'))
    Object.assign(document.weather, { temperature: -0.4, icon: 'snow', condition: 'snow' })
    server.route('/brightsky/current_weather', { headers: JSON_HEADERS, body: JSON.stringify(document) })
    const { item } = onlyItem(await run(server, { forecastHours: 0 }))
    expect(item.summary).toBe('0 °C, Schnee')
  })

  it('shows the condition alone when the station reports no temperature', async () => {
    const document = JSON.parse(fixture('current-weather.json'))
    Object.assign(document.weather, { temperature: null, icon: 'fog', condition: 'fog' })
    server.route('/brightsky/current_weather', { headers: JSON_HEADERS, body: JSON.stringify(document) })
    const { item } = onlyItem(await run(server, { forecastHours: 0 }))
    expect(item.summary).toBe('Nebel')
    expect(item.weather?.temperatureC).toBeNull()
  })

  it('fails with InvalidContent when the answer has no weather object', async () => {
    server.route('/brightsky/current_weather', { headers: JSON_HEADERS, body: '{"sources": []}' })
    const result = await run(server)
    expect(result.ok ? 'ok' : result.error.code).toBe('InvalidContent')
  })

  it('fails with MalformedJson when the answer is not JSON', async () => {
    server.route('/brightsky/current_weather', { headers: JSON_HEADERS, body: '{"weather": {' })
    const result = await run(server)
    expect(result.ok ? 'ok' : result.error.code).toBe('MalformedJson')
  })

  it('shows plausible November weather from the bundled demo feed', async () => {
    const now = new Date('2026-11-21T13:20:00Z')
    const render = (file: string) => renderDemoTemplate(readFileSync(join(DEMO_FEEDS, file), 'utf8'), now)
    server.route('/brightsky/current_weather', { headers: JSON_HEADERS, body: render('current_weather') })
    server.route('/brightsky/weather', { headers: JSON_HEADERS, body: render('weather') })
    const { item, warnings } = onlyItem(await run(server, { now, forecastHours: 12 }))
    expect(item.summary).toBe('5 °C, bewölkt')
    expect(item.weather?.stationName).toBe('Gera-Leumnitz')
    expect(item.weather?.forecast).toHaveLength(12)
    expect(new Date(item.validUntil!) > now).toBe(true)
    expect(warnings).toEqual([])
  })
})
