import type { FastifySchemaCompiler } from 'fastify'
import type { z } from 'zod'
import type { Problem } from '../../contracts/admin-api.js'
import { formatPath } from '../../kiosk-config/config-loader.js'

/** Refused input: every zod issue, kept whole so the answer can name each path. */
export class RequestValidationError extends Error {
  readonly statusCode = 422

  constructor(
    readonly problems: Problem[],
    readonly part: string,
  ) {
    super(`invalid ${part}`)
  }
}

/**
 * Fastify's validator for zod schemas. Unlike the type provider's own, it keeps the issues'
 * paths as zod reports them, so numbers stay indices (`targets.monitors[3]`).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data)
    if (result.success) return { value: result.data }
    return {
      error: new RequestValidationError(
        problemsOf(result.error.issues, httpPart ?? 'body'),
        httpPart ?? 'body',
      ),
    }
  }

/** One problem per issue, and one per unknown key (`{ path: 'validUntl', message: 'unknown field' }`). */
export function problemsOf(issues: readonly z.core.$ZodIssue[], part = 'body'): Problem[] {
  return issues.flatMap((issue) => {
    const path = issue.path as PropertyKey[]
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: 'unknown field' }))
    }
    return [{ path: path.length === 0 ? `(${part})` : formatPath(path), message: issue.message }]
  })
}
