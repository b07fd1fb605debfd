import { z } from 'zod'
import {
  AuditListSchema,
  AuditQuerySchema,
  MAX_PLAY_RANGE_DAYS,
  PlayListSchema,
  PlaysQuerySchema,
  SessionSchema,
  SourceParamsSchema,
  type Status,
  StatusSchema,
  SyncReportSchema,
} from '../../../contracts/admin-api.js'
import type { PlayRecord } from '../../state/play-log.js'
import type { AdminApp, AdminContext } from '../admin-context.js'
import { ERROR_RESPONSES } from '../admin-context.js'
import { actorOf, IT_ONLY, PRESS_AND_IT } from '../auth.js'
import { toCsv } from '../csv.js'
import { invalid } from '../error-handler.js'
import { StatusReporter } from '../status-report.js'

const DAY_MS = 24 * 3_600_000

const PLAY_COLUMNS = [
  { header: 'shownAt', value: (play: PlayRecord) => play.shownAt },
  { header: 'durationMs', value: (play: PlayRecord) => play.durationMs },
  { header: 'itemId', value: (play: PlayRecord) => play.itemId },
  { header: 'sourceId', value: (play: PlayRecord) => play.sourceId },
  { header: 'kind', value: (play: PlayRecord) => play.kind },
  { header: 'title', value: (play: PlayRecord) => play.title },
]

/** Health, proof of play, the audit trail, and a sync on demand. */
export function registerStatusRoutes(app: AdminApp, { core, log }: AdminContext): void {
  const reporter = new StatusReporter(core)

  app.get('/session', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'The calling token: its name and role',
      tags: ['status'],
      response: { 200: SessionSchema, ...ERROR_RESPONSES },
    },
    handler: async (request) => actorOf(request),
  })

  app.get('/status', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'Health of the monitor: software, sources, screen, storage, memory',
      tags: ['status'],
      response: { 200: StatusSchema, ...ERROR_RESPONSES },
    },
    // Sent as text: the snapshot was validated against StatusSchema when it was built.
    handler: async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(reporter.json() as unknown as Status),
  })

  app.get('/plays', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'Proof of play: what was on screen, as JSON or CSV (Accept: text/csv or ?format=csv)',
      tags: ['status'],
      querystring: PlaysQuerySchema,
      produces: ['application/json', 'text/csv'],
      response: {
        200: {
          description: 'The plays in the range, oldest first',
          content: {
            'application/json': { schema: PlayListSchema },
            'text/csv': { schema: z.string().describe('CSV with a header row, one play a line') },
          },
        },
        ...ERROR_RESPONSES,
      },
    },
    handler: async (request, reply) => {
      const query = request.query
      const to = query.to ? new Date(query.to) : core.clock.now()
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS)
      if (from.getTime() >= to.getTime()) {
        return reply.code(422).send(invalid([{ path: 'from', message: 'must be before to' }]))
      }
      if (to.getTime() - from.getTime() > MAX_PLAY_RANGE_DAYS * DAY_MS) {
        return reply
          .code(422)
          .send(
            invalid([{ path: 'from', message: `the range may span at most ${MAX_PLAY_RANGE_DAYS} days` }]),
          )
      }
      const plays = core.playLog.between(from, to)
      const csv =
        query.format === 'csv' ||
        (query.format === undefined && /\btext\/csv\b/i.test(request.headers.accept ?? ''))
      if (!csv) return reply.type('application/json; charset=utf-8').send(plays)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="plays-${from.toISOString().slice(0, 10)}.csv"`)
        .send(toCsv(PLAY_COLUMNS, plays))
    },
  })

  app.get('/audit', {
    config: { roles: IT_ONLY },
    schema: {
      summary: 'Who changed what, newest first',
      tags: ['status'],
      querystring: AuditQuerySchema,
      response: { 200: AuditListSchema, ...ERROR_RESPONSES },
    },
    handler: async (request) => core.auditLog.recent(request.query.limit, request.query.before),
  })

  app.post('/sources/:id/sync', {
    config: { roles: IT_ONLY },
    schema: {
      summary: 'Sync one source now and report the outcome',
      tags: ['status'],
      params: SourceParamsSchema,
      response: { 200: SyncReportSchema, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const id = request.params.id
      if (!core.config.sources.some((source) => source.id === id && source.enabled)) {
        return reply.code(404).send({ error: 'No enabled source with this id.' })
      }
      const actor = actorOf(request).name
      const report = await core.scheduler.syncNow(id)
      core.auditLog.record({
        at: core.clock.now(),
        actor,
        action: 'source.sync',
        target: id,
        detail: { outcome: report.outcome, itemCount: report.itemCount, error: report.error?.code ?? null },
      })
      log.info({ source: id, outcome: report.outcome, actor }, 'sync requested through the admin API')
      return report
    },
  })
}
