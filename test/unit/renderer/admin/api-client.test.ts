import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiClient } from '../../../../renderer/admin/api-client.js'
import { stringsFor } from '../../../../renderer/admin/i18n/index.js'

const de = stringsFor('de')
const realFetch = globalThis.fetch

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
  )
}

describe('ApiClient (admin page)', () => {
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  it('sends the token as a bearer header to /api/v1, and nothing as a cookie', async () => {
    const fetch = answer(200, [{ id: 'a' }])
    globalThis.fetch = fetch as typeof globalThis.fetch
    const client = new ApiClient({ token: 'imt_secret', strings: () => de })
    expect(await client.get('/notices')).toEqual({ ok: true, data: [{ id: 'a' }] })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/v1/notices')
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer imt_secret')
    expect(init?.credentials).toBe('omit')
  })

  it('words every refusal in German: 401 (unknown, expired), 403, 422 with its problems, 429 with the wait', async () => {
    const unauthorized = vi.fn()
    const client = new ApiClient({ token: 't', strings: () => de, onUnauthorized: unauthorized })
    const failure = async (status: number, body: unknown, headers?: Record<string, string>) => {
      globalThis.fetch = answer(status, body, headers) as typeof globalThis.fetch
      const result = await client.json('POST', '/notices', {})
      if (result.ok) throw new Error('expected a failure')
      return result.error
    }
    expect((await failure(401, { error: 'Authentication required' })).message).toBe(de.errors.unauthorized)
    expect((await failure(401, { error: 'This token has expired; ask IT for a new one.' })).message).toBe(
      'Der Zugangsschlüssel ist abgelaufen. Bitte bei der IT einen neuen anfordern.',
    )
    expect(unauthorized).toHaveBeenCalledTimes(2)
    expect((await failure(403, { error: 'no' })).message).toBe('Mit Ihrer Rolle ist das nicht erlaubt.')
    const invalid = await failure(422, {
      error: 'The notice was refused: 1 problem.',
      problems: [{ path: 'imageId', message: 'Unbekanntes Bild: bitte das Bild erneut hochladen' }],
    })
    expect(invalid.message).toBe('Die Angaben wurden nicht angenommen. Bitte die markierten Felder prüfen.')
    expect(invalid.problems).toEqual([
      { path: 'imageId', message: 'Unbekanntes Bild: bitte das Bild erneut hochladen' },
    ])
    expect((await failure(429, { error: 'locked' }, { 'retry-after': '540' })).message).toBe(
      'Zu viele fehlgeschlagene Anmeldeversuche von diesem Gerät. Bitte in 9 Minuten erneut versuchen.',
    )
    expect((await failure(500, { error: 'Internal error' })).message).toBe(de.errors.server)
    expect(unauthorized).toHaveBeenCalledTimes(2)
  })

  it('says the monitor cannot be reached when the network fails, and English when asked', async () => {
    globalThis.fetch = vi.fn(async () => {
      throw new TypeError('fetch failed')
    }) as typeof globalThis.fetch
    const german = await new ApiClient({ token: 't', strings: () => de }).get('/status')
    expect(german.ok || german.error).toEqual({ status: 0, message: de.errors.network, problems: [] })
    globalThis.fetch = answer(403, { error: 'no' }) as typeof globalThis.fetch
    const english = await new ApiClient({ token: 't', strings: () => stringsFor('en') }).get('/config')
    expect(english.ok || english.error.message).toBe('Your role is not allowed to do this.')
  })
})
