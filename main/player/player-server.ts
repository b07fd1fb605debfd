import { createReadStream, existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import QRCode from 'qrcode'
import type { PlayerState } from '../../contracts/player-state.js'
import type { Asset } from '../cache/asset-store.js'
import { type PlayLog, PlayReportBatchSchema } from '../state/play-log.js'
import type { Logger } from '../util/logger.js'
import { packagePath } from '../util/package-root.js'
import type { PlayerStateHub } from './player-state-hub.js'
import { isLoopbackHost, SECURITY_HEADERS } from './security-headers.js'

export const RENDERER_DIR = packagePath('dist', 'renderer')
const HEARTBEAT_MS = 15_000

export interface PlayerServerDependencies {
  hub: PlayerStateHub
  /** An image by id (feed image or notice upload). */
  findAsset(id: string): Asset | undefined
  playLog: PlayLog
  log: Logger
  /** Looks up an item or notice by id, for its QR code. */
  findItemUrl(id: string): string | undefined
  /** Counts what the page reported: CSP violations, restarts of the page. */
  onCspViolation?(report: unknown): void
  /** Short-lived one-off states for admin previews: the page loads them with `?preview=<token>`. */
  previews?: PreviewSource
}

export interface PreviewSource {
  state(token: string): PlayerState | undefined
  /** The link behind an unsaved item's QR code. */
  itemUrl(itemId: string): string | undefined
}

export interface PlayerServer {
  url: string
  port: number
  app: FastifyInstance
  close(): Promise<void>
}

/**
 * The player endpoint: the kiosk page, its state and change stream, cached images, QR codes,
 * and play reports. It binds to 127.0.0.1 only and answers only to loopback host names.
 */
export async function startPlayerServer(port: number, deps: PlayerServerDependencies): Promise<PlayerServer> {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
  let boundPort = port
  const streams = new Set<{ send(event: string, data: unknown): void; end(): void }>()

  app.addHook('onRequest', async (request, reply) => {
    if (!isLoopbackHost(request.headers.host, boundPort)) {
      return reply.code(421).send({ error: 'This endpoint answers only on 127.0.0.1.' })
    }
  })
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value)
  })

  if (existsSync(RENDERER_DIR)) {
    await app.register(fastifyStatic, {
      root: RENDERER_DIR,
      index: 'index.html',
      wildcard: false,
      cacheControl: false,
    })
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .code(503)
        .send('The kiosk page is not built: run `npm run build`.'),
    )
  }

  app.get('/api/state', async () => deps.hub.current())
  app.get<{ Params: { token: string } }>('/api/preview/:token', async (request, reply) => {
    const state = deps.previews?.state(request.params.token)
    return state ? reply.header('cache-control', 'no-store').send(state) : reply.code(404).send()
  })
  app.get('/api/health', async () => ({ ok: true, serverTime: deps.hub.current().serverTime }))

  app.get('/api/events', (request, reply) => {
    reply.hijack()
    const response = reply.raw
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...SECURITY_HEADERS,
    })
    const stream = {
      send(event: string, data: unknown) {
        response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
      },
      end() {
        response.end()
      },
    }
    streams.add(stream)
    stream.send('state', deps.hub.current())
    const heartbeat = setInterval(
      () => stream.send('time', { serverTime: deps.hub.current().serverTime }),
      HEARTBEAT_MS,
    )
    request.raw.on('close', () => {
      clearInterval(heartbeat)
      streams.delete(stream)
    })
  })
  const onChange = (state: PlayerState) => {
    for (const stream of streams) stream.send('state', state)
  }
  deps.hub.on('change', onChange)

  app.get<{ Params: { asset: string } }>('/media/:asset', async (request, reply) => {
    const asset = deps.findAsset(request.params.asset)
    if (!asset || !existsSync(asset.path)) return reply.code(404).send()
    return reply
      .type(asset.mime)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(createReadStream(asset.path))
  })

  app.get<{ Params: { id: string } }>('/qr/:id', async (request, reply) => {
    const id = request.params.id.replace(/\.svg$/, '')
    const url = deps.previews?.itemUrl(id) ?? deps.findItemUrl(id)
    if (!url) return reply.code(404).send()
    const svg = await QRCode.toString(url, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    })
    return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg)
  })

  app.post('/api/plays', async (request, reply) => {
    const parsed = PlayReportBatchSchema.safeParse(request.body)
    if (!parsed.success)
      return reply.code(422).send({ error: 'invalid play report', issues: parsed.error.issues.length })
    deps.playLog.append(parsed.data.plays)
    return reply.code(204).send()
  })

  app.post('/api/csp-report', async (request, reply) => {
    deps.log.warn({ report: request.body }, 'kiosk page reported a Content-Security-Policy violation')
    deps.onCspViolation?.(request.body)
    return reply.code(204).send()
  })
  app.addContentTypeParser(
    ['application/csp-report', 'application/reports+json'],
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string))
      } catch {
        done(null, { unparsed: String(body).slice(0, 2000) })
      }
    },
  )

  await app.listen({ host: '127.0.0.1', port })
  boundPort = (app.server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    port: boundPort,
    app,
    async close() {
      deps.hub.off('change', onChange)
      for (const stream of streams) stream.end()
      await app.close()
    },
  }
}
