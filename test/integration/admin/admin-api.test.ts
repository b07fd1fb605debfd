import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StatusSchema } from '../../../contracts/admin-api.js'
import type { Notice } from '../../../contracts/notice.js'
import { startAdminServer } from '../../../main/admin/admin-server.js'
import type { AttachedShell } from '../../../main/core/kiosk-core.js'
import { clockStartingAt } from '../../../main/util/clock.js'
import { VERSION } from '../../../main/version.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { ensureRendererBuilt } from '../../helpers/kiosk-page.js'
import { rssFeed } from '../../helpers/rss-fixtures.js'
import { type AdminHarness, http, pngSize, startAdminHarness, tinyPng, within } from './admin-harness.js'

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: unknown }[]
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>
}
interface OpenApiDocument {
  openapi: string
  security: unknown[]
  components: { securitySchemes: Record<string, unknown> }
  paths: Record<string, Record<string, OpenApiOperation>>
}

describe('admin API: document, status, play log, audit, sync, screenshots and slide previews', () => {
  const feeds = new FixtureServer()
  let h: AdminHarness

  beforeAll(async () => {
    ensureRendererBuilt()
    feeds.route('/news.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rssFeed(['Stadtrat tagt']),
    })
    await feeds.start()
    h = await startAdminHarness({
      clock: clockStartingAt(new Date('2026-11-21T10:00:00+01:00')),
      extra: `sources:\n  - id: news\n    type: rss\n    url: ${feeds.url('/news.xml')}\n`,
    })
  })
  afterAll(async () => {
    await h?.stop()
    await feeds.stop()
  })

  it('names the calling token and its role, so the admin page offers only what the role may do', async () => {
    for (const [token, role] of [
      [h.tokens.press, 'press'],
      [h.tokens.it, 'it'],
    ] as const) {
      const response = await fetch(`${h.url}/session`, { headers: { authorization: `Bearer ${token}` } })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ role })
    }
  })

  it('serves an OpenAPI 3 document, without a token, with every route and its schemas', async () => {
    const response = await http(`${h.url}/openapi.json`)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    const doc = response.json<OpenApiDocument>()
    expect(doc.openapi).toBe('3.0.3')
    expect(doc.components.securitySchemes).toHaveProperty('bearer')
    expect(doc.security).toEqual([{ bearer: [] }])
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    )
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      [
        'GET /api/v1/notices',
        'POST /api/v1/notices',
        'GET /api/v1/notices/{id}',
        'PUT /api/v1/notices/{id}',
        'DELETE /api/v1/notices/{id}',
        'POST /api/v1/images',
        'GET /api/v1/images/{id}',
        'GET /api/v1/preview',
        'POST /api/v1/preview/slide.png',
        'GET /api/v1/screenshot',
        'GET /api/v1/config',
        'PUT /api/v1/config',
        'GET /api/v1/config/versions',
        'POST /api/v1/config/rollback',
        'GET /api/v1/session',
        'GET /api/v1/status',
        'GET /api/v1/plays',
        'GET /api/v1/audit',
        'POST /api/v1/sources/{id}/sync',
      ].sort(),
    )
    for (const { path, method, operation } of operations) {
      const label = `${method} ${path}`
      const success = Object.keys(operation.responses).filter((code) => code.startsWith('2'))
      expect(success, label).toHaveLength(1)
      if (success[0] !== '204')
        expect(Object.keys(operation.responses[success[0]!]!.content ?? {}), label).not.toEqual([])
      expect(operation.responses['4XX']?.content?.['application/json']?.schema, label).toMatchObject({
        properties: { error: { type: 'string' } },
      })
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(
          operation.parameters?.some(
            (parameter) => parameter.in === 'path' && `{${parameter.name}}` === name,
          ),
          label,
        ).toBe(true)
      }
    }
    const createNotice = doc.paths['/api/v1/notices']!.post!
    expect(createNotice.requestBody!.content['application/json']!.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['title', 'validFrom']),
    })
    expect(Object.keys(doc.paths['/api/v1/images']!.post!.requestBody!.content)).toEqual([
      'image/png',
      'image/jpeg',
      'image/webp',
      'image/gif',
    ])
    expect(Object.keys(doc.paths['/api/v1/config']!.put!.requestBody!.content)).toContain('application/yaml')
    expect(Object.keys(doc.paths['/api/v1/plays']!.get!.responses['200']!.content!)).toEqual([
      'application/json',
      'text/csv',
    ])
    expect(
      doc.paths['/api/v1/status']!.get!.responses['200']!.content!['application/json']!.schema,
    ).toMatchObject({
      properties: { sources: { type: 'array' }, cache: { type: 'object' } },
    })
  })

  it('reports status: software, sources, current slide, display, storage, memory', async () => {
    await within(10_000, async () => (h.core.cache.sources.get('news').lastOkAt ? true : undefined))
    await http(`${h.core.playerUrl}api/plays`, {
      method: 'POST',
      body: {
        plays: [
          {
            itemId: 'news:1',
            sourceId: null,
            kind: 'news',
            title: 'Stadtrat tagt',
            shownAt: '2026-11-21T08:59:00.000Z',
            durationMs: 12_000,
          },
        ],
      },
    })
    const response = await http(`${h.url}/status`, { token: h.tokens.press })
    expect(response.status).toBe(200)
    const status = StatusSchema.parse(response.json())
    expect(status.software).toEqual({ name: 'infomonitor', version: VERSION })
    expect(status.monitor).toEqual({ id: 'test-monitor', name: 'Schmölln' })
    expect(status.configVersion).toBe(1)
    expect(status.sources).toEqual([
      expect.objectContaining({
        id: 'news',
        type: 'rss',
        itemCount: 1,
        consecutiveFailures: 0,
        lastError: null,
        backingOffForMs: 0,
      }),
    ])
    expect(status.sources[0]!.lastOkAt).not.toBeNull()
    expect(status.currentSlide).toEqual({
      itemId: 'news:1',
      kind: 'news',
      title: 'Stadtrat tagt',
      shownAt: '2026-11-21T08:59:00.000Z',
    })
    expect(status.display.on).toBe(true)
    expect(status.cache.bytes).toBeGreaterThan(0)
    expect(status.cache.items).toBe(1)
    expect(status.memory.rssBytes).toBeGreaterThan(status.memory.heapUsedBytes)
    expect(status.renderer).toBeNull()
  })

  it('syncs a source on demand and audits it; an unknown source is 404', async () => {
    feeds.route('/news.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rssFeed(['Stadtrat tagt', 'Neue Parkplätze']),
    })
    const response = await http(`${h.url}/sources/news/sync`, { method: 'POST', token: h.tokens.it })
    expect(response.status, response.text).toBe(200)
    expect(response.json()).toMatchObject({
      sourceId: 'news',
      outcome: 'changed',
      parsed: true,
      itemCount: 2,
    })
    expect((await http(`${h.url}/sources/nope/sync`, { method: 'POST', token: h.tokens.it })).status).toBe(
      404,
    )
    const audit = (await http(`${h.url}/audit?limit=1`, { token: h.tokens.it })).json<
      { action: string; target: string }[]
    >()
    expect(audit).toEqual([
      expect.objectContaining({ action: 'source.sync', target: 'news', actor: 'it-admin' }),
    ])
  })

  it('exports the play log as JSON or CSV, quoting fields and defusing formulas', async () => {
    const titles = [
      'Stadtrat tagt',
      'Markt, Kirche und "Rathaus"',
      'Zwei\nZeilen',
      '=HYPERLINK("http://evil.example")',
    ]
    await http(`${h.core.playerUrl}api/plays`, {
      method: 'POST',
      body: {
        plays: titles.map((title, index) => ({
          itemId: `news:${index}`,
          sourceId: 'news',
          kind: 'news',
          title,
          shownAt: new Date(Date.parse('2026-11-21T08:00:00Z') + index * 60_000).toISOString(),
          durationMs: 10_000,
        })),
      },
    })
    const json = await http(`${h.url}/plays`, { token: h.tokens.press })
    expect(json.headers['content-type']).toMatch(/^application\/json/)
    expect(json.json<{ title: string }[]>().map((play) => play.title)).toEqual([...titles, 'Stadtrat tagt'])

    const csv = await http(`${h.url}/plays?from=2026-11-21T07:00:00Z&to=2026-11-21T08:30:00Z`, {
      token: h.tokens.press,
      headers: { accept: 'text/csv' },
    })
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.text).toBe(
      [
        'shownAt,durationMs,itemId,sourceId,kind,title',
        '2026-11-21T08:00:00.000Z,10000,news:0,news,news,Stadtrat tagt',
        '2026-11-21T08:01:00.000Z,10000,news:1,news,news,"Markt, Kirche und ""Rathaus"""',
        '2026-11-21T08:02:00.000Z,10000,news:2,news,news,"Zwei\nZeilen"',
        `2026-11-21T08:03:00.000Z,10000,news:3,news,news,"'=HYPERLINK(""http://evil.example"")"`,
        '',
      ].join('\r\n'),
    )
    const byQuery = await http(
      `${h.url}/plays?format=csv&from=2026-11-21T07:00:00Z&to=2026-11-21T08:30:00Z`,
      { token: h.tokens.press },
    )
    expect(byQuery.text).toBe(csv.text)

    const tooLong = await http(`${h.url}/plays?from=2025-01-01T00:00:00Z&to=2026-11-21T00:00:00Z`, {
      token: h.tokens.press,
    })
    expect(tooLong.status).toBe(422)
    const backwards = await http(`${h.url}/plays?from=2026-11-21T09:00:00Z&to=2026-11-21T07:00:00Z`, {
      token: h.tokens.press,
    })
    expect(backwards.status).toBe(422)
    const injected = await http(`${h.url}/plays?from=2026-11-21T07:00:00Z'%20OR%201=1--`, {
      token: h.tokens.press,
    })
    expect(injected.status).toBe(422)
  })

  it('pages through the audit log', async () => {
    const all = (await http(`${h.url}/audit?limit=1000`, { token: h.tokens.it })).json<{ id: number }[]>()
    const first = (await http(`${h.url}/audit?limit=1`, { token: h.tokens.it })).json<{ id: number }[]>()
    expect(first).toEqual([all[0]])
    const rest = (await http(`${h.url}/audit?before=${first[0]!.id}`, { token: h.tokens.it })).json<
      { id: number }[]
    >()
    expect(rest).toEqual(all.slice(1))
    expect((await http(`${h.url}/audit?limit=0`, { token: h.tokens.it })).status).toBe(422)
    expect((await http(`${h.url}/audit?sort=id;DROP TABLE notices`, { token: h.tokens.it })).status).toBe(422)
  })

  it('renders an unsaved notice to a PNG at 1920×1080 or 1080×1920, storing and counting nothing', async () => {
    const image = (
      await http(`${h.url}/images`, {
        method: 'POST',
        token: h.tokens.press,
        headers: { 'content-type': 'image/png' },
        body: tinyPng(64, 48),
      })
    ).json<{ id: string }>()
    const notice = {
      title: 'Sperrung Markt',
      text: 'Wegen des Weihnachtsmarkts ist der Markt vom 1. bis 23. Dezember für den Verkehr gesperrt.',
      url: 'https://www.schmoelln.de/weihnachtsmarkt',
      imageId: image.id,
      validFrom: '2026-12-01T00:00:00+01:00',
    }
    const noticesBefore = h.core.notices.list().length
    const playsBefore = h.core.playLog.between(new Date(0), new Date('2100-01-01')).length
    const landscape = await http(`${h.url}/preview/slide.png`, {
      method: 'POST',
      token: h.tokens.press,
      body: notice,
    })
    expect(landscape.status, landscape.text.slice(0, 300)).toBe(200)
    expect(landscape.headers['content-type']).toBe('image/png')
    expect(pngSize(landscape.body)).toEqual({ width: 1920, height: 1080 })
    const portrait = await http(`${h.url}/preview/slide.png?orientation=portrait`, {
      method: 'POST',
      token: h.tokens.press,
      body: notice,
    })
    expect(portrait.status).toBe(200)
    expect(pngSize(portrait.body)).toEqual({ width: 1080, height: 1920 })
    // Different pictures, each far more than an empty page.
    expect(landscape.body.length).toBeGreaterThan(20_000)
    expect(landscape.body.equals(portrait.body)).toBe(false)

    const invalid = await http(`${h.url}/preview/slide.png`, {
      method: 'POST',
      token: h.tokens.press,
      body: { ...notice, title: '' },
    })
    expect(invalid.status).toBe(422)
    expect(invalid.json<{ problems: { path: string; message: string }[] }>().problems).toEqual([
      { path: 'title', message: 'Bitte eine Überschrift eingeben' },
    ])
    expect(
      (
        await http(`${h.url}/preview/slide.png?orientation=square`, {
          method: 'POST',
          token: h.tokens.press,
          body: notice,
        })
      ).status,
    ).toBe(422)
    expect(h.core.notices.list()).toHaveLength(noticesBefore)
    expect(h.core.playLog.between(new Date(0), new Date('2100-01-01'))).toHaveLength(playsBefore)
  })

  it('takes a screenshot: from the shell when one is attached, else rendered headless, else 503', async () => {
    const headless = await http(`${h.url}/screenshot`, { token: h.tokens.press })
    expect(headless.status, headless.text.slice(0, 300)).toBe(200)
    expect(headless.headers['x-screenshot-source']).toBe('headless')
    expect(pngSize(headless.body)).toEqual({ width: 1920, height: 1080 })

    const fromShell = tinyPng(8, 8)
    const shell: AttachedShell = {
      kind: 'electron',
      screenshot: async () => fromShell,
      status: () => ({
        running: true,
        restarts: 2,
        lastRestartAt: '2026-11-21T08:00:00.000Z',
        lastReason: 'renderer hang',
      }),
    }
    h.core.shell = shell
    try {
      const response = await http(`${h.url}/screenshot`, { token: h.tokens.press })
      expect(response.headers['x-screenshot-source']).toBe('electron')
      expect(response.body.equals(fromShell)).toBe(true)
      const status = (await http(`${h.url}/status`, { token: h.tokens.press })).json<{ renderer: unknown }>()
      expect(status.renderer).toEqual(shell.status())

      shell.screenshot = async () => {
        throw new Error('window gone')
      }
      const fallback = await http(`${h.url}/screenshot`, { token: h.tokens.press })
      expect(fallback.headers['x-screenshot-source']).toBe('headless')
    } finally {
      h.core.shell = undefined
    }

    const blind = await startAdminServer(h.core, { port: 0, chromiumPath: '/nonexistent/chromium' })
    try {
      const response = await http(`${blind.url}/screenshot`, { token: h.tokens.press })
      expect(response.status).toBe(503)
      expect(response.json<{ error: string }>().error).toMatch(/no browser/)
      const preview = await http(`${blind.url}/preview/slide.png`, {
        method: 'POST',
        token: h.tokens.press,
        body: { title: 'x', validFrom: '2026-12-01T00:00:00+01:00' } satisfies Partial<Notice>,
      })
      expect(preview.status).toBe(503)
    } finally {
      await blind.close()
    }
  })
})
