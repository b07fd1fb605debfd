import type { AddressInfo } from 'node:net'
import fastifySwagger from '@fastify/swagger'
import Fastify from 'fastify'
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { ADMIN_API_PREFIX } from '../../contracts/admin-api.js'
import type { KioskCore } from '../core/kiosk-core.js'
import { VERSION } from '../version.js'
import type { AdminApp, AdminContext } from './admin-context.js'
import { registerAdminPage } from './admin-page.js'
import { createAuthenticator, TokenVerifier } from './auth.js'
import { createErrorHandler } from './error-handler.js'
import { PageRenderer } from './page-renderer.js'
import { parseQueryString } from './query-string.js'
import { FailureLimiter, type FailureLimiterOptions } from './rate-limiter.js'
import { createRequestGuard } from './request-guards.js'
import { registerConfigRoutes } from './routes/config-routes.js'
import { registerImageRoutes } from './routes/image-routes.js'
import { registerNoticeRoutes } from './routes/notice-routes.js'
import { registerPreviewRoutes } from './routes/preview-routes.js'
import { registerScreenshotRoutes } from './routes/screenshot-routes.js'
import { registerStatusRoutes } from './routes/status-routes.js'
import { zodValidatorCompiler } from './validation.js'

export const JSON_BODY_LIMIT = 256 * 1024
export const OPENAPI_PATH = `${ADMIN_API_PREFIX}/openapi.json`

const RESPONSE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
}

export interface AdminServerOptions {
  /** Overrides the port of admin.listen (0 = any free port), e.g. for tests. */
  port?: number
  /** Relative paths in a pushed config (cache.dir) resolve against this: the config file's folder. */
  configBaseDir?: string
  /** Chromium for slide previews, and for screenshots when no shell is attached. */
  chromiumPath?: string
  limiter?: FailureLimiterOptions
  /** The built pages (admin/index.html, assets/); default: dist/renderer. */
  rendererDir?: string
}

export interface AdminServer {
  url: string
  port: number
  app: AdminApp
  /** Every route the server answers, as registered (HEAD included). */
  routes: readonly { method: string; url: string }[]
  close(): Promise<void>
}

/**
 * The admin API (`/api/v1`) for the press office and IT, on `admin.listen` (loopback unless IT
 * opens it). Every request passes the host and origin guards and bearer-token authentication
 * before its body is even read; every body, query, parameter and answer is a zod schema, and the
 * same schemas make the OpenAPI document.
 */
export async function startAdminServer(
  core: KioskCore,
  options: AdminServerOptions = {},
): Promise<AdminServer> {
  const listen = parseListen(core.config.admin.listen)
  const log = core.log
  const app = Fastify({
    logger: false,
    bodyLimit: JSON_BODY_LIMIT,
    requestTimeout: 60_000,
    routerOptions: { querystringParser: parseQueryString },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(zodValidatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorateRequest('adminActor', null)

  const routes: { method: string; url: string }[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url })
  })
  app.addHook(
    'onRequest',
    createRequestGuard(() => core.config.admin.allowedHosts),
  )
  app.addHook(
    'onRequest',
    createAuthenticator({
      verifier: new TokenVerifier(() => core.config.admin.tokens, core.clock),
      limiter: new FailureLimiter(options.limiter),
      log,
    }),
  )
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(RESPONSE_HEADERS))
      if (!reply.hasHeader(name)) reply.header(name, value)
  })
  app.setErrorHandler(createErrorHandler(log))
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'Not found.' }))

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'InfoMonitor admin API',
        version: VERSION,
        description:
          'Notices, previews, config, status and proof of play of one InfoMonitor street display. ' +
          'Send a token as "Authorization: Bearer <token>" (infomonitor token create).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })

  const renderer = new PageRenderer({
    log,
    ...(options.chromiumPath ? { executablePath: options.chromiumPath } : {}),
  })
  const context: AdminContext = { core, renderer, log }
  await app.register(
    async (api) => {
      const scoped = api.withTypeProvider<ZodTypeProvider>()
      registerNoticeRoutes(scoped, context)
      registerImageRoutes(scoped, context)
      registerPreviewRoutes(scoped, context)
      registerScreenshotRoutes(scoped, context)
      registerConfigRoutes(scoped, context, options.configBaseDir ?? process.cwd())
      registerStatusRoutes(scoped, context)
    },
    { prefix: ADMIN_API_PREFIX },
  )
  app.get(OPENAPI_PATH, { config: { public: true }, schema: { hide: true } }, async () => app.swagger())
  registerAdminPage(app, options.rendererDir)

  try {
    await app.listen({ host: listen.host, port: options.port ?? listen.port })
  } catch (error) {
    await app.close()
    throw error
  }
  const port = (app.server.address() as AddressInfo).port
  // A wildcard bind is reached through loopback from this machine.
  const host = { '0.0.0.0': '127.0.0.1', '::': '::1' }[listen.host] ?? listen.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${ADMIN_API_PREFIX}`
  log.info(
    { url, listen: core.config.admin.listen, tokens: core.config.admin.tokens.length },
    'admin API ready',
  )
  return {
    url,
    port,
    app,
    routes,
    async close() {
      await app.close()
      await renderer.close()
    },
  }
}

/** `127.0.0.1:8090`, `[::1]:8090`, `localhost:8090` → host and port. */
export function parseListen(listen: string): { host: string; port: number } {
  const separator = listen.lastIndexOf(':')
  const host = listen.slice(0, separator).replace(/^\[(.*)\]$/, '$1')
  return { host, port: Number(listen.slice(separator + 1)) }
}
