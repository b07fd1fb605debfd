import { createReadStream, existsSync } from 'node:fs'
import { z } from 'zod'
import { ImageParamsSchema, UPLOAD_IMAGE_TYPES, UploadedImageSchema } from '../../../contracts/admin-api.js'
import type { AdminApp, AdminContext } from '../admin-context.js'
import { binaryResponse, ERROR_RESPONSES } from '../admin-context.js'
import { actorOf, PRESS_AND_IT } from '../auth.js'
import { invalid } from '../error-handler.js'

export const IMAGE_BODY_LIMIT = 5 * 1024 * 1024

const ImageBodySchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), 'expected image bytes')
  .meta({ type: 'string', format: 'binary' })

/**
 * Images for notices, uploaded as raw bytes. The type is read from the bytes, never from the
 * Content-Type or a name, and the file is named by its hash: no path comes from the request.
 */
export function registerImageRoutes(app: AdminApp, { core, log }: AdminContext): void {
  app.addContentTypeParser([...UPLOAD_IMAGE_TYPES], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  )

  app.post('/images', {
    config: { roles: PRESS_AND_IT },
    bodyLimit: IMAGE_BODY_LIMIT,
    schema: {
      summary: 'Upload an image (PNG, JPEG, WebP or GIF, at most 5 MB); use its id as a notice imageId',
      tags: ['images'],
      consumes: [...UPLOAD_IMAGE_TYPES],
      body: ImageBodySchema,
      response: { 201: UploadedImageSchema, ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const now = core.clock.now()
      const asset = core.uploads.put(request.body as Buffer, now)
      if (!asset) {
        return reply
          .code(422)
          .send(
            invalid(
              [{ path: '(body)', message: 'not a PNG, JPEG, WebP or GIF image (checked by its bytes)' }],
              'The image',
            ),
          )
      }
      const actor = actorOf(request).name
      core.auditLog.record({
        at: now,
        actor,
        action: 'image.upload',
        target: asset.id,
        detail: { mime: asset.mime, size: asset.size },
      })
      log.info({ image: asset.id, mime: asset.mime, size: asset.size, actor }, 'image uploaded')
      return reply.code(201).send({ id: asset.id, mime: asset.mime, size: asset.size })
    },
  })

  app.get('/images/:id', {
    config: { roles: PRESS_AND_IT },
    schema: {
      summary: 'An uploaded image',
      tags: ['images'],
      params: ImageParamsSchema,
      response: { 200: binaryResponse(UPLOAD_IMAGE_TYPES, 'The image bytes'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const asset = core.uploads.get(request.params.id)
      if (!asset || !existsSync(asset.path)) return reply.code(404).send({ error: 'No image with this id.' })
      return reply
        .type(asset.mime)
        .header('cache-control', 'private, max-age=86400, immutable')
        .send(createReadStream(asset.path))
    },
  })
}
