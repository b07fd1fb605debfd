import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CONFIG_CONTENT_TYPES,
  ConfigApplyResultSchema,
  ConfigDocumentSchema,
  ConfigRollbackRequestSchema,
  ConfigVersionListSchema,
} from '../../../contracts/admin-api.js'
import { type LoadedConfig, parseConfigText } from '../../../kiosk-config/config-loader.js'
import { configChanges, remoteCommandProblems, withTokens } from '../../config/config-changes.js'
import type { AdminApp, AdminContext } from '../admin-context.js'
import { ERROR_RESPONSES } from '../admin-context.js'
import { actorOf, IT_ONLY } from '../auth.js'
import { invalid } from '../error-handler.js'

export const CONFIG_BODY_LIMIT = 1024 * 1024

const it = { roles: IT_ONLY }
const IfMatchHeadersSchema = z.looseObject({
  'if-match': z.string().max(100).optional().describe('"<version>" from the ETag of GET /config'),
})
const VersionsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) })

/** `"12"`, `W/"12"` or `12` → 12. */
function versionOf(ifMatch: string): number | undefined {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim())
  return match ? Number(match[1]) : undefined
}

/**
 * Config push, history and rollback. A pushed text is validated completely before anything
 * changes; a valid one becomes the next version (durably) and goes live at once. Pushes need
 * `If-Match` with the running version, so two people cannot overwrite each other unseen.
 */
export function registerConfigRoutes(app: AdminApp, context: AdminContext, baseDir: string): void {
  const { core, log } = context
  const stale = (current: number) => ({
    error: `The running config is version ${current}: fetch it again (GET /config) and redo your change.`,
  })
  /** Applies a validated config unless it is the running one already (same text, same version). */
  const apply = (loaded: LoadedConfig, actor: string) => {
    const running = core.configVersions.get(core.configVersion)
    if (running?.hash === loaded.hash)
      return { version: core.configVersion, restartRequired: [] as string[], changed: false }
    return { ...core.applyConfig(loaded, actor), changed: true }
  }

  app.get('/config', {
    schema: {
      summary: 'The running config: its text exactly as pushed, and the parsed result',
      tags: ['config'],
      response: { 200: ConfigDocumentSchema, ...ERROR_RESPONSES },
    },
    handler: async (_request, reply) => {
      const version = core.configVersion
      const stored = core.configVersions.get(version)
      if (!stored) throw new Error(`running config version ${version} is not stored`)
      reply.header('etag', `"${version}"`)
      return {
        version,
        hash: stored.hash,
        format: stored.format,
        text: stored.text,
        config: core.config as unknown as Record<string, unknown>,
      }
    },
  })

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>()
    // The config text is stored exactly as sent (comments, key order), so every type arrives as text.
    scope.removeContentTypeParser(['application/json', 'text/plain'])
    scope.addContentTypeParser([...CONFIG_CONTENT_TYPES], { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    )
    scope.put('/config', {
      config: it,
      bodyLimit: CONFIG_BODY_LIMIT,
      schema: {
        summary:
          'Push a config (YAML or JSON text); every problem is listed and nothing changes when one is found',
        tags: ['config'],
        consumes: [...CONFIG_CONTENT_TYPES],
        headers: IfMatchHeadersSchema,
        body: z.string().describe('the whole config, YAML (comments kept) or JSON'),
        response: { 200: ConfigApplyResultSchema, ...ERROR_RESPONSES },
      },
      handler: async (request, reply) => {
        const ifMatch = request.headers['if-match']
        const current = core.configVersion
        if (ifMatch === undefined) {
          return reply
            .code(428)
            .send({ error: `Send If-Match: "${current}" (the ETag of GET /config) with a config push.` })
        }
        if (versionOf(ifMatch) !== current) return reply.code(412).send(stale(current))
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
        const format = type === 'application/json' ? 'json' : 'yaml'
        const parsed = parseConfigText(request.body, format, baseDir)
        if (!parsed.ok) return reply.code(422).send(invalid(parsed.problems, 'The config'))
        const refused = remoteCommandProblems(core.config, parsed.config)
        if (refused.length > 0) return reply.code(422).send(invalid(refused, 'The config'))
        const before = core.config
        const actor = actorOf(request).name
        const result = apply(parsed, actor)
        if (result.changed) {
          core.auditLog.record({
            at: core.clock.now(),
            actor,
            action: 'config.push',
            target: String(result.version),
            detail: {
              from: current,
              to: result.version,
              hash: parsed.hash,
              changed: configChanges(before, parsed.config),
              restartRequired: result.restartRequired,
            },
          })
        }
        reply.header('etag', `"${result.version}"`)
        return { version: result.version, restartRequired: result.restartRequired }
      },
    })
  })

  app.get('/config/versions', {
    schema: {
      summary: 'Config history, newest first (without the texts)',
      tags: ['config'],
      querystring: VersionsQuerySchema,
      response: { 200: ConfigVersionListSchema, ...ERROR_RESPONSES },
    },
    handler: async (request) => ({
      current: core.configVersion,
      versions: core.configVersions.list(request.query.limit),
    }),
  })

  app.post('/config/rollback', {
    config: it,
    schema: {
      summary: 'Run an earlier version again, as a new version (history stays linear)',
      tags: ['config'],
      headers: IfMatchHeadersSchema,
      body: ConfigRollbackRequestSchema.nullish(),
      response: { 200: ConfigApplyResultSchema, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const current = core.configVersion
      const ifMatch = request.headers['if-match']
      if (ifMatch !== undefined && versionOf(ifMatch) !== current) return reply.code(412).send(stale(current))
      const target = request.body?.version ?? current - 1
      if (target < 1)
        return reply.code(409).send({ error: 'There is no earlier config version to roll back to.' })
      const stored = core.configVersions.get(target)
      if (!stored) return reply.code(404).send({ error: `There is no config version ${target}.` })
      // Settings come back, credentials do not: a token revoked since stays revoked.
      const original = parseConfigText(stored.text, stored.format, baseDir)
      const sameTokens =
        original.ok &&
        JSON.stringify(original.config.admin.tokens) === JSON.stringify(core.config.admin.tokens)
      const text = sameTokens ? stored.text : withTokens(stored.text, stored.format, core.config.admin.tokens)
      const parsed = sameTokens ? original : parseConfigText(text, stored.format, baseDir)
      if (!parsed.ok) return reply.code(422).send(invalid(parsed.problems, `Config version ${target}`))
      const refused = remoteCommandProblems(core.config, parsed.config)
      if (refused.length > 0) return reply.code(422).send(invalid(refused, `Config version ${target}`))
      const before = core.config
      const actor = actorOf(request).name
      const result = apply(parsed, actor)
      if (result.changed) {
        core.auditLog.record({
          at: core.clock.now(),
          actor,
          action: 'config.rollback',
          target: String(result.version),
          detail: {
            from: current,
            to: result.version,
            restored: target,
            changed: configChanges(before, parsed.config),
            restartRequired: result.restartRequired,
          },
        })
      }
      log.info({ from: current, restored: target, version: result.version, actor }, 'config rolled back')
      reply.header('etag', `"${result.version}"`)
      return { version: result.version, restartRequired: result.restartRequired }
    },
  })
}
