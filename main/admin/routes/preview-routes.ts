import {
  PlayerStateSchema,
  PreviewQuerySchema,
  SlidePreviewQuerySchema,
} from '../../../contracts/admin-api.js'
import { NoticeInputSchema } from '../../../contracts/notice.js'
import type { AdminApp, AdminContext } from '../admin-context.js'
import { binaryResponse, ERROR_RESPONSES } from '../admin-context.js'
import { PRESS_AND_IT } from '../auth.js'
import { invalid } from '../error-handler.js'
import type { CaptureResult, Viewport } from '../page-renderer.js'
import { noticeSlideState, playerStateAt } from '../preview-state.js'

const VIEWPORTS: Record<'landscape' | 'portrait', Viewport> = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
}

export function orientationOf(configured: 'landscape' | 'portrait' | 'auto'): 'landscape' | 'portrait' {
  return configured === 'portrait' ? 'portrait' : 'landscape'
}

export function viewportFor(orientation: 'landscape' | 'portrait'): Viewport {
  return VIEWPORTS[orientation]
}

/** The 503 answer when no picture could be made; the reason goes to the caller and the log. */
export function renderFailure(result: Extract<CaptureResult, { ok: false }>) {
  return { error: `No picture could be rendered: ${result.message}.` }
}

/** What a monitor would show: at any instant (pure, nothing stored), or one unsaved notice as a PNG. */
export function registerPreviewRoutes(app: AdminApp, { core, renderer, log }: AdminContext): void {
  app.get('/preview', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'The player state this monitor would show at an instant (default: now)',
      tags: ['preview'],
      querystring: PreviewQuerySchema,
      response: { 200: PlayerStateSchema, ...ERROR_RESPONSES },
    },
    handler: async (request) =>
      playerStateAt(core, request.query.at ? new Date(request.query.at) : core.clock.now()),
  })

  app.post('/preview/slide.png', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'A PNG of an unsaved notice as the monitor would draw it (1920×1080 or 1080×1920)',
      tags: ['preview'],
      querystring: SlidePreviewQuerySchema,
      body: NoticeInputSchema,
      response: { 200: binaryResponse(['image/png'], 'The rendered slide'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const fields = request.body
      if (fields.imageId && !core.uploads.get(fields.imageId)) {
        return reply
          .code(422)
          .send(
            invalid(
              [{ path: 'imageId', message: 'Unbekanntes Bild: bitte das Bild erneut hochladen' }],
              'The notice',
            ),
          )
      }
      const orientation = request.query.orientation ?? orientationOf(core.config.monitor.orientation)
      const { state, itemUrls } = noticeSlideState(core, fields, orientation)
      const token = core.previews.put(state, itemUrls)
      try {
        const result = await renderer.capture(
          `${core.playerUrl}?preview=${token}`,
          viewportFor(orientation),
          {
            waitForSlide: true,
          },
        )
        if (!result.ok) {
          log.warn({ code: result.code, error: result.message }, 'slide preview could not be rendered')
          return reply.code(503).send(renderFailure(result))
        }
        return reply.type('image/png').header('cache-control', 'no-store').send(result.png)
      } finally {
        core.previews.delete(token)
      }
    },
  })
}
