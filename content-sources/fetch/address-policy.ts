import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/** How far inside the network an address points. */
export type AddressScope = 'public' | 'private' | 'internal'

const INTERNAL = new BlockList()
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4') // loopback: this device's own services
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4') // link-local, cloud metadata
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4')
INTERNAL.addAddress('::1', 'ipv6')
INTERNAL.addAddress('::', 'ipv6')
INTERNAL.addSubnet('fe80::', 10, 'ipv6')
INTERNAL.addSubnet('224.0.0.0', 4, 'ipv4')

const PRIVATE = new BlockList()
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4')
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4')
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4')
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4') // carrier-grade NAT
PRIVATE.addSubnet('fc00::', 7, 'ipv6')

const RANK: Record<AddressScope, number> = { public: 0, private: 1, internal: 2 }

export function scopeOfAddress(address: string): AddressScope {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  const ip = mapped ?? address
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4'
  if (INTERNAL.check(ip, family)) return 'internal'
  if (PRIVATE.check(ip, family)) return 'private'
  return 'public'
}

/** The innermost scope a host name resolves to (every address counts: a name may have several). */
export async function scopeOfHost(hostname: string): Promise<AddressScope | undefined> {
  const host = hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return scopeOfAddress(host)
  if (host === 'localhost' || host.endsWith('.localhost')) return 'internal'
  try {
    const addresses = await lookup(host, { all: true })
    return addresses.map((entry) => scopeOfAddress(entry.address)).sort((a, b) => RANK[b] - RANK[a])[0]
  } catch {
    return undefined
  }
}

/** A check run before every request and every redirect hop; returns why a URL is refused. */
export type AddressGuard = (url: URL) => Promise<string | undefined>

/**
 * What a document may make the core fetch next (a redirect, an image it names): anything on its
 * own host name, else nothing further inside the network than the document itself. A town CMS on the
 * LAN may name LAN images; a feed from the internet may never make the kiosk call its own
 * services (the admin API on 127.0.0.1) or the cloud metadata address.
 */
export function noDeeperThan(origin: string): AddressGuard {
  const originUrl = new URL(origin)
  let originScope: Promise<AddressScope | undefined> | undefined
  return async (url) => {
    if (url.hostname === originUrl.hostname) return undefined
    originScope ??= scopeOfHost(originUrl.hostname)
    const [from, to] = await Promise.all([originScope, scopeOfHost(url.hostname)])
    if (to === undefined) return undefined // unresolvable: the fetch itself will fail and say so
    const allowed = from ?? 'public'
    if (RANK[to] <= RANK[allowed] && to !== 'internal') return undefined
    return `${url.host} is a ${to === 'internal' ? 'loopback or link-local' : 'private-network'} address, and ${originUrl.host} may not send the monitor there`
  }
}
