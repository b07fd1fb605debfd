import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AdminRole } from '../../contracts/admin-api.js'
import type { AdminToken } from '../../kiosk-config/schema/services.js'
import type { Clock } from '../util/clock.js'
import type { Logger } from '../util/logger.js'
import type { FailureLimiter } from './rate-limiter.js'

/** Who is calling: the token's name (the audit log's actor) and its role. */
export interface Actor {
  name: string
  role: AdminRole
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent = `it` only. */
    roles?: readonly AdminRole[]
    /** No token needed (the OpenAPI document only). */
    public?: boolean
  }
  interface FastifyRequest {
    adminActor: Actor | null
  }
}

export const PRESS_AND_IT: readonly AdminRole[] = ['press', 'it']
export const IT_ONLY: readonly AdminRole[] = ['it']

export type TokenCheck =
  | { ok: true; actor: Actor }
  | { ok: false; reason: 'missing' | 'unknown' }
  | { ok: false; reason: 'expired'; name: string }

const BEARER = /^Bearer +([\x21-\x7e]{1,512}) *$/i

/**
 * Checks bearer tokens against the running config's `admin.tokens`, read on every request so a
 * pushed config takes effect at once. The presented token is hashed and compared with every
 * configured hash in constant time, without stopping at a match, so timing tells nothing about
 * which or how many tokens exist.
 */
export class TokenVerifier {
  private digestsFor: readonly AdminToken[] | undefined
  private digests: Buffer[] = []

  constructor(
    private readonly tokens: () => readonly AdminToken[],
    private readonly clock: Clock,
  ) {}

  check(authorization: string | undefined): TokenCheck {
    const match = authorization ? BEARER.exec(authorization) : null
    if (!match) return { ok: false, reason: 'missing' }
    const presented = createHash('sha256').update(match[1]!, 'utf8').digest()
    const tokens = this.tokens()
    const digests = this.configuredDigests(tokens)
    let found = -1
    for (let index = 0; index < digests.length; index++) {
      const equal = timingSafeEqual(presented, digests[index]!)
      if (equal && found === -1) found = index
    }
    const entry = found === -1 ? undefined : tokens[found]
    if (!entry) return { ok: false, reason: 'unknown' }
    if (entry.expires && Date.parse(entry.expires) <= this.clock.now().getTime()) {
      return { ok: false, reason: 'expired', name: entry.name }
    }
    return { ok: true, actor: { name: entry.name, role: entry.role } }
  }

  private configuredDigests(tokens: readonly AdminToken[]): Buffer[] {
    if (tokens !== this.digestsFor) {
      this.digests = tokens.map((token) => Buffer.from(token.hash.slice('sha256:'.length), 'hex'))
      this.digestsFor = tokens
    }
    return this.digests
  }
}

/**
 * The onRequest step that admits a request: lock-out check, token, role. Failures are counted
 * per client address; the log names the address and the reason, never the token.
 */
export function createAuthenticator(deps: { verifier: TokenVerifier; limiter: FailureLimiter; log: Logger }) {
  const { verifier, limiter, log } = deps
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const lockedMs = limiter.lockedForMs(request.ip)
    if (lockedMs > 0) {
      reply.header('retry-after', String(Math.ceil(lockedMs / 1000)))
      return reply.code(429).send({ error: 'Too many failed attempts from this address; try again later.' })
    }
    const config = request.routeOptions.config
    if (config?.public) return
    const result = verifier.check(request.headers.authorization)
    if (!result.ok) {
      const locked = limiter.recordFailure(request.ip)
      log.warn(
        { ip: request.ip, method: request.method, url: request.url, reason: result.reason, locked },
        'admin API: authentication failed',
      )
      reply.header('www-authenticate', 'Bearer')
      const error =
        result.reason === 'expired'
          ? 'This token has expired; ask IT for a new one.'
          : 'Authentication required: send a valid token as "Authorization: Bearer <token>".'
      return reply.code(401).send({ error })
    }
    request.adminActor = result.actor
    if (request.is404) return
    const roles = config?.roles ?? IT_ONLY
    if (!roles.includes(result.actor.role)) {
      return reply.code(403).send({ error: 'This token is not allowed to do this.' })
    }
  }
}

/** The caller, once authenticated; a route without one is a wiring bug. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.adminActor) throw new Error('admin route reached without authentication')
  return request.adminActor
}
