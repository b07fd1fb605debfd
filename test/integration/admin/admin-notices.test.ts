import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NoticeWithStatus } from '../../../contracts/admin-api.js'
import type { Notice, NoticeInput } from '../../../contracts/notice.js'
import type { PlayerState } from '../../../contracts/player-state.js'
import { clockStartingAt } from '../../../main/util/clock.js'
import { type AdminHarness, http, startAdminHarness, tinyPng, within } from './admin-harness.js'

/** The monitor's clock in these tests: Monday 15 June 2026, 10:00 in Schmölln. */
const NOW = '2026-06-15T10:00:00+02:00'

interface Problems {
  error: string
  problems: { path: string; message: string }[]
}

describe('admin API: notices and images', () => {
  let h: AdminHarness
  const create = (notice: Partial<NoticeInput> & Record<string, unknown>, token = h.tokens.press) =>
    http(`${h.url}/notices`, { method: 'POST', token, body: notice })
  const list = async () =>
    (await http(`${h.url}/notices`, { token: h.tokens.press })).json<NoticeWithStatus[]>()
  const playerState = async () => (await http(`${h.core.playerUrl}api/state`)).json<PlayerState>()
  const slideIds = (state: PlayerState) =>
    [...state.playlist.interrupt, ...state.playlist.rotation].map((slide) => slide.item.id)

  beforeAll(async () => {
    h = await startAdminHarness({ clock: clockStartingAt(new Date(NOW)) })
  })
  afterAll(async () => {
    await h?.stop()
  })

  it('refuses a notice with field errors: 422, German messages per field, nothing stored', async () => {
    const response = await create({
      title: '   ',
      validFrom: 'morgen früh',
      url: 'javascript:alert(1)',
      weekdays: [],
      hours: [{ from: '25:00', to: '08:00' }],
      priority: 'sofort' as never,
      colour: 'rot',
    })
    expect(response.status).toBe(422)
    const body = response.json<Problems>()
    expect(body.error).toMatch(/refused/)
    const byPath = Object.fromEntries(body.problems.map((problem) => [problem.path, problem.message]))
    expect(byPath).toMatchObject({
      title: 'Bitte eine Überschrift eingeben',
      validFrom: 'Zeitpunkt als ISO-8601 mit Zeitzone angeben',
      url: 'Nur http(s)-Adressen sind erlaubt',
      weekdays: 'Mindestens einen Wochentag wählen',
      'hours[0].from': 'Uhrzeit als HH:mm angeben',
      colour: 'unknown field',
    })
    expect(byPath).toHaveProperty('priority')

    const reversed = await create({
      title: 'Ende vor Beginn',
      validFrom: '2026-06-20T10:00:00+02:00',
      validUntil: '2026-06-19T10:00:00+02:00',
    })
    expect(reversed.status).toBe(422)
    expect(reversed.json<Problems>().problems).toEqual([
      { path: 'validUntil', message: 'Das Ende muss nach dem Beginn liegen' },
    ])

    const noImage = await create({ title: 'Mit Bild', validFrom: NOW, imageId: 'a'.repeat(64) })
    expect(noImage.status).toBe(422)
    expect(noImage.json<Problems>().problems[0]).toMatchObject({ path: 'imageId' })

    const notJson = await http(`${h.url}/notices`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    })
    expect(notJson.status).toBe(400)
    expect(Object.keys(notJson.json<object>())).toEqual(['error'])

    const tooBig = await create({ title: 'Groß', validFrom: NOW, text: 'x'.repeat(300 * 1024) })
    expect(tooBig.status).toBe(413)

    expect(await list()).toEqual([])
    expect(h.core.notices.list()).toEqual([])
  })

  it('stores a notice, lists it with its status, and puts it on screen', async () => {
    const response = await create({
      title: 'Bürgerbüro geschlossen',
      text: 'Am Freitag bleibt das Bürgerbüro wegen einer Schulung geschlossen.',
      url: 'https://www.schmoelln.de/buergerbuero',
      validFrom: '2026-06-01T00:00:00+02:00',
      validUntil: '2026-06-30T00:00:00+02:00',
    })
    expect(response.status, response.text).toBe(201)
    const notice = response.json<Notice>()
    expect(notice).toMatchObject({
      title: 'Bürgerbüro geschlossen',
      createdBy: 'pressestelle',
      priority: 'normal',
    })
    expect(h.core.notices.get(notice.id)).toEqual(notice)

    const scheduled = (
      await create({ title: 'Sommerfest', validFrom: '2026-07-01T00:00:00+02:00' })
    ).json<Notice>()
    const expired = (
      await create({
        title: 'Alter Aushang',
        validFrom: '2026-05-01T00:00:00+02:00',
        validUntil: '2026-06-01T00:00:00+02:00',
      })
    ).json<Notice>()
    const paused = (
      await create({ title: 'Nur samstags', validFrom: '2026-06-01T00:00:00+02:00', weekdays: [6] })
    ).json<Notice>()

    const statuses = Object.fromEntries((await list()).map((entry) => [entry.id, entry.status]))
    expect(statuses).toEqual({
      [notice.id]: 'on-air',
      [scheduled.id]: 'scheduled',
      [expired.id]: 'expired',
      [paused.id]: 'paused',
    })
    const single = await http(`${h.url}/notices/${notice.id}`, { token: h.tokens.press })
    expect(single.json<NoticeWithStatus>().status).toBe('on-air')

    const state = await playerState()
    const slide = state.playlist.rotation.find((entry) => entry.item.id === `notices:${notice.id}`)
    expect(slide?.item).toMatchObject({
      kind: 'notice',
      title: 'Bürgerbüro geschlossen',
      linkLabel: 'schmoelln.de/buergerbuero',
    })
    expect(slideIds(state)).not.toContain(`notices:${expired.id}`)
    expect(slideIds(state)).not.toContain(`notices:${scheduled.id}`)
    expect(slideIds(state)).not.toContain(`notices:${paused.id}`)
  })

  it('interrupts the screen with an urgent notice within 2 s, and leaves it when deleted', async () => {
    const created = await create({
      title: 'Wasserrohrbruch: Markt gesperrt',
      validFrom: '2026-06-15T09:00:00+02:00',
      priority: 'urgent',
    })
    expect(created.status).toBe(201)
    const id = `notices:${created.json<Notice>().id}`
    const { value: state, ms } = await within(2_000, async () => {
      const current = await playerState()
      return current.playlist.mode === 'interrupt' ? current : undefined
    })
    expect(ms).toBeLessThan(2_000)
    expect(state.playlist.interrupt.map((slide) => slide.item.id)).toEqual([id])

    const removed = await http(`${h.url}/notices/${id.slice('notices:'.length)}`, {
      method: 'DELETE',
      token: h.tokens.press,
    })
    expect(removed.status).toBe(204)
    await within(2_000, async () => ((await playerState()).playlist.mode === 'rotation' ? true : undefined))
    expect(
      (await http(`${h.url}/notices/${id.slice('notices:'.length)}`, { token: h.tokens.press })).status,
    ).toBe(404)
    expect(
      (
        await http(`${h.url}/notices/${id.slice('notices:'.length)}`, {
          method: 'DELETE',
          token: h.tokens.press,
        })
      ).status,
    ).toBe(404)
  })

  it('replaces a notice and audits what changed, with before and after', async () => {
    const notice = (
      await create({ title: 'Markttag', validFrom: '2026-06-01T00:00:00+02:00', text: 'Kurz.' })
    ).json<Notice>()
    const replaced = await http(`${h.url}/notices/${notice.id}`, {
      method: 'PUT',
      token: h.tokens.press,
      body: {
        title: 'Markttag verschoben',
        validFrom: '2026-06-01T00:00:00+02:00',
        text: 'Lang. '.repeat(40),
        priority: 'high',
      },
    })
    expect(replaced.status, replaced.text).toBe(200)
    expect(replaced.json<Notice>()).toMatchObject({
      id: notice.id,
      title: 'Markttag verschoben',
      createdAt: notice.createdAt,
    })
    const missing = await http(`${h.url}/notices/no-such-notice`, {
      method: 'PUT',
      token: h.tokens.press,
      body: { title: 'x', validFrom: NOW },
    })
    expect(missing.status).toBe(404)

    const audit = (await http(`${h.url}/audit`, { token: h.tokens.it })).json<
      { action: string; actor: string; target: string; detail: { changes: unknown[] } }[]
    >()
    const update = audit.find((entry) => entry.action === 'notice.update' && entry.target === notice.id)
    expect(update?.actor).toBe('pressestelle')
    expect(update?.detail.changes).toEqual([
      { field: 'title', before: 'Markttag', after: 'Markttag verschoben' },
      { field: 'text' },
      { field: 'priority', before: 'normal', after: 'high' },
    ])
    expect(audit.filter((entry) => entry.action === 'notice.create').length).toBeGreaterThanOrEqual(5)
    expect(audit.some((entry) => entry.action === 'notice.delete')).toBe(true)
  })

  it('honours schedules across midnight and both DST changes in Europe/Berlin (preview)', async () => {
    const span = { validFrom: '2026-01-01T00:00:00+01:00', validUntil: '2026-12-31T00:00:00+01:00' }
    const night = (
      await create({ title: 'Samstagnacht', ...span, weekdays: [6], hours: [{ from: '22:00', to: '04:00' }] })
    ).json<Notice>()
    const morning = (
      await create({ title: 'Morgens', ...span, hours: [{ from: '08:00', to: '09:00' }] })
    ).json<Notice>()
    const twice = (
      await create({
        title: 'Zweimal zwei Uhr',
        ...span,
        weekdays: [7],
        hours: [{ from: '02:00', to: '02:30' }],
      })
    ).json<Notice>()
    const shown = async (at: string) => {
      const response = await http(`${h.url}/preview?at=${encodeURIComponent(at)}`, { token: h.tokens.press })
      expect(response.status, response.text).toBe(200)
      const state = response.json<PlayerState>()
      expect(state.serverTime).toBe(new Date(at).toISOString())
      const ids = new Set(slideIds(state))
      return [night, morning, twice]
        .filter((notice) => ids.has(`notices:${notice.id}`))
        .map((notice) => notice.title)
    }
    // Spring forward: Sunday 29 March 2026, 02:00 CET becomes 03:00 CEST.
    expect(await shown('2026-03-28T20:59:00Z')).toEqual([]) // Sat 21:59 CET
    expect(await shown('2026-03-28T21:00:00Z')).toEqual(['Samstagnacht']) // Sat 22:00 CET
    expect(await shown('2026-03-29T00:59:00Z')).toEqual(['Samstagnacht']) // Sun 01:59 CET
    expect(await shown('2026-03-29T01:00:00Z')).toEqual(['Samstagnacht']) // Sun 03:00 CEST
    expect(await shown('2026-03-29T01:59:00Z')).toEqual(['Samstagnacht']) // Sun 03:59 CEST
    expect(await shown('2026-03-29T02:00:00Z')).toEqual([]) // Sun 04:00 CEST
    expect(await shown('2026-03-28T06:59:00Z')).toEqual([]) // Sat 07:59 CET
    expect(await shown('2026-03-28T07:00:00Z')).toEqual(['Morgens']) // Sat 08:00 CET
    expect(await shown('2026-03-29T05:59:00Z')).toEqual([]) // Sun 07:59 CEST
    expect(await shown('2026-03-29T06:00:00Z')).toEqual(['Morgens']) // Sun 08:00 CEST
    expect(await shown('2026-03-29T07:00:00Z')).toEqual([]) // Sun 09:00 CEST
    // Fall back: Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET; 02:00-03:00 happens twice.
    expect(await shown('2026-10-24T19:59:00Z')).toEqual([]) // Sat 21:59 CEST
    expect(await shown('2026-10-24T20:00:00Z')).toEqual(['Samstagnacht']) // Sat 22:00 CEST
    expect(await shown('2026-10-25T00:15:00Z')).toEqual(['Samstagnacht', 'Zweimal zwei Uhr']) // 02:15 CEST
    expect(await shown('2026-10-25T00:30:00Z')).toEqual(['Samstagnacht']) // 02:30 CEST
    expect(await shown('2026-10-25T01:15:00Z')).toEqual(['Samstagnacht', 'Zweimal zwei Uhr']) // 02:15 CET
    expect(await shown('2026-10-25T02:59:00Z')).toEqual(['Samstagnacht']) // 03:59 CET
    expect(await shown('2026-10-25T03:00:00Z')).toEqual([]) // 04:00 CET
    expect(await shown('2026-10-24T00:15:00Z')).toEqual([]) // Sat 02:15 CEST: not a Sunday
    expect(await shown('2026-10-25T07:00:00Z')).toEqual(['Morgens']) // Sun 08:00 CET
    // Past validUntil nothing shows, whatever its hours say.
    expect(await shown('2026-12-31T07:30:00+01:00')).toEqual([])
    expect(await shown('2027-01-02T08:30:00+01:00')).toEqual([])
    // An offset typed into the URL unencoded keeps its "+".
    const raw = await http(`${h.url}/preview?at=2026-03-29T03:30:00+02:00`, { token: h.tokens.press })
    expect(raw.json<PlayerState>().serverTime).toBe('2026-03-29T01:30:00.000Z')
    // Previews store nothing.
    expect((await http(`${h.url}/preview?at=tomorrow`, { token: h.tokens.press })).status).toBe(422)
    expect((await http(`${h.url}/preview?when=now`, { token: h.tokens.press })).status).toBe(422)
  })

  it('uploads a PNG, serves it back, and shows it with a notice; a disguised text file is refused', async () => {
    const png = tinyPng()
    const upload = await http(`${h.url}/images`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { 'content-type': 'image/png' },
      body: png,
    })
    expect(upload.status, upload.text).toBe(201)
    const image = upload.json<{ id: string; mime: string; size: number }>()
    expect(image).toMatchObject({ mime: 'image/png', size: png.length })
    expect(image.id).toMatch(/^[0-9a-f]{64}$/)

    const fetched = await http(`${h.url}/images/${image.id}`, { token: h.tokens.press })
    expect(fetched.status).toBe(200)
    expect(fetched.headers['content-type']).toBe('image/png')
    expect(fetched.body.equals(png)).toBe(true)
    expect((await http(`${h.url}/images/${'0'.repeat(64)}`, { token: h.tokens.press })).status).toBe(404)
    expect((await http(`${h.url}/images/..%2F..%2Fstate.db`, { token: h.tokens.press })).status).toBe(422)

    const disguised = await http(`${h.url}/images`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from('<svg onload="alert(1)"/> not an image at all'),
    })
    expect(disguised.status).toBe(422)
    expect(disguised.json<Problems>().problems[0]!.message).toMatch(/not a PNG, JPEG, WebP or GIF/)
    const svg = await http(`${h.url}/images`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { 'content-type': 'image/svg+xml' },
      body: '<svg/>',
    })
    expect(svg.status).toBe(415)
    const huge = await http(`${h.url}/images`, {
      method: 'POST',
      token: h.tokens.press,
      headers: { 'content-type': 'image/png' },
      body: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]),
    })
    expect(huge.status).toBe(413)

    const notice = (
      await create({ title: 'Mit Bild', validFrom: '2026-06-01T00:00:00+02:00', imageId: image.id })
    ).json<Notice>()
    const slide = (await playerState()).playlist.rotation.find(
      (entry) => entry.item.id === `notices:${notice.id}`,
    )
    expect(slide?.item.imageUrl).toBe(`/media/${image.id}`)
    const media = await http(`${h.core.playerUrl}media/${image.id}`)
    expect(media.body.equals(png)).toBe(true)
  })
})
