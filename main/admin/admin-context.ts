import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '../../contracts/admin-api.js'
import type { KioskCore } from '../core/kiosk-core.js'
import type { Logger } from '../util/logger.js'
import type { PageRenderer } from './page-renderer.js'

export type AdminApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

/** What the route modules work with. */
export interface AdminContext {
  core: KioskCore
  renderer: PageRenderer
  log: Logger
}

/** Error answers every route may give (401, 403, 404, 422, 429, …), in the OpenAPI document too. */
export const ERROR_RESPONSES = { '4xx': ErrorBodySchema, '5xx': ErrorBodySchema } as const

/** Bytes on the wire (images, PNG renders); documented as binary, never serialised. */
export const BinarySchema = z.any().meta({ type: 'string', format: 'binary' })

export function binaryResponse(types: readonly string[], description: string) {
  return {
    description,
    content: Object.fromEntries(types.map((type) => [type, { schema: BinarySchema }])),
  }
}
