import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calendar, parse, vevent } from './ical-test-kit.js'

describe('IcalSource', () => {
  describe('hostile rules', () => {
    const all = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',')
    // An ordinary event first, then the hostile ones: the ordinary one must survive.
    const hostile = (rule: string, count = 1) =>
      calendar(
        vevent('UID:markt@schmoelln.de', 'DTSTART:20261121T083000Z', 'SUMMARY:Wochenmarkt'),
        ...Array.from({ length: count }, (_, i) =>
          vevent(
            `UID:hostile-${i}@example.de`,
            'DTSTART:20261121T090000Z',
            `RRULE:${rule}`,
            `SUMMARY:Bombe ${i}`,
          ),
        ),
      )

    it.each([
      ['an endless SECONDLY rule', 'FREQ=SECONDLY'],
      ['a DAILY rule that can never match', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'],
      ['a SECONDLY rule that can never match', 'FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30'],
      [
        'the dense YEARLY shape of node-ical#542',
        `FREQ=YEARLY;COUNT=1;BYMONTH=${all(1, 12)};BYMONTHDAY=${all(1, 31)};BYHOUR=${all(0, 23)};BYMINUTE=${all(0, 59)};BYSECOND=${all(0, 59)}`,
      ],
      ['a YEARLY rule that searches to the year 20000', 'FREQ=YEARLY;BYDAY=4TH;BYMONTHDAY=24;BYMONTH=11'],
      ['a huge COUNT', 'FREQ=MINUTELY;COUNT=100000000'],
    ])('returns quickly from %s', async (_label, rule) => {
      const started = performance.now()
      const result = await parse(hostile(rule!), { now: '2026-11-21T08:00:00Z', maxItems: 200 })
      expect(performance.now() - started).toBeLessThan(3000)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.items[0]?.title).toBe('Wochenmarkt')
      expect(result.items.length).toBeLessThanOrEqual(200)
    })

    it('warns when an endless rule fills the event up to maxItems', async () => {
      const result = await parse(hostile('FREQ=SECONDLY'), { now: '2026-11-21T08:00:00Z', maxItems: 50 })
      expect(result.ok && result.items).toHaveLength(50)
      expect(result.ok && result.warnings).toEqual([
        'event "Bombe 0": only its first 50 occurrences were kept.',
        'only the first 50 items were kept (maxItems)',
      ])
    })

    it('warns when a rule needs too many steps', async () => {
      const result = await parse(hostile('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), {
        now: '2026-11-21T08:00:00Z',
      })
      expect(result.ok && result.items.map((item) => item.title)).toEqual(['Wochenmarkt'])
      expect(result.ok && result.warnings).toHaveLength(1)
      expect(result.ok && result.warnings[0]).toMatch(
        /^event "Bombe 0": its recurrence rule needed more than \d+ steps/,
      )
    })

    it('gives up on a YEARLY rule that searches for a date that never comes', async () => {
      const result = await parse(hostile('FREQ=YEARLY;BYDAY=4TH;BYMONTHDAY=24;BYMONTH=11'), {
        now: '2026-11-21T08:00:00Z',
      })
      expect(result.ok && result.items.map((item) => item.title)).toEqual(['Wochenmarkt'])
      expect(result.ok && result.warnings[0]).toMatch(
        /^event "Bombe 0": its recurrence rule needed more than \d+ steps/,
      )
    })

    it('ignores a rule that contradicts itself, with a warning, and keeps DTSTART', async () => {
      const result = await parse(hostile('FREQ=WEEKLY;BYMONTHDAY=1'), { now: '2026-11-21T08:00:00Z' })
      expect(result.ok && result.items.map((item) => item.title)).toEqual(['Wochenmarkt', 'Bombe 0'])
      expect(result.ok && result.warnings).toEqual([
        'event "Bombe 0": RRULE ignored (For WEEKLY recurrences neither BYMONTHDAY nor BYYEARDAY may appear).',
      ])
    })

    it('returns items inside the window for any RRULE, without throwing', async () => {
      const list = <T>(values: T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 6 })
      const part = (name: string, values: fc.Arbitrary<unknown[]>) =>
        values.map((chosen) => (chosen.length > 0 ? `${name}=${chosen.join(',')}` : ''))
      const rule = fc
        .tuple(
          fc.constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
          fc.integer({ min: 1, max: 5 }),
          fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
          part('BYMONTH', list([1, 2, 3, 6, 11, 12])),
          part('BYMONTHDAY', list([1, 15, 29, 30, 31, -1])),
          part('BYDAY', list(['MO', 'TH', 'SU', '1MO', '-1FR', '4TH', '5SU'])),
          part('BYHOUR', list([0, 8, 12, 23])),
          part('BYSETPOS', list([1, -1, 3])),
        )
        .map(([freq, interval, count, ...parts]) =>
          [`FREQ=${freq}`, `INTERVAL=${interval}`, count ? `COUNT=${count}` : '', ...parts]
            .filter(Boolean)
            .join(';'),
        )
      const now = new Date('2026-11-21T08:00:00Z')
      await fc.assert(
        fc.asyncProperty(rule, async (text) => {
          const result = await parse(hostile(text), {
            now: now.toISOString(),
            maxItems: 100,
          })
          expect(result.ok).toBe(true)
          if (!result.ok) return
          expect(result.items.length).toBeLessThanOrEqual(100)
          expect(new Set(result.items.map((item) => item.id)).size).toBe(result.items.length)
          for (const item of result.items) {
            expect(new Date(item.validUntil!) > now).toBe(true)
            expect(new Date(item.startsAt!).getTime()).toBeLessThan(now.getTime() + 60 * 86_400_000)
          }
        }),
        { numRuns: 40 },
      )
    })

    it('stops a calendar full of hostile rules at the time budget and keeps the items found so far', async () => {
      const started = performance.now()
      const result = await parse(hostile('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 300), {
        now: '2026-11-21T08:00:00Z',
      })
      expect(performance.now() - started).toBeLessThan(5000)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.items.map((item) => item.title)).toEqual(['Wochenmarkt'])
      expect(result.warnings[0]).toMatch(/took too long and was stopped/)
      expect(result.warnings.length).toBeLessThanOrEqual(21)
    })
  })
})
