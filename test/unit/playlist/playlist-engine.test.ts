import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContentItem } from '../../../content-sources/content-item.js'
import type { Slide } from '../../../contracts/player-state.js'
import { KioskConfigSchema } from '../../../kiosk-config/schema/kiosk-config.js'
import { buildPlaylist, isShowable } from '../../../main/playlist/playlist-engine.js'
import { testItem } from '../../helpers/items.js'

const config = KioskConfigSchema.parse({ monitor: { id: 'test', name: 'Schmölln' } })
const NOW = new Date('2026-11-21T12:00:00Z')
const HOUR = 3_600_000
const ROTATING_KINDS = ['roadworks', 'event', 'tourism', 'news', 'warning', 'notice'] as const

let itemCounter = 0
const itemArbitrary = fc
  .record({
    kind: fc.constantFrom(...ROTATING_KINDS, 'weather' as const),
    priority: fc.constantFrom('normal', 'high', 'urgent'),
    fromOffsetH: fc.integer({ min: -500, max: 50 }),
    lengthH: fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
    severity: fc.constantFrom('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'),
    words: fc.integer({ min: 0, max: 200 }),
    scheduled: fc.boolean(),
    weekday: fc.integer({ min: 1, max: 7 }),
  })
  .map((spec): ContentItem => {
    const validFrom = new Date(NOW.getTime() + spec.fromOffsetH * HOUR)
    return testItem({
      id: `item-${++itemCounter}`,
      kind: spec.kind,
      priority: spec.priority as ContentItem['priority'],
      summary: Array.from({ length: spec.words }, (_, word) => `Wort${word}.`).join(' '),
      validFrom: validFrom.toISOString(),
      ...(spec.lengthH
        ? { validUntil: new Date(validFrom.getTime() + spec.lengthH * HOUR).toISOString() }
        : {}),
      ...(spec.kind === 'warning' ? { warning: { severity: spec.severity, urgency: 'Immediate' } } : {}),
      ...(spec.scheduled
        ? { schedule: { weekdays: [spec.weekday], hours: [{ from: '09:00', to: '17:00' }] } }
        : {}),
    } as ContentItem)
  })

const scenario = fc.record({
  items: fc.array(itemArbitrary, { maxLength: 60 }),
  offsetH: fc.integer({ min: -200, max: 200 }),
})

function allSlides(playlist: ReturnType<typeof buildPlaylist>): Slide[] {
  return [...playlist.interrupt, ...playlist.rotation]
}

function isValidAt(item: ContentItem, now: Date): boolean {
  return (
    Date.parse(item.validFrom) <= now.getTime() &&
    (!item.validUntil || Date.parse(item.validUntil) > now.getTime())
  )
}

