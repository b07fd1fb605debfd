import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PAGE_CSP } from '../../../main/admin/admin-page.js'
import { type AdminServer, startAdminServer } from '../../../main/admin/admin-server.js'
import { tempDir } from '../../helpers/temp-dir.js'
import { type AdminHarness, http, startAdminHarness } from './admin-harness.js'

/** What Vite emits for renderer/admin/index.html with base './'. */
const INDEX_HTML = `<!doctype html>
<html lang="de">
  <head>
    <title>InfoMonitor – Verwaltung</title>
    <script type="module" crossorigin src="../assets/admin-AbC_12x.js"></script>
    <link rel="stylesheet" crossorigin href="../assets/admin-Xy-9.css">
  </head>
  <body><div id="app"></div></body>
</html>
`

let nextAddress = 1
const freshAddress = () => `127.0.9.${nextAddress++}`

describe('admin page on the admin listener', () => {
  let h: AdminHarness
  let server: AdminServer
  let origin: string
  const dist = tempDir('infomonitor-admin-page-')

  beforeAll(async () => {
    mkdirSync(join(dist.path, 'admin'))
    mkdirSync(join(dist.path, 'assets'))
    writeFileSync(join(dist.path, 'admin', 'index.html'), INDEX_HTML)
    writeFileSync(join(dist.path, 'assets', 'admin-AbC_12x.js'), 'console.log("admin")\n')
    writeFileSync(join(dist.path, 'assets', 'admin-Xy-9.css'), 'body { margin: 0 }\n')
    writeFileSync(join(dist.path, 'assets', 'source-sans-3-latin-400-normal-DQi5PRDE.woff2'), 'wOF2')
    writeFileSync(join(dist.path, 'secret.txt'), 'not for the page')
    h = await startAdminHarness()
    server = await startAdminServer(h.core, { port: 0, rendererDir: dist.path })
    origin = new URL(server.url).origin
  })
  afterAll(async () => {
    await server?.close()
    await h?.stop()
    dist.remove()
  })

  it('serves the page at /admin and /admin/ without a token, with its own strict CSP', async () => {
    for (const path of ['/admin', '/admin/']) {
      const response = await http(`${origin}${path}`, { localAddress: freshAddress() })
      expect(response.status, path).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      expect(response.text).toBe(INDEX_HTML)
      expect(response.headers['content-security-policy']).toBe(ADMIN_PAGE_CSP)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['access-control-allow-origin']).toBeUndefined()
    }
    expect(ADMIN_PAGE_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('serves the files the page references (../assets/…) with their types, and nothing else', async () => {
    const script = await http(`${origin}/assets/admin-AbC_12x.js`)
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    expect(script.text).toContain('console.log')
    expect(script.headers['content-security-policy']).toBe(ADMIN_PAGE_CSP)
    expect((await http(`${origin}/assets/admin-Xy-9.css`)).headers['content-type']).toMatch(/^text\/css/)
    const font = await http(`${origin}/assets/source-sans-3-latin-400-normal-DQi5PRDE.woff2`)
    expect(font.headers['content-type']).toBe('font/woff2')

    for (const path of [
      '/assets/missing-123.js',
      '/assets/..%2Fsecret.txt',
      '/assets/%2e%2e%2fadmin%2findex.html',
      '/assets/secret.txt',
      '/assets/.hidden.js',
    ]) {
      const response = await http(`${origin}${path}`, { localAddress: freshAddress() })
      expect(response.status, path).toBe(404)
      expect(response.text).not.toContain('not for the page')
    }
    // Page routes never open the API: it still wants a token.
    expect((await http(`${origin}/api/v1/notices`, { localAddress: freshAddress() })).status).toBe(401)
    expect((await http(`${origin}/admin/secret.txt`, { localAddress: freshAddress() })).status).toBe(401)
  })

  it('answers the favicon request browsers send on their own without counting a failed login', async () => {
    const address = freshAddress()
    for (let attempt = 0; attempt < 15; attempt++) {
      expect((await http(`${origin}/favicon.ico`, { localAddress: address })).status).toBe(404)
    }
    expect(
      (await http(`${server.url}/status`, { token: h.tokens.press, localAddress: address })).status,
    ).toBe(200)
  })

  it('still guards the host name: a page served under a foreign name could be rebound', async () => {
    const response = await http(`${origin}/admin/`, { headers: { host: 'evil.example' } })
    expect(response.status).toBe(421)
  })

  it('says how to build the page when it is missing', async () => {
    const empty = tempDir('infomonitor-admin-empty-')
    const bare = await startAdminServer(h.core, { port: 0, rendererDir: empty.path })
    try {
      const response = await http(`${new URL(bare.url).origin}/admin/`)
      expect(response.status).toBe(503)
      expect(response.text).toMatch(/npm run build/)
    } finally {
      await bare.close()
      empty.remove()
    }
  })
})
