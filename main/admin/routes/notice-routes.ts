import { z } from 'zod'
import { NoticeListSchema, NoticeParamsSchema, NoticeWithStatusSchema } from '../../../contracts/admin-api.js'
import { type Notice, type NoticeFields, NoticeInputSchema, NoticeSchema } from '../../../contracts/notice.js'
import { noticeStatus } from '../../notices/notice-items.js'
import type { AdminApp, AdminContext } from '../admin-context.js'
import { ERROR_RESPONSES } from '../admin-context.js'
import { actorOf, PRESS_AND_IT } from '../auth.js'
import { invalid } from '../error-handler.js'
import { noticeChanges } from '../notice-changes.js'

const press = { roles: PRESS_AND_IT }
const NOT_FOUND = { error: 'No notice with this id.' }

/**
 * Notices ("Aushang"): each change is written durably together with its audit entry before it
 * is acknowledged, and the screen is refreshed at once, so an urgent notice interrupts now.
 */
export function registerNoticeRoutes(app: AdminApp, { core, log }: AdminContext): void {
  const withStatus = (notice: Notice) => ({
    ...notice,
    status: noticeStatus(notice, core.clock.now(), core.config.monitor.timezone),
  })
  /** The notice's image must be an upload that exists; the message is the admin page's language. */
  const imageProblem = (fields: NoticeFields) =>
    fields.imageId && !core.uploads.get(fields.imageId)
      ? invalid(
          [{ path: 'imageId', message: 'Unbekanntes Bild: bitte das Bild erneut hochladen' }],
          'The notice',
        )
      : undefined
  const changed = (action: string, notice: Notice, actor: string) => {
    core.hub.refresh()
    log.info({ action, notice: notice.id, actor, priority: notice.priority }, 'notice changed')
  }

  app.get('/notices', {
    config: press,
    schema: {
      summary: 'All notices, each with where it stands now',
      tags: ['notices'],
      response: { 200: NoticeListSchema, ...ERROR_RESPONSES },
    },
    handler: async () => core.notices.list().map(withStatus),
  })

  app.post('/notices', {
    config: press,
    schema: {
      summary: 'Create a notice (acknowledged once it is on disk)',
      tags: ['notices'],
      body: NoticeInputSchema,
      response: { 201: NoticeSchema, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const problem = imageProblem(request.body)
      if (problem) return reply.code(422).send(problem)
      const actor = actorOf(request).name
      const now = core.clock.now()
      const notice = core.stateDb.transaction(() => {
        const created = core.notices.create(request.body, actor, now)
        core.auditLog.record({
          at: now,
          actor,
          action: 'notice.create',
          target: created.id,
          detail: {
            title: created.title,
            priority: created.priority,
            validFrom: created.validFrom,
            validUntil: created.validUntil ?? null,
          },
        })
        return created
      })()
      changed('create', notice, actor)
      return reply.code(201).send(notice)
    },
  })

  app.get('/notices/:id', {
    config: press,
    schema: {
      summary: 'One notice',
      tags: ['notices'],
      params: NoticeParamsSchema,
      response: { 200: NoticeWithStatusSchema, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const notice = core.notices.get(request.params.id)
      return notice ? withStatus(notice) : reply.code(404).send(NOT_FOUND)
    },
  })

  app.put('/notices/:id', {
    config: press,
    schema: {
      summary: 'Replace a notice',
      tags: ['notices'],
      params: NoticeParamsSchema,
      body: NoticeInputSchema,
      response: { 200: NoticeSchema, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const problem = imageProblem(request.body)
      if (problem) return reply.code(422).send(problem)
      const actor = actorOf(request).name
      const now = core.clock.now()
      const id = request.params.id
      const notice = core.stateDb.transaction(() => {
        const before = core.notices.get(id)
        if (!before) return undefined
        const after = core.notices.update(id, request.body, actor, now)!
        core.auditLog.record({
          at: now,
          actor,
          action: 'notice.update',
          target: id,
          detail: { changes: noticeChanges(before, after) },
        })
        return after
      })()
      if (!notice) return reply.code(404).send(NOT_FOUND)
      changed('update', notice, actor)
      return notice
    },
  })

  app.delete('/notices/:id', {
    config: press,
    schema: {
      summary: 'Delete a notice (it leaves the screen at once)',
      tags: ['notices'],
      params: NoticeParamsSchema,
      response: { 204: z.undefined(), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request).name
      const now = core.clock.now()
      const notice = core.stateDb.transaction(() => {
        const removed = core.notices.delete(request.params.id)
        if (removed) {
          core.auditLog.record({
            at: now,
            actor,
            action: 'notice.delete',
            target: removed.id,
            detail: { title: removed.title },
          })
        }
        return removed
      })()
      if (!notice) return reply.code(404).send(NOT_FOUND)
      changed('delete', notice, actor)
      return reply.code(204).send()
    },
  })
}