describe('buildPlaylist (properties)', () => {
  it('never shows an item outside its validity window', () => {
    fc.assert(
      fc.property(scenario, ({ items, offsetH }) => {
        const now = new Date(NOW.getTime() + offsetH * HOUR)
        const byId = new Map(items.map((item) => [item.id, item]))
        const playlist = buildPlaylist({ items, config, now })
        for (const slide of allSlides(playlist)) expect(isValidAt(byId.get(slide.item.id)!, now)).toBe(true)
        for (const entry of playlist.ticker) expect(isValidAt(byId.get(entry.key)!, now)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('is never empty: either slides to show or the fallback slide', () => {
    fc.assert(
      fc.property(scenario, ({ items, offsetH }) => {
        const playlist = buildPlaylist({ items, config, now: new Date(NOW.getTime() + offsetH * HOUR) })
        const empty = playlist.interrupt.length === 0 && playlist.rotation.length === 0
        expect(playlist.mode === 'fallback').toBe(empty)
        for (const slide of allSlides(playlist)) {
          expect(slide.durationMs).toBeGreaterThanOrEqual(config.rotation.minSeconds * 1000)
          expect(slide.durationMs).toBeLessThanOrEqual(config.rotation.maxSeconds * 1000)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('lets every valid urgent item interrupt, and nothing else', () => {
    fc.assert(
      fc.property(scenario, ({ items, offsetH }) => {
        const now = new Date(NOW.getTime() + offsetH * HOUR)
        const playlist = buildPlaylist({ items, config, now })
        const urgentNow = items.filter(
          (item) =>
            item.priority === 'urgent' && item.kind !== 'weather' && isShowable(item, now, 'Europe/Berlin'),
        )
        expect(new Set(playlist.interrupt.map((slide) => slide.item.id))).toEqual(
          new Set(urgentNow.map((item) => item.id)),
        )
        expect(playlist.mode === 'interrupt').toBe(urgentNow.length > 0)
        expect(playlist.rotation.every((slide) => slide.item.priority !== 'urgent')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('never shows the same item twice in a row when there is anything else to show', () => {
    fc.assert(
      fc.property(scenario, ({ items, offsetH }) => {
        const cycle = buildPlaylist({ items, config, now: new Date(NOW.getTime() + offsetH * HOUR) }).rotation
        const distinct = new Set(cycle.map((slide) => slide.item.id)).size
        if (distinct < 3) return
        cycle.forEach((slide, index) => {
          const previous = cycle[(index + cycle.length - 1) % cycle.length]!
          // Parts of one long item follow each other on purpose.
          if (previous.item.id === slide.item.id)
            expect(slide.item.part?.index).toBe((previous.item.part?.index ?? 0) + 1)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('shows every kind with valid items, each within a bounded number of slides', () => {
    const weights = config.rotation.mix
    const total = Object.values(weights).reduce((sum, weight) => sum + weight * 2, 0)
    fc.assert(
      fc.property(scenario, ({ items, offsetH }) => {
        const now = new Date(NOW.getTime() + offsetH * HOUR)
        const cycle = buildPlaylist({ items, config, now }).rotation
        const rotating = items.filter(
          (item) =>
            item.kind !== 'weather' &&
            item.priority !== 'urgent' &&
            !(item.kind === 'warning' && ['Minor', 'Unknown'].includes(item.warning!.severity)) &&
            isShowable(item, now, 'Europe/Berlin'),
        )
        const kindsWithItems = new Set(rotating.map((item) => item.kind))
        expect(new Set(cycle.map((slide) => slide.item.kind))).toEqual(kindsWithItems)
        for (const kind of kindsWithItems) {
          const bound = (Math.ceil(total / weights[kind as keyof typeof weights]) + 1) * 3
          const positions = cycle.flatMap((slide, index) => (slide.item.kind === kind ? [index] : []))
          // Gaps between consecutive appearances, including the wrap-around of the loop.
          const gaps = positions.map((position, index) =>
            index === 0 ? position + cycle.length - positions.at(-1)! : position - positions[index - 1]!,
          )
          expect(Math.max(...gaps)).toBeLessThanOrEqual(bound)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('buildPlaylist', () => {
  const item = (overrides: Partial<ContentItem> & { id: string }) => testItem(overrides)

  it('gives every kind with items its share: one busy feed cannot crowd out the others', () => {
    const news = Array.from({ length: 40 }, (_, index) => item({ id: `news-${index}`, kind: 'news' }))
    const event = item({ id: 'konzert', kind: 'event', startsAt: '2026-11-25T18:00:00.000Z' })
    const playlist = buildPlaylist({ items: [...news, event], config, now: NOW })
    const firstTen = playlist.rotation.slice(0, 10).map((slide) => slide.item.kind)
    expect(firstTen.filter((kind) => kind === 'event').length).toBeGreaterThanOrEqual(4)
    // The busy kind is capped at its most relevant items (rotation.maxItemsPerKind, 15).
    expect(new Set(playlist.rotation.map((slide) => slide.item.id)).size).toBe(
      config.rotation.maxItemsPerKind + 1,
    )
  })

  it('lets a severe warning rotate first and more often, and sends minor warnings to the ticker', () => {
    const items = [
      item({
        id: 'sturm',
        kind: 'warning',
        priority: 'high',
        warning: { severity: 'Severe', urgency: 'Expected' },
      }),
      item({ id: 'glaette', kind: 'warning', warning: { severity: 'Minor', urgency: 'Expected' } }),
      ...Array.from({ length: 6 }, (_, index) => item({ id: `news-${index}` })),
    ]
    const playlist = buildPlaylist({ items, config, now: NOW })
    expect(playlist.rotation[0]!.item.id).toBe('sturm')
    expect(playlist.ticker.map((entry) => entry.key)).toEqual(['glaette'])
    expect(playlist.rotation.some((slide) => slide.item.id === 'glaette')).toBe(false)
  })

  it('alternates several urgent items and keeps the rotation ready behind them', () => {
    const items = [
      item({
        id: 'evakuierung',
        kind: 'warning',
        priority: 'urgent',
        warning: { severity: 'Extreme', urgency: 'Immediate' },
      }),
      item({ id: 'eilmeldung', kind: 'notice', priority: 'urgent' }),
      item({ id: 'news' }),
    ]
    const playlist = buildPlaylist({ items, config, now: NOW })
    expect(playlist.mode).toBe('interrupt')
    expect(playlist.interrupt.map((slide) => slide.item.id)).toEqual(['evakuierung', 'eilmeldung'])
    expect(playlist.rotation.map((slide) => slide.item.id)).toEqual(['news'])
  })

  it('honours show schedules in local time across midnight', () => {
    const late = item({
      id: 'nacht',
      kind: 'notice',
      schedule: { weekdays: [5], hours: [{ from: '22:00', to: '02:00' }] },
    })
    const at = (iso: string) => buildPlaylist({ items: [late], config, now: new Date(iso) }).mode
    expect(at('2026-11-20T21:30:00Z')).toBe('rotation') // Fri 22:30 Berlin
    expect(at('2026-11-21T00:30:00Z')).toBe('rotation') // Sat 01:30 Berlin, still Friday's window
    expect(at('2026-11-21T01:30:00Z')).toBe('fallback') // Sat 02:30
    expect(at('2026-11-21T21:30:00Z')).toBe('fallback') // Sat 22:30: not a Friday
  })

  it('splits a long text over consecutive slides at sentence ends, never mid-word', () => {
    const sentences = Array.from({ length: 30 }, (_, index) => `Satz Nummer ${index} endet hier.`).join(' ')
    const playlist = buildPlaylist({ items: [item({ id: 'lang', summary: sentences })], config, now: NOW })
    const parts = playlist.rotation.filter((slide) => slide.item.id === 'lang')
    expect(parts.map((slide) => slide.item.part)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ])
    expect(parts.slice(0, 2).every((slide) => slide.item.text.endsWith('.'))).toBe(true)
    expect(
      parts
        .map((slide) => slide.item.text)
        .join(' ')
        .split(' ')
        .every((word) => /^(Satz|Nummer|\d+|endet|hier\.|…)$/.test(word)),
    ).toBe(true)
  })

  it('changes its version when a title is corrected, and only then', () => {
    const before = buildPlaylist({
      items: [item({ id: 'a', title: 'Sitzung am Dienstag' })],
      config,
      now: NOW,
    })
    const same = buildPlaylist({ items: [item({ id: 'a', title: 'Sitzung am Dienstag' })], config, now: NOW })
    const after = buildPlaylist({
      items: [item({ id: 'a', title: 'Sitzung am Mittwoch' })],
      config,
      now: NOW,
    })
    expect(same.version).toBe(before.version)
    expect(after.version).not.toBe(before.version)
  })

  it('shows each item it keeps at least once per cycle, even for a kind with a small weight', () => {
    const kinds = ['roadworks', 'event', 'tourism', 'news', 'notice'] as const
    const items = kinds.flatMap((kind) =>
      Array.from({ length: 15 }, (_, index) =>
        item({
          id: `${kind}-${index}`,
          kind,
          startsAt: `2026-12-${String(index + 1).padStart(2, '0')}T10:00:00.000Z`,
        }),
      ),
    )
    const cycle = buildPlaylist({ items, config, now: NOW }).rotation
    const shown = new Set(cycle.map((slide) => slide.item.id))
    expect(cycle.length).toBeLessThanOrEqual(120)
    for (const kind of kinds) {
      const count = [...shown].filter((id) => id.startsWith(`${kind}-`)).length
      // The kind's share of a 120-slide cycle, at most maxItemsPerKind: and those, every cycle.
      const share = Math.min(15, Math.floor((120 * config.rotation.mix[kind]) / 10))
      expect(count, kind).toBe(share)
    }
  })

  it('keeps weather out of the rotation', () => {
    const weather = item({ id: 'wetter', kind: 'weather' })
    expect(buildPlaylist({ items: [weather], config, now: NOW }).mode).toBe('fallback')
  })
})
