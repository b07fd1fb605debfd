import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { crc32, deflateSync } from 'node:zlib'
import { expect } from 'vitest'
import { parseConfigText } from '../../../kiosk-config/config-loader.js'
import { type AdminTokenEntry, createAdminToken } from '../../../main/admin/admin-token.js'
import { KioskCore } from '../../../main/core/kiosk-core.js'
import { type Clock, systemClock } from '../../../main/util/clock.js'
import { createLogger, type Logger, silentLogger } from '../../../main/util/logger.js'
import { tempDir } from '../../helpers/temp-dir.js'

export interface Tokens {
  it: string
  press: string
  /** An `it` token whose `expires` lies in the past. */
  expired: string
}

/** The kiosk config text the tests start from: no sources, three tokens, everything else default. */
export function configText(
  entries: readonly AdminTokenEntry[],
  options: { cacheDir: string; name?: string; extra?: string },
): string {
  const tokens = entries.map((entry) => `    - ${JSON.stringify(entry)}`).join('\n')
  return [
    '# A test monitor; comments must survive a push.',
    'monitor:',
    '  id: test-monitor',
    `  name: ${options.name ?? 'Schmölln'}`,
    '  timezone: Europe/Berlin',
    'cache:',
    `  dir: ${JSON.stringify(options.cacheDir)}`,
    'admin:',
    '  tokens:',
    tokens,
    options.extra ?? '',
  ].join('\n')
}

export function testTokens(): { tokens: Tokens; entries: AdminTokenEntry[] } {
  const it = createAdminToken({ name: 'it-admin', role: 'it' })
  const press = createAdminToken({ name: 'pressestelle', role: 'press' })
  const expired = createAdminToken({ name: 'old-it', role: 'it', expires: '2020-01-01T00:00:00+01:00' })
  return {
    tokens: { it: it.token, press: press.token, expired: expired.token },
    entries: [it.entry, press.entry, expired.entry],
  }
}

export interface AdminHarness {
  core: KioskCore
  dir: string
  tokens: Tokens
  entries: AdminTokenEntry[]
  /** Base URL, …/api/v1. */
  url: string
  /** The config text the core started with. */
  text: string
  /** Everything the core logged, when started with `captureLog`. */
  logText(): string
  stop(): Promise<void>
}

/** A real KioskCore in a temp dir, player and admin API on free loopback ports. */
export async function startAdminHarness(
  options: { clock?: Clock; captureLog?: boolean; name?: string; extra?: string } = {},
): Promise<AdminHarness> {
  const dir = tempDir('infomonitor-admin-')
  const { tokens, entries } = testTokens()
  const text = configText(entries, { ...options, cacheDir: join(dir.path, 'cache') })
  const loaded = parseConfigText(text, 'yaml', dir.path)
  if (!loaded.ok) throw new Error(`test config invalid: ${JSON.stringify(loaded.problems)}`)
  const chunks: string[] = []
  const log: Logger = options.captureLog
    ? createLogger({
        level: 'debug',
        destination: new Writable({
          write(chunk, _encoding, done) {
            chunks.push(String(chunk))
            done()
          },
        }),
      })
    : silentLogger()
  const core = await KioskCore.start({
    loaded,
    clock: options.clock ?? systemClock,
    log,
    playerPort: 0,
    adminPort: 0,
  })
  return {
    core,
    dir: dir.path,
    tokens,
    entries,
    text,
    url: core.adminUrl!,
    logText: () => chunks.join(''),
    async stop() {
      await core.stop()
      dir.remove()
    },
  }
}

export interface HttpResult {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
  json<T = unknown>(): T
}

export interface HttpOptions {
  method?: string
  token?: string
  headers?: Record<string, string>
  /** JSON-encoded unless a string or Buffer. */
  body?: unknown
  /** The client address to send from (any of 127.0.0.0/8 reaches a loopback server on Linux). */
  localAddress?: string
}

/**
 * A plain node:http request: unlike fetch it may set any Host or Origin header and pick its
 * source address, which the guard and lock-out tests need.
 */
export function http(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let payload: Buffer | undefined
  if (options.body !== undefined) {
    if (Buffer.isBuffer(options.body)) payload = options.body
    else if (typeof options.body === 'string') payload = Buffer.from(options.body)
    else {
      payload = Buffer.from(JSON.stringify(options.body))
      headers['content-type'] ??= 'application/json'
    }
  }
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const body = Buffer.concat(chunks)
          const text = body.toString('utf8')
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            text,
            json: <T>() => JSON.parse(text) as T,
          })
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(payload)
  })
}

/** Polls `probe` until it returns a value, at most `timeoutMs`; returns how long it took. */
export async function within<T>(
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  for (;;) {
    const value = await probe()
    if (value !== undefined) return { value, ms: performance.now() - started }
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

export { systemClock }

/** A real, minimal PNG (one colour), for uploads. */
export function tinyPng(width = 4, height = 3): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Width and height from a PNG's header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}
