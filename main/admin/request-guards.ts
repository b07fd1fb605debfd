import { isIP } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** `host[:port]` → the host name, lower case, IPv6 without brackets; undefined when malformed. */
export function hostName(host: string | undefined): string | undefined {
  if (!host) return undefined
  const value = host.trim().toLowerCase()
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value)
  if (bracketed) return bracketed[1]
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(value)
  return plain?.[1]
}

/**
 * DNS-rebinding guard: a browser tricked into sending requests here names the attacker's host
 * in `Host`. IP literals and localhost always pass; other names only when IT listed them.
 */
export function isAllowedHost(host: string | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostName(host)
  if (!name) return false
  if (isIP(name) !== 0 || name === 'localhost') return true
  return allowedHosts.some((allowed) => allowed.toLowerCase() === name)
}

/** CSRF guard: a state-changing request sent by a browser from another origin is refused. */
export function isForeignOrigin(
  method: string,
  origin: string | undefined,
  host: string | undefined,
): boolean {
  if (!STATE_CHANGING.has(method) || origin === undefined) return false
  if (!URL.canParse(origin)) return true
  return new URL(origin).host !== (host ?? '').toLowerCase()
}

export function createRequestGuard(allowedHosts: () => readonly string[]) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const host = request.headers.host
    if (!isAllowedHost(host, allowedHosts())) {
      return reply.code(421).send({ error: 'This host name is not served here (see admin.allowedHosts).' })
    }
    if (isForeignOrigin(request.method, request.headers.origin, host)) {
      return reply.code(403).send({ error: 'Cross-origin requests are not accepted.' })
    }
  }
}
