import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  CORPUS,
  calendar,
  corpus,
  icsFiles,
  items,
  localTime,
  parse,
  startsAt,
  vevent,
  warnings,
} from './ical-test-kit.js'

describe('IcalSource', () => {
  describe('corpus', () => {
    const files = icsFiles(CORPUS)

    it('finds the corpus', () => {
      expect(files.length).toBeGreaterThanOrEqual(25)
    })

    it.each(files.map((path) => [relative(CORPUS, path), path]))(
      'reads %s without throwing or hanging',
      async (_name, path) => {
        const text = readFileSync(path!, 'utf8')
        // The day before the first event, so its events fall inside a two-year horizon.
        const firstStart = /BEGIN:VEVENT[\s\S]*?DTSTART[^:\r\n]*:(\d{8})/.exec(text)?.[1]
        const now = firstStart
          ? DateTime.fromFormat(firstStart, 'yyyyMMdd', { zone: 'UTC' }).minus({ days: 1 })
          : null
        const started = performance.now()
        const result = await parse(text, { now: now?.toISO() ?? '2020-01-01T00:00:00Z', horizonDays: 730 })
        expect(performance.now() - started).toBeLessThan(2500)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const titled = /BEGIN:VEVENT[\s\S]*?SUMMARY:\S/.test(text)
        if (titled) expect(result.items.length).toBeGreaterThan(0)
        else expect(result.items).toEqual([])
        for (const item of result.items) {
          expect(item.kind).toBe('event')
          expect(item.language).toBe('de')
          expect(item.priority).toBe('normal')
          expect(new Date(item.validUntil!) > new Date(item.startsAt!)).toBe(true)
        }
      },
    )

    it('applies the RECURRENCE-ID overrides and EXDATEs of recur_instances.ics', async () => {
      const list = await items(corpus('recur_instances.ics'), {
        now: '2012-10-01T00:00:00Z',
        horizonDays: 200,
      })
      // First Tuesdays 10:00 Los Angeles plus RDATEs; Dec 4, Feb 5 and Apr 2 excluded; two moved.
      expect(startsAt(list)).toEqual([
        '2012-10-02T22:00:00.000Z', // Oct 2 10:00 moved to 15:00 PDT
        '2012-11-06T18:00:00.000Z',
        '2012-11-07T04:00:00.000Z', // the Nov 5 RDATE moved to Nov 6 20:00 PST
        '2012-11-10T18:00:00.000Z',
        '2012-11-30T18:00:00.000Z',
        '2013-01-01T18:00:00.000Z',
        '2013-03-05T18:00:00.000Z',
      ])
      expect(list[0]!.summary).toBe('I HAZ CHANGED!')
      expect(list[0]!.endsAt).toBe('2012-10-02T22:30:00.000Z')
      // An override without DESCRIPTION keeps the series' one.
      expect(list[2]!.summary).toBe('IAM FOO')
      expect(list[2]!.id).toBe('test-ical:623c13c0-6c2b-45d6-a12b-c33ad61c4868@2012-11-05T18:00:00.000Z')
      expect(list.every((item) => item.location?.name === 'PLACE')).toBe(true)
    })

    it('ends a series at its UNTIL and adds its RDATEs (recur_instances_finite.ics)', async () => {
      const list = await items(corpus('recur_instances_finite.ics'), {
        now: '2012-10-01T00:00:00Z',
        horizonDays: 365,
      })
      expect(list.map((item) => localTime(item.startsAt, 'America/Los_Angeles'))).toEqual([
        '2012-10-02 10:00',
        '2012-11-05 10:00',
        '2012-11-06 10:00',
        '2012-11-10 10:00',
        '2012-12-04 10:00',
      ])
    })

    it('includes RDATEs and leaves out EXDATEs (rdate_exdate.ics)', async () => {
      // The file has no SUMMARY, so it shows nothing as it is; with one, its dates are visible.
      expect(await items(corpus('rdate_exdate.ics'), { now: '2024-06-01T00:00:00Z' })).toEqual([])
      expect(await warnings(corpus('rdate_exdate.ics'), { now: '2024-06-01T00:00:00Z' })).toEqual([
        'event "123" has no SUMMARY and is not shown.',
      ])
      const text = corpus('rdate_exdate.ics').replace(
        'UID:123',
        'UID:123\nSUMMARY:Frühschwimmen\nRDATE:20240620T030000Z',
      )
      const list = await items(text, { now: '2024-06-01T00:00:00Z' })
      expect(startsAt(list)).toEqual([
        '2024-06-09T03:00:00.000Z',
        '2024-06-10T03:00:00.000Z',
        '2024-06-12T03:00:00.000Z',
        '2024-06-20T03:00:00.000Z',
      ])
    })

    it('computes the end from DURATION (duration_instead_of_dtend.ics)', async () => {
      const [item] = await items(corpus('duration_instead_of_dtend.ics'), { now: '2012-06-29T00:00:00Z' })
      expect(item!.startsAt).toBe('2012-06-30T13:00:00.000Z')
      expect(item!.endsAt).toBe('2012-07-01T13:00:00.000Z')
      expect(item!.validUntil).toBe('2012-07-01T13:00:00.000Z')
    })

    it('shows recurring all-day events from local midnight to local midnight (day_long_recur_yearly.ics)', async () => {
      const list = await items(corpus('day_long_recur_yearly.ics'), {
        now: '2012-08-03T06:00:00Z',
        horizonDays: 14,
      })
      expect(list).toHaveLength(11)
      for (const item of list) {
        expect(item.allDay).toBe(true)
        expect(localTime(item.startsAt)).toMatch(/ 00:00$/)
        expect(localTime(item.endsAt)).toMatch(/ 00:00$/)
        expect(DateTime.fromISO(item.startsAt!, { zone: 'Europe/Berlin' }).weekday).toBeLessThanOrEqual(5)
      }
      expect(localTime(list[0]!.startsAt)).toBe('2012-08-03 00:00')
      expect(localTime(list[0]!.endsAt)).toBe('2012-08-04 00:00')
    })

    it('makes a DATE start without an end last that one day (only_dtstart_date.ics)', async () => {
      const [item] = await items(corpus('only_dtstart_date.ics'), { now: '2012-06-29T00:00:00Z' })
      expect(item!.allDay).toBe(true)
      expect(item!.startsAt).toBe('2012-06-29T22:00:00.000Z')
      expect(item!.endsAt).toBe('2012-06-30T22:00:00.000Z')
    })

    it('keeps a DATE-TIME start without an end on screen until the end of its local day (only_dtstart_time.ics)', async () => {
      const [item] = await items(corpus('only_dtstart_time.ics'), { now: '2012-06-29T00:00:00Z' })
      expect(item!.startsAt).toBe('2012-06-30T13:00:00.000Z')
      expect(item!.endsAt).toBeUndefined()
      expect(item!.validUntil).toBe('2012-06-30T21:59:59.999Z')
    })

    it('keeps an event with a blank DESCRIPTION and LOCATION (blank_description.ics)', async () => {
      const [item] = await items(corpus('blank_description.ics'), { now: '2012-06-29T00:00:00Z' })
      expect(item!.title).toBe('Really long event name thing')
      expect(item!.summary).toBe('')
      expect(item!.location).toBeUndefined()
    })

    it('uses the VTIMEZONE the file defines (timezone_from_file.ics)', async () => {
      const [item] = await items(corpus('timezone_from_file.ics'), { now: '2023-03-01T00:00:00Z' })
      // Nowhere/Middle is UTC-07:41: 13:42 there is 21:23 UTC.
      expect(item!.startsAt).toBe('2023-03-06T21:23:00.000Z')
      expect(item!.endsAt).toBe('2023-03-06T22:23:00.000Z')
    })

    it('reads a zone with a -0000 offset as UTC (utc_negative_zero.ics)', async () => {
      const [item] = await items(corpus('utc_negative_zero.ics'), { now: '2012-08-20T00:00:00Z' })
      expect(item!.startsAt).toBe('2012-08-21T21:00:00.000Z')
    })

    it('merges several RRULEs without duplicates (multiple_rrules.ics)', async () => {
      const list = await items(corpus('multiple_rrules.ics'), {
        now: '2012-03-25T00:00:00Z',
        horizonDays: 200,
      })
      const weekdays = list.map(
        (item) => DateTime.fromISO(item.startsAt!, { zone: 'America/Los_Angeles' }).weekday,
      )
      // Every Monday (weekly from DTSTART) and every Sunday (monthly BYDAY=SU) until July 30.
      expect(weekdays.filter((day) => day === 1)).toHaveLength(18)
      expect(weekdays.filter((day) => day === 7)).toHaveLength(18)
      expect(new Set(list.map((item) => item.id)).size).toBe(list.length)
    })

    it('keeps a daily series that started years ago (daily_recur.ics)', async () => {
      const list = await items(corpus('daily_recur.ics'), { now: '2026-11-21T09:00:00Z', horizonDays: 5 })
      expect(list.map((item) => localTime(item.startsAt, 'America/Los_Angeles'))).toEqual([
        '2026-11-21 05:00',
        '2026-11-22 05:00',
        '2026-11-23 05:00',
        '2026-11-24 05:00',
        '2026-11-25 05:00',
      ])
    })

    it('keeps a daily series that started decades ago', async () => {
      const text = calendar(
        vevent(
          'UID:museum-taeglich@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:19900102T100000',
          'DTEND;TZID=Europe/Berlin:19900102T170000',
          'RRULE:FREQ=DAILY;BYDAY=TU,WE,TH,FR,SA,SU',
          'SUMMARY:Knopfmuseum geöffnet',
        ),
      )
      const result = await parse(text, { now: '2026-11-23T12:00:00Z', horizonDays: 7 })
      if (!result.ok) throw new Error(result.error.message)
      // Monday 23 November is closed; Tuesday to Sunday are open.
      expect(result.items.map((item) => localTime(item.startsAt))).toEqual([
        '2026-11-24 10:00',
        '2026-11-25 10:00',
        '2026-11-26 10:00',
        '2026-11-27 10:00',
        '2026-11-28 10:00',
        '2026-11-29 10:00',
      ])
      expect(result.warnings).toEqual([])
    })

    it('shows overrides whose series is not in the file (google_birthday.ics)', async () => {
      const list = await items(corpus('google_birthday.ics'), {
        now: '2013-12-01T00:00:00Z',
        horizonDays: 30,
      })
      const override = list.find((item) => item.summary === "Today is PErson #2's birthday!")
      expect(override?.allDay).toBe(true)
      expect(localTime(override?.startsAt)).toBe('2013-12-10 00:00')
    })
  })
})
