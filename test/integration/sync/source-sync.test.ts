import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ContentCache } from '../../../main/cache/content-cache.js'
import { syncSource } from '../../../main/sync/source-sync.js'
import { clockStartingAt } from '../../../main/util/clock.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { rssFeed } from '../../helpers/rss-fixtures.js'
import { tempDir } from '../../helpers/temp-dir.js'

const GOOD_TITLES = [
  'Weihnachtsmarkt eröffnet',
  'Bürgerbüro geänderte Öffnungszeiten',
  'Straßensperrung Markt',
]

describe('syncSource', () => {
  const server = new FixtureServer()
  let dir: ReturnType<typeof tempDir>
  let cache: ContentCache
  const clock = clockStartingAt(new Date('2026-11-21T10:00:00Z'))

  beforeAll(async () => {
    await server.start()
  })
  afterAll(async () => {
    await server.stop()
  })
  beforeEach(() => {
    dir = tempDir()
    cache = ContentCache.open(dir.path)
  })
  afterEach(() => {
    cache.close()
    dir.remove()
  })

  const source = (path: string, fields: Record<string, unknown> = {}) =>
    testSource('rss', {
      id: 'stadt-news',
      url: server.url(path),
      timeoutMs: 2000,
      maxBytes: 5 * 1024 * 1024,
      ...fields,
    })
  const deps = () => ({ cache, monitor: testMonitor(), clock, maxImageBytes: 1024 * 1024 })
  const titles = () =>
    cache.items
      .all()
      .map((item) => item.title)
      .sort()

  async function syncGoodThen(path: string, bad: Parameters<FixtureServer['route']>[1]) {
    server.route(path, { headers: { 'content-type': 'application/rss+xml' }, body: rssFeed(GOOD_TITLES) })
    const first = await syncSource(source(path), deps())
    expect(first.outcome).toBe('changed')
    server.route(path, bad)
    return syncSource(source(path), deps())
  }

  it('stores a feed and reports its items', async () => {
    server.route('/ok.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rssFeed(GOOD_TITLES),
    })
    const report = await syncSource(source('/ok.xml'), deps())
    expect(report).toMatchObject({ outcome: 'changed', parsed: true, itemCount: 3 })
    expect(titles()).toEqual([...GOOD_TITLES].sort())
    expect(cache.sources.get('stadt-news')).toMatchObject({ itemCount: 3, consecutiveFailures: 0 })
    expect(cache.sources.get('stadt-news').lastOkAt?.getTime()).toBeGreaterThanOrEqual(
      Date.parse('2026-11-21T10:00:00Z'),
    )
  })

  it.each([
    ['malformed XML', { body: '<rss><channel><item><title>kaputt</title></channel>' }, 'MalformedXml'],
    ['an empty body', { body: '' }, 'EmptyBody'],
    [
      'an HTML page instead of a feed',
      {
        headers: { 'content-type': 'text/html' },
        body: '<!DOCTYPE html><html><head><title>Startseite</title></head><body>Willkommen</body></html>',
      },
      'NotAFeed',
    ],
    ['HTTP 500', { status: 500, body: 'Internal Server Error' }, 'HttpError'],
    ['HTTP 404', { status: 404, body: 'Not Found' }, 'HttpError'],
    ['a 20 MB body', { body: `<rss>${'x'.repeat(20 * 1024 * 1024)}</rss>` }, 'FetchTooLarge'],
  ])('keeps the last good items when the feed sends %s', async (_name, bad, code) => {
    const report = await syncGoodThen('/feed.xml', bad)
    expect(report.outcome).toBe('failed')
    expect(report.error?.code).toBe(code)
    expect(titles()).toEqual([...GOOD_TITLES].sort())
    expect(cache.sources.get('stadt-news')).toMatchObject({
      lastError: { code },
      consecutiveFailures: 1,
      itemCount: 3,
    })
  })

  it('stops a gzip bomb at maxBytes, counted after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const started = performance.now()
    const report = await syncGoodThen('/bomb.xml', {
      headers: { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' },
      body: bomb,
    })
    expect(report.error?.code).toBe('FetchTooLarge')
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(titles()).toEqual([...GOOD_TITLES].sort())
  })

  it('cuts off a server that drips a byte every 5 s at the total deadline', async () => {
    const timers: NodeJS.Timeout[] = []
    const report = await syncGoodThen('/drip.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      const drip = setInterval(() => response.write('<'), 5000)
      timers.push(drip)
      response.write('<')
      response.on('close', () => clearInterval(drip))
    })
    for (const timer of timers) clearInterval(timer)
    expect(report.error?.code).toBe('FetchTimeout')
    expect(report.durationMs).toBeLessThan(4000)
    expect(titles()).toEqual([...GOOD_TITLES].sort())
  })

  it('gives up on a redirect loop', async () => {
    server.route('/loop-a', { status: 302, headers: { location: '/loop-b' } })
    server.route('/loop-b', { status: 302, headers: { location: '/loop-a' } })
    const report = await syncGoodThen('/redirect.xml', { status: 301, headers: { location: '/loop-a' } })
    expect(report.error?.code).toBe('TooManyRedirects')
    expect(titles()).toEqual([...GOOD_TITLES].sort())
  })

  it('refuses a redirect to file://', async () => {
    const report = await syncGoodThen('/to-file.xml', {
      status: 302,
      headers: { location: 'file:///etc/passwd' },
    })
    expect(report.error?.code).toBe('RedirectNotAllowed')
    expect(titles()).toEqual([...GOOD_TITLES].sort())
  })

  it('reads UTF-8 bytes correctly although the server labels them ISO-8859-1', async () => {
    const body = Buffer.from(
      rssFeed(['Straßensperrung Hauptstraße – 5 €'], { encoding: 'ISO-8859-1' }),
      'utf8',
    )
    server.route('/mislabelled.xml', {
      headers: { 'content-type': 'application/rss+xml; charset=ISO-8859-1' },
      body,
    })
    const report = await syncSource(source('/mislabelled.xml'), deps())
    expect(report.outcome).toBe('changed')
    expect(titles()).toEqual(['Straßensperrung Hauptstraße – 5 €'])
  })

  it('replaces the snapshot on success: a removed item disappears, a corrected title is updated', async () => {
    server.route('/changes.xml', { body: rssFeed(GOOD_TITLES) })
    await syncSource(source('/changes.xml'), deps())
    server.route('/changes.xml', {
      body: rssFeed(['Weihnachtsmarkt eröffnet – mit Eisbahn', 'Bürgerbüro geänderte Öffnungszeiten']),
    })
    const report = await syncSource(source('/changes.xml'), deps())
    expect(report.change).toEqual({ added: 0, updated: 1, removed: 1, unchanged: 1 })
    expect(titles()).toEqual([
      'Bürgerbüro geänderte Öffnungszeiten',
      'Weihnachtsmarkt eröffnet – mit Eisbahn',
    ])
  })

  it('costs no parse and no write when the server answers 304 to the stored ETag', async () => {
    server.route('/etag.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end()
      response
        .writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' })
        .end(rssFeed(GOOD_TITLES))
    })
    await syncSource(source('/etag.xml'), deps())
    const changesBefore = cache.db.prepare('SELECT total_changes() AS n').get() as { n: number }
    const report = await syncSource(source('/etag.xml'), deps())
    expect(report).toMatchObject({ outcome: 'unchanged', parsed: false })
    const itemRows = cache.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }
    expect(itemRows.n).toBe(3)
    // Only the status row and its run log line were written, no item.
    const changesAfter = cache.db.prepare('SELECT total_changes() AS n').get() as { n: number }
    expect(changesAfter.n - changesBefore.n).toBeLessThanOrEqual(3)
  })

  it('treats an identical body without validators as unchanged, without parsing it', async () => {
    server.route('/same.xml', { body: rssFeed(GOOD_TITLES) })
    await syncSource(source('/same.xml'), deps())
    const report = await syncSource(source('/same.xml'), deps())
    expect(report).toMatchObject({ outcome: 'unchanged', parsed: false, itemCount: 3 })
  })

  it('refuses images that would send the monitor to another loopback service (its own admin API)', async () => {
    const feed = rssFeed(['Neue Meldung']).replace(
      '</item>',
      `<enclosure url="http://localhost:${new URL(server.origin).port}/api/v1/status?i=1" type="image/png"/></item>`,
    )
    server.route('/ssrf.xml', { body: feed })
    const report = await syncSource(source('/ssrf.xml'), deps())
    expect(report.outcome).toBe('changed')
    expect(report.warnings.join('\n')).toMatch(/may not send the monitor there/)
    expect(server.requests.some((request) => request.path.startsWith('/api/v1/status'))).toBe(false)
    expect(titles()).toEqual(['Neue Meldung'])
  })
})
