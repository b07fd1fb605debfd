import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { Clock } from '../util/clock.js'
import { packagePath } from '../util/package-root.js'
import { renderDemoTemplate } from './demo-feed-template.js'

export const DEMO_FEEDS_DIR = packagePath('kiosk-config', 'demo-feeds')

const TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonld': 'application/ld+json',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
}
const BINARY = new Set(['.jpg', '.png'])

/**
 * Serves the bundled demo feeds on loopback, with their date tokens rendered against the
 * kiosk's clock and ETags, like a well-behaved town CMS. Query strings are ignored.
 */
export async function startDemoFeedServer(
  port: number,
  clock: Clock,
): Promise<{ server?: Server; origin: string }> {
  const origin = `http://127.0.0.1:${port}`
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!)
    const file = normalize(join(DEMO_FEEDS_DIR, path))
    if (!file.startsWith(DEMO_FEEDS_DIR + sep) || request.method !== 'GET') {
      response.writeHead(404).end()
      return
    }
    try {
      const raw = await readFile(file)
      const extension = extname(file)
      const body = BINARY.has(extension)
        ? raw
        : Buffer.from(renderDemoTemplate(raw.toString('utf8'), clock.now()))
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end()
        return
      }
      const type =
        TYPES[extension] ??
        (/^\s*[[{]/.test(body.subarray(0, 64).toString()) ? 'application/json' : 'text/plain')
      response.writeHead(200, { 'content-type': type, etag, 'cache-control': 'no-cache' }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => resolve(true))
  })
  // Another InfoMonitor process on this machine already serves them: share it.
  if (!listening) return { origin }
  server.unref()
  return { server, origin }
}
