import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorBody, Problem } from '../../contracts/admin-api.js'
import type { Logger } from '../util/logger.js'
import { RequestValidationError } from './validation.js'

/** The 422 answer for refused input, listing every problem. */
export function invalid(problems: Problem[], what = 'The request'): ErrorBody {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  return { error: `${what} was refused: ${count}.`, problems }
}

const CLIENT_MESSAGES: Record<number, string> = {
  400: 'Bad request: the body could not be read (is it valid JSON?).',
  404: 'Not found.',
  405: 'Method not allowed.',
  413: 'The request body is too large.',
  415: 'Unsupported content type.',
}

/**
 * Every error becomes a short, generic JSON body: refused input lists its problems (422), other
 * client errors say what kind they are, and anything unexpected is a 500 whose details go to
 * the kiosk log only, never a stack trace to the caller.
 */
export function createErrorHandler(log: Logger) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof RequestValidationError) return reply.code(422).send(invalid(error.problems))
    if (error.validation) {
      const problems = error.validation.map((entry) => ({
        path:
          entry.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
          `(${error.validationContext ?? 'body'})`,
        message: entry.message ?? 'invalid',
      }))
      return reply.code(422).send(invalid(problems))
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: CLIENT_MESSAGES[status] ?? `${STATUS_CODES[status] ?? 'Bad request'}.` })
    }
    log.error(
      {
        method: request.method,
        url: request.url,
        code: error.code,
        error: error.message,
        stack: error.stack,
      },
      'admin API: request failed',
    )
    return reply.code(500).send({ error: 'Internal error; the details are in the kiosk log.' })
  }
}
