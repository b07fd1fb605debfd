import type { AdminApp, AdminContext } from '../admin-context.js'
import { binaryResponse, ERROR_RESPONSES } from '../admin-context.js'
import { PRESS_AND_IT } from '../auth.js'
import { orientationOf, renderFailure, viewportFor } from './preview-routes.js'

const SHELL_TIMEOUT_MS = 15_000

/**
 * What is on screen now: the shell's own capture when one is attached; otherwise the player page
 * rendered headless (what the screen would show); 503 when neither is possible.
 */
export function registerScreenshotRoutes(app: AdminApp, { core, renderer, log }: AdminContext): void {
  app.get('/screenshot', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'A PNG of what is on screen now',
      tags: ['status'],
      response: { 200: binaryResponse(['image/png'], 'The screen'), ...ERROR_RESPONSES },
    },
    handler: async (_request, reply) => {
      const send = (png: Buffer, source: string) =>
        reply
          .type('image/png')
          .header('cache-control', 'no-store')
          .header('x-screenshot-source', source)
          .send(png)
      const shell = core.shell
      if (shell) {
        try {
          return send(await withTimeout(shell.screenshot(), SHELL_TIMEOUT_MS), shell.kind)
        } catch (error) {
          log.warn(
            { error: (error as Error).message },
            'the shell could not take a screenshot; rendering headless',
          )
        }
      }
      const result = await renderer.capture(
        core.playerUrl,
        viewportFor(orientationOf(core.config.monitor.orientation)),
      )
      if (result.ok) return send(result.png, 'headless')
      log.warn({ code: result.code, error: result.message }, 'screenshot could not be rendered')
      return reply.code(503).send(renderFailure(result))
    },
  })
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no screenshot within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
