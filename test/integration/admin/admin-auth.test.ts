import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAdminPageRoute } from '../../../main/admin/admin-page.js'
import { startAdminServer } from '../../../main/admin/admin-server.js'
import { type AdminHarness, http, startAdminHarness } from './admin-harness.js'

const WRONG_TOKEN = `imt_${'A'.repeat(43)}`
let nextAddress = 1
/** A fresh client address for each request that is meant to fail, so no lock-out interferes. */
const freshAddress = () => {
  const n = nextAddress++
  return `127.0.${Math.floor(n / 250) + 1}.${(n % 250) + 1}`
}

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>
}

describe('admin API authentication and request guards', () => {
  let h: AdminHarness
  beforeAll(async () => {
    h = await startAdminHarness({ captureLog: true })
  })
  afterAll(async () => {
    await h?.stop()
  })

  it('refuses a request without a token: 401, WWW-Authenticate: Bearer, a generic body', async () => {
    const response = await http(`${h.url}/notices`, { localAddress: freshAddress() })
    expect(response.status).toBe(401)
    expect(response.headers['www-authenticate']).toBe('Bearer')
    expect(Object.keys(response.json<object>())).toEqual(['error'])
    expect(response.text).not.toMatch(/stack|at .*\.ts|node_modules/)
  })

  it('gives an unknown token the same 401 as none at all', async () => {
    const none = await http(`${h.url}/status`, { localAddress: freshAddress() })
    const wrong = await http(`${h.url}/status`, { token: WRONG_TOKEN, localAddress: freshAddress() })
    const garbage = await http(`${h.url}/status`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
      localAddress: freshAddress(),
    })
    expect(wrong.status).toBe(401)
    expect(garbage.status).toBe(401)
    expect(wrong.text).toBe(none.text)
    expect(garbage.text).toBe(none.text)
  })

  it('refuses an expired token with 401 and says so', async () => {
    const response = await http(`${h.url}/status`, { token: h.tokens.expired, localAddress: freshAddress() })
    expect(response.status).toBe(401)
    expect(response.json<{ error: string }>().error).toMatch(/expired/)
  })

  it('lets each role do its work and answers 403 to the wrong role', async () => {
    for (const path of ['/notices', '/status', '/plays', '/preview']) {
      expect((await http(`${h.url}${path}`, { token: h.tokens.press })).status, path).toBe(200)
      expect((await http(`${h.url}${path}`, { token: h.tokens.it })).status, path).toBe(200)
    }
    for (const [method, path] of [
      ['GET', '/config'],
      ['GET', '/config/versions'],
      ['PUT', '/config'],
      ['POST', '/config/rollback'],
      ['GET', '/audit'],
      ['POST', '/sources/news/sync'],
    ] as const) {
      const response = await http(`${h.url}${path}`, { method, token: h.tokens.press })
      expect(response.status, `${method} ${path}`).toBe(403)
      expect(Object.keys(response.json<object>())).toEqual(['error'])
    }
    expect((await http(`${h.url}/config`, { token: h.tokens.it })).status).toBe(200)
    expect((await http(`${h.url}/audit`, { token: h.tokens.it })).status).toBe(200)
  })

  it('requires a token on every route it has, except the OpenAPI document', async () => {
    // A second server on the same core reports its route table; the document must list them all.
    const second = await startAdminServer(h.core, { port: 0 })
    try {
      const doc = (await http(`${second.url}/openapi.json`)).json<OpenApiDocument>()
      const documented = new Set(
        Object.entries(doc.paths).flatMap(([path, methods]) =>
          Object.keys(methods).map(
            (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
          ),
        ),
      )
      // The admin page (admin-page.test.ts) is code for the browser: public, and no API route.
      const apiRoutes = second.routes.filter((route) => !isAdminPageRoute(route.url))
      const routes = apiRoutes.filter(
        (route) => route.method !== 'HEAD' && !route.url.endsWith('/openapi.json'),
      )
      expect(routes.length).toBeGreaterThanOrEqual(17)
      for (const route of routes)
        expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url}`)
      expect(documented.size).toBe(routes.length)

      for (const route of apiRoutes.filter((route) => !route.url.endsWith('/openapi.json'))) {
        const path = route.url
          .replace(':id', route.url.includes('/images/') ? '0'.repeat(64) : 'some-id')
          .replace('/api/v1', '')
        for (const token of [undefined, WRONG_TOKEN, h.tokens.expired]) {
          const response = await http(`${h.url}${path}`, {
            method: route.method,
            ...(token ? { token } : {}),
            localAddress: freshAddress(),
          })
          expect(
            response.status,
            `${route.method} ${route.url} with ${token ? 'a bad token' : 'no token'}`,
          ).toBe(401)
          if (route.method !== 'HEAD') expect(Object.keys(response.json<object>())).toEqual(['error'])
        }
      }
      const unknown = await http(`${h.url}/backup.tar.gz`, { localAddress: freshAddress() })
      expect(unknown.status).toBe(401)
      const document = await http(`${h.url}/openapi.json`, { localAddress: freshAddress() })
      expect(document.status).toBe(200)
    } finally {
      await second.close()
    }
  })

  it('locks an address out after 10 failures: 429 with Retry-After, even with a valid token', async () => {
    const address = freshAddress()
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await http(`${h.url}/status`, {
        token: `${WRONG_TOKEN.slice(0, -2)}${attempt}x`,
        localAddress: address,
      })
      expect(response.status).toBe(401)
    }
    const locked = await http(`${h.url}/status`, { token: h.tokens.it, localAddress: address })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500)
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(600)
    expect((await http(`${h.url}/notices`, { token: h.tokens.press, localAddress: address })).status).toBe(
      429,
    )
    // Another address is not affected.
    expect((await http(`${h.url}/status`, { token: h.tokens.it, localAddress: freshAddress() })).status).toBe(
      200,
    )
  })

  it('lets a locked-out address in again once the window has passed', async () => {
    let now = 0
    const server = await startAdminServer(h.core, { port: 0, limiter: { now: () => now } })
    try {
      const address = freshAddress()
      for (let attempt = 0; attempt < 10; attempt++) {
        now += 1_000
        await http(`${server.url}/status`, { token: WRONG_TOKEN, localAddress: address })
      }
      expect((await http(`${server.url}/status`, { token: h.tokens.it, localAddress: address })).status).toBe(
        429,
      )
      now += 9 * 60_000
      expect((await http(`${server.url}/status`, { token: h.tokens.it, localAddress: address })).status).toBe(
        429,
      )
      now += 60_000
      expect((await http(`${server.url}/status`, { token: h.tokens.it, localAddress: address })).status).toBe(
        200,
      )
      // Failures too far apart (10 take longer than the window) never add up to a lock-out.
      for (let attempt = 0; attempt < 30; attempt++) {
        now += 70_000
        expect(
          (await http(`${server.url}/status`, { token: WRONG_TOKEN, localAddress: address })).status,
        ).toBe(401)
      }
    } finally {
      await server.close()
    }
  })

  it('answers 421 to a foreign Host; IP literals, localhost and admin.allowedHosts pass', async () => {
    const port = new URL(h.url).port
    const status = (host: string) =>
      http(`${h.url}/status`, { token: h.tokens.it, headers: { host } }).then((r) => r.status)
    expect(await status('evil.example')).toBe(421)
    expect(await status(`evil.example:${port}`)).toBe(421)
    expect(await status('127.0.0.1.nip.io')).toBe(421)
    expect(await status(`127.0.0.1:${port}`)).toBe(200)
    expect(await status(`localhost:${port}`)).toBe(200)
    expect(await status(`[::1]:${port}`)).toBe(200)
    expect(await status(`192.168.1.20:${port}`)).toBe(200)
    expect(await status(`infomonitor.schmoelln.local:${port}`)).toBe(421)
    // The guard reads the running config: a pushed allowedHosts entry counts at once.
    const version = h.core.configVersion
    const pushed = await http(`${h.url}/config`, {
      method: 'PUT',
      token: h.tokens.it,
      headers: { 'content-type': 'application/yaml', 'if-match': `"${version}"` },
      body: `${h.text}\n  allowedHosts: [infomonitor.schmoelln.local]\n`,
    })
    expect(pushed.status, pushed.text).toBe(200)
    expect(await status(`infomonitor.schmoelln.local:${port}`)).toBe(200)
    expect(await status(`INFOMONITOR.schmoelln.local:${port}`)).toBe(200)
    expect(await status('evil.example')).toBe(421)
  })

  it('refuses a state-changing request from a foreign Origin with 403', async () => {
    const notice = { title: 'Test', validFrom: '2026-01-01T00:00:00+01:00' }
    const foreign = await http(`${h.url}/notices`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { origin: 'http://evil.example' },
      body: notice,
    })
    expect(foreign.status).toBe(403)
    const nullOrigin = await http(`${h.url}/notices`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { origin: 'null' },
      body: notice,
    })
    expect(nullOrigin.status).toBe(403)
    expect(h.core.notices.list()).toHaveLength(0)
    const own = await http(`${h.url}/notices`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { origin: new URL(h.url).origin },
      body: notice,
    })
    expect(own.status).toBe(201)
    // Reading is harmless, and a browser sends Origin on some GETs too.
    const read = await http(`${h.url}/notices`, {
      token: h.tokens.press,
      headers: { origin: 'http://evil.example' },
    })
    expect(read.status).toBe(200)
  })

  it('never sends CORS headers, not even to a preflight', async () => {
    const responses = [
      await http(`${h.url}/status`, { token: h.tokens.it, headers: { origin: 'http://evil.example' } }),
      await http(`${h.url}/status`, {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' },
        localAddress: freshAddress(),
      }),
      await http(`${h.url}/openapi.json`, { headers: { origin: 'http://evil.example' } }),
    ]
    for (const response of responses) {
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
    }
  })

  it('writes no token to any log line', async () => {
    await http(`${h.url}/status`, { token: WRONG_TOKEN, localAddress: freshAddress() })
    await http(`${h.url}/notices`, {
      method: 'POST',
      token: h.tokens.press,
      body: { title: 'Log', validFrom: '2026-01-01T00:00:00+01:00' },
    })
    const log = h.logText()
    expect(log).toContain('authentication failed')
    expect(log).toContain('notice changed')
    for (const token of [h.tokens.it, h.tokens.press, h.tokens.expired, WRONG_TOKEN]) {
      expect(log).not.toContain(token)
      expect(log).not.toContain(token.slice(4, 20))
    }
    expect(log).not.toMatch(/imt_/)
    expect(log.toLowerCase()).not.toContain('bearer ')
  })
})
