import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { FastifyReply } from 'fastify'
import { RENDERER_DIR } from '../player/player-server.js'
import type { AdminApp } from './admin-context.js'

/**
 * The admin page may load only its own code, styles and fonts, call only its own API, and show
 * images it fetched itself (blob: URLs: uploads and screenshots need the bearer token, which an
 * <img> cannot send). Nothing may frame it.
 */
export const ADMIN_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export const ADMIN_PAGE_PATH = '/admin'
/** Vite builds admin/index.html with base './', so the page asks for `../assets/<file>`. */
const ASSETS_PATH = '/assets'

const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': ADMIN_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}
/** Vite's file names: a name, a content hash, an extension; no folders, so no path to climb. */
const ASSET_NAME = /^[A-Za-z0-9_-]+(?:[.-][A-Za-z0-9_-]+)*\.(?:js|css|woff2|svg|png)$/

/** The page's routes need no token: they serve only built code, never data. */
const PUBLIC_PAGE = { public: true } as const

/** Whether a route of the admin server belongs to the page (public, no API data) rather than the API. */
export function isAdminPageRoute(url: string): boolean {
  return (
    url === ADMIN_PAGE_PATH ||
    url === `${ADMIN_PAGE_PATH}/` ||
    url.startsWith(`${ASSETS_PATH}/`) ||
    url === '/favicon.ico'
  )
}

/**
 * Serves the admin page (renderer/admin, built into dist/renderer) at /admin and /admin/, with the
 * files it references from dist/renderer/assets. Every API call the page makes carries the
 * token; the page itself is only code, so it loads without one.
 */
export function registerAdminPage(app: AdminApp, rendererDir: string = RENDERER_DIR): void {
  const indexFile = join(rendererDir, 'admin', 'index.html')
  const assetsDir = join(rendererDir, 'assets')
  const withPageHeaders = (reply: FastifyReply) => {
    for (const [name, value] of Object.entries(PAGE_HEADERS)) reply.header(name, value)
    return reply
  }

  const page = async (_request: unknown, reply: FastifyReply) => {
    // Read on each request: a rebuild (new hashed asset names) is served without a restart.
    const html = await readFile(indexFile, 'utf8').catch(() => undefined)
    if (html === undefined) {
      return withPageHeaders(reply)
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The admin page is not built: run `npm run build`.')
    }
    return withPageHeaders(reply)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html)
  }
  const options = { config: PUBLIC_PAGE, schema: { hide: true } }
  app.get(ADMIN_PAGE_PATH, options, page)
  app.get(`${ADMIN_PAGE_PATH}/`, options, page)

  app.get<{ Params: { file: string } }>(`${ASSETS_PATH}/:file`, options, async (request, reply) => {
    const file = request.params.file
    const found = ASSET_NAME.test(file)
      ? await stat(join(assetsDir, file)).then(
          (info) => info.isFile(),
          () => false,
        )
      : false
    if (!found) return withPageHeaders(reply).code(404).send({ error: 'Not found.' })
    return withPageHeaders(reply)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(ASSET_TYPES[extname(file)]!)
      .send(createReadStream(join(assetsDir, file)))
  })

  // Browsers ask for it on their own, without a token; a 401 would count towards the lock-out.
  app.get('/favicon.ico', options, async (_request, reply) =>
    withPageHeaders(reply).code(404).send({ error: 'Not found.' }),
  )
}
