import type { SourceFailure } from '../source-result.js'
import { type AddressGuard, noDeeperThan } from './address-policy.js'

export interface FetchRequest {
  url: string
  /** Total deadline for connect, redirects and the whole body: a server dripping bytes is cut off. */
  timeoutMs: number
  /** Limit on the body after decompression, so a gzip bomb stops at the limit. */
  maxBytes: number
  maxRedirects?: number
  etag?: string
  lastModified?: string
  accept?: string
  signal?: AbortSignal
  /**
   * Checked before the request and before every redirect hop (SSRF guard). Without one, only
   * redirects are checked: they may not lead deeper into the network than the first URL.
   */
  guard?: AddressGuard
}

export interface FetchedDocument {
  /** The final URL, after redirects: relative links resolve against it. */
  url: string
  bytes: Buffer
  contentType?: string
  etag?: string
  lastModified?: string
}

export type FetchOutcome =
  | { ok: true; notModified: true; url: string }
  | { ok: true; notModified: false; document: FetchedDocument }
  | { ok: false; error: SourceFailure }

export const USER_AGENT =
  'InfoMonitor/0.1 (+https://github.com/infomonitor/infomonitor; municipal street display)'

/**
 * GET with the limits a public kiosk needs: http(s) only at every hop, a bounded number of
 * redirects, one deadline over the whole exchange, a byte limit counted after decompression,
 * and conditional GET. Every expected failure comes back as a typed value, never a throw.
 */
export async function fetchDocument(request: FetchRequest): Promise<FetchOutcome> {
  const maxRedirects = request.maxRedirects ?? 5
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), request.timeoutMs)
  const signal = request.signal ? AbortSignal.any([deadline.signal, request.signal]) : deadline.signal
  let url = request.url
  const redirectGuard = noDeeperThan(request.url)
  try {
    for (let hop = 0; ; hop++) {
      if (!isHttpUrl(url))
        return fail('UnsupportedUrl', `Only http and https URLs can be fetched, not ${scheme(url)}.`)
      const guard = request.guard ?? (hop > 0 ? redirectGuard : undefined)
      const refusal = await guard?.(new URL(url))
      if (refusal) return fail('AddressNotAllowed', `Refused to fetch ${url}: ${refusal}.`)
      const response = await fetch(url, { redirect: 'manual', signal, headers: requestHeaders(request) })
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => {})
        const location = response.headers.get('location')
        if (!location)
          return fail(
            'HttpError',
            `HTTP ${response.status} redirect without a Location header from ${url}.`,
            response.status,
          )
        const next = resolve(location, url)
        if (!next || !isHttpUrl(next)) {
          return fail(
            'RedirectNotAllowed',
            `${url} redirected to ${next ?? location}, which is not http(s); refused.`,
          )
        }
        if (hop + 1 > maxRedirects) {
          return fail(
            'TooManyRedirects',
            `More than ${maxRedirects} redirects starting at ${request.url} (last: ${next}); a redirect loop?`,
          )
        }
        url = next
        continue
      }
      if (response.status === 304) return { ok: true, notModified: true, url }
      if (response.status >= 400) {
        await response.body?.cancel().catch(() => {})
        return fail('HttpError', `The server answered HTTP ${response.status} for ${url}.`, response.status)
      }
      const bytes = await readLimited(response, request.maxBytes)
      if (bytes === 'too-large') {
        return fail(
          'FetchTooLarge',
          `The response from ${url} is larger than maxBytes (${request.maxBytes} bytes after decompression); it was cut off and not used.`,
        )
      }
      if (bytes.length === 0) return fail('EmptyBody', `The server answered ${url} with an empty body.`)
      return { ok: true, notModified: false, document: documentFrom(url, bytes, response.headers) }
    }
  } catch (error) {
    if (deadline.signal.aborted) {
      return fail(
        'FetchTimeout',
        `No complete answer from ${url} within ${request.timeoutMs} ms; the request was cut off.`,
      )
    }
    if (request.signal?.aborted) return fail('FetchTimeout', `The fetch of ${url} was cancelled.`)
    return fail('FetchNetworkError', `Could not reach ${url}: ${describeNetworkError(error)}.`)
  } finally {
    clearTimeout(timer)
  }
}

function requestHeaders(request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: request.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  }
  if (request.etag) headers['if-none-match'] = request.etag
  if (request.lastModified) headers['if-modified-since'] = request.lastModified
  return headers
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer | 'too-large'> {
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return 'too-large'
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}

function documentFrom(url: string, bytes: Buffer, headers: Headers): FetchedDocument {
  const document: FetchedDocument = { url, bytes }
  const contentType = headers.get('content-type')
  const etag = headers.get('etag')
  const lastModified = headers.get('last-modified')
  if (contentType) document.contentType = contentType
  if (etag) document.etag = etag
  if (lastModified) document.lastModified = lastModified
  return document
}

function fail(code: SourceFailure['code'], message: string, httpStatus?: number): FetchOutcome {
  return { ok: false, error: httpStatus === undefined ? { code, message } : { code, message, httpStatus } }
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && URL.canParse(url)
}

function scheme(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? url
}

function resolve(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href
  } catch {
    return undefined
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`
  return error instanceof Error ? error.message : String(error)
}
