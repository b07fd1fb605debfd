/**
 * The admin page's only way to the core: fetch against /api/v1 with the bearer token, and every
 * refusal turned into a message for people (401, 403, 422 with its problems, 429 with the wait).
 */
import { ADMIN_API_PREFIX, type Problem } from '../../contracts/admin-api.js'
import type { Strings } from './i18n/index.js'

export interface ApiFailure {
  /** HTTP status; 0 when the monitor could not be reached or took too long. */
  status: number
  /** What happened, worded for the person at the page. */
  message: string
  /** Field problems of a 422, as the API names them (`validUntil`, `hours[0].from`). */
  problems: Problem[]
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure }

/** A zod schema or anything else that checks what arrived. */
export interface ResponseCheck<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false }
}

export interface ApiClientOptions {
  token: string
  strings: () => Strings
  /** Called when the token is refused (401): the session is over. */
  onUnauthorized?: (failure: ApiFailure) => void
  base?: string
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000
/** Pictures are drawn by a headless browser on the monitor: slower than any other answer. */
const PICTURE_TIMEOUT_MS = 60_000

export class ApiClient {
  private readonly base: string

  constructor(private readonly options: ApiClientOptions) {
    this.base = options.base ?? ADMIN_API_PREFIX
  }

  get<T>(path: string, check?: ResponseCheck<T>): Promise<ApiResult<T>> {
    return this.json('GET', path, undefined, check)
  }

  /** A JSON request; the answer is checked when `check` is given. 204 gives undefined. */
  async json<T>(
    method: string,
    path: string,
    body?: unknown,
    check?: ResponseCheck<T>,
  ): Promise<ApiResult<T>> {
    const init: RequestInit =
      body === undefined
        ? { method }
        : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
    const sent = await this.request(path, init)
    if (!sent.ok) return sent
    const response = sent.data
    if (response.status === 204) return { ok: true, data: undefined as T }
    const data: unknown = await response.json().catch(() => undefined)
    if (!check) return { ok: true, data: data as T }
    const parsed = check.safeParse(data)
    return parsed.success
      ? { ok: true, data: parsed.data }
      : this.failure(response.status, this.strings().errors.unexpected)
  }

  /** Binary answers: screenshots, rendered slides, uploaded images. */
  async blob(method: string, path: string, body?: unknown): Promise<ApiResult<Blob>> {
    const init: RequestInit =
      body === undefined
        ? { method }
        : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
    const sent = await this.request(path, init, PICTURE_TIMEOUT_MS)
    if (!sent.ok) return sent
    return { ok: true, data: await sent.data.blob() }
  }

  /** Sends a file's bytes as they are (an image upload). */
  async upload<T>(path: string, file: Blob, check?: ResponseCheck<T>): Promise<ApiResult<T>> {
    const sent = await this.request(path, {
      method: 'POST',
      body: file,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    })
    if (!sent.ok) return sent
    const data: unknown = await sent.data.json().catch(() => undefined)
    if (!check) return { ok: true, data: data as T }
    const parsed = check.safeParse(data)
    return parsed.success
      ? { ok: true, data: parsed.data }
      : this.failure(sent.data.status, this.strings().errors.unexpected)
  }

  private async request(path: string, init: RequestInit, timeoutMs?: number): Promise<ApiResult<Response>> {
    const headers = new Headers(init.headers)
    headers.set('authorization', `Bearer ${this.options.token}`)
    headers.set('accept', headers.get('accept') ?? 'application/json, image/png, */*')
    let response: Response
    try {
      response = await fetch(`${this.base}${path}`, {
        ...init,
        headers,
        cache: 'no-store',
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      })
    } catch {
      return this.failure(0, this.strings().errors.network)
    }
    if (response.ok) return { ok: true, data: response }
    const body = (await response.json().catch(() => undefined)) as
      | { error?: unknown; problems?: unknown }
      | undefined
    const failure: ApiFailure = {
      status: response.status,
      message: messageFor(response, typeof body?.error === 'string' ? body.error : '', this.strings()),
      problems: Array.isArray(body?.problems) ? (body.problems as Problem[]) : [],
    }
    if (response.status === 401) this.options.onUnauthorized?.(failure)
    return { ok: false, error: failure }
  }

  private failure(status: number, message: string): { ok: false; error: ApiFailure } {
    return { ok: false, error: { status, message, problems: [] } }
  }

  private strings(): Strings {
    return this.options.strings()
  }
}

/** The German (or English) message for a refusal; the API's own words stay in its log. */
export function messageFor(
  response: Pick<Response, 'status' | 'headers'>,
  error: string,
  strings: Strings,
): string {
  const errors = strings.errors
  switch (response.status) {
    case 401:
      return /expired/i.test(error) ? errors.expired : errors.unauthorized
    case 403:
      return errors.forbidden
    case 404:
      return errors.notFound
    case 409:
    case 412:
      return errors.conflict
    case 413:
      return errors.tooLarge
    case 422:
      return errors.invalid
    case 429: {
      const seconds = Number(response.headers.get('retry-after'))
      return errors.tooMany(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 10)
    }
    case 503:
      return errors.unavailable
    default:
      return response.status >= 500 ? errors.server : errors.unexpected
  }
}
