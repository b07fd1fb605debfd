import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentItem } from '../../../content-sources/content-item.js'
import type { FetchedDocument } from '../../../content-sources/fetch/http-fetch.js'
import { fetchDocument } from '../../../content-sources/fetch/http-fetch.js'
import { icalSource } from '../../../content-sources/ical/ical-source.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import type { MonitorConfig } from '../../../kiosk-config/schema/monitor.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const CORPUS = join(HERE, 'fixtures', 'ical', 'corpus')
const DEMO_FEED = join(HERE, '..', '..', '..', 'kiosk-config', 'demo-feeds', 'veranstaltungen.ics')

const BERLIN_ZONE = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`

interface ParseOptions {
  now: string
  horizonDays?: number
  leadDays?: number
  maxItems?: number
  monitor?: Partial<MonitorConfig>
  contentType?: string
  url?: string
}

function document(
  body: string | Buffer,
  options: Pick<ParseOptions, 'contentType' | 'url'> = {},
): FetchedDocument {
  return {
    url: options.url ?? 'https://www.schmoelln.de/veranstaltungen.ics',
    bytes: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType: options.contentType ?? 'text/calendar; charset=utf-8',
  }
}

function parse(body: string | Buffer, options: ParseOptions): Promise<SourceResult> {
  const { now, monitor, contentType, url, ...fields } = options
  return icalSource.parse(document(body, { contentType, url }), {
    source: testSource('ical', fields),
    monitor: testMonitor(monitor),
    now: new Date(now),
  })
}

async function items(body: string | Buffer, options: ParseOptions): Promise<ContentItem[]> {
  const result = await parse(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result.items
}

async function warnings(body: string | Buffer, options: ParseOptions): Promise<string[]> {
  const result = await parse(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}`)
  return result.warnings
}

/** A VCALENDAR around the given blocks, with CRLF line ends as RFC 5545 wants them. */
function calendar(...blocks: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//InfoMonitor//Test//DE', ...blocks, 'END:VCALENDAR', '']
    .join('\n')
    .replace(/\r?\n/g, '\r\n')
}

function vevent(...lines: string[]): string {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\n')
}

function corpus(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8')
}

function localTime(instant: string | undefined, zone = 'Europe/Berlin'): string {
  return DateTime.fromISO(instant!, { zone }).toFormat('yyyy-MM-dd HH:mm')
}

function startsAt(list: ContentItem[]): string[] {
  return list.map((item) => item.startsAt!)
}

function icsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return icsFiles(path)
    return name.endsWith('.ics') ? [path] : []
  })
}

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

  describe('time zones', () => {
    const weekly = (zone: string[]) =>
      calendar(
        ...zone,
        vevent(
          'UID:fruehsport@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:20261015T080000',
          'DTEND;TZID=Europe/Berlin:20261015T090000',
          'RRULE:FREQ=WEEKLY',
          'SUMMARY:Frühsport im Stadtpark',
        ),
      )

    it.each([
      ['with an embedded VTIMEZONE', [BERLIN_ZONE]],
      ['without a VTIMEZONE', []],
    ])('keeps a weekly 08:00 event at 08:00 local across both DST changes (%s)', async (_label, zone) => {
      const list = await items(weekly(zone), { now: '2026-10-14T00:00:00Z', horizonDays: 200 })
      expect(list.length).toBe(29)
      expect(list.every((item) => localTime(item.startsAt).endsWith(' 08:00'))).toBe(true)
      expect(list.every((item) => localTime(item.endsAt).endsWith(' 09:00'))).toBe(true)
      const at = (day: string) => list.find((item) => localTime(item.startsAt).startsWith(day))?.startsAt
      // Summer time until the last Sunday of October 2026 and again from the last Sunday of March 2027.
      expect(at('2026-10-22')).toBe('2026-10-22T06:00:00.000Z')
      expect(at('2026-10-29')).toBe('2026-10-29T07:00:00.000Z')
      expect(at('2027-03-25')).toBe('2027-03-25T07:00:00.000Z')
      expect(at('2027-04-01')).toBe('2027-04-01T06:00:00.000Z')
    })

    it('maps the Windows zone "W. Europe Standard Time" to Europe/Berlin', async () => {
      const text = calendar(
        vevent(
          'UID:outlook-1@rathaus.schmoelln.de',
          'DTSTART;TZID=W. Europe Standard Time:20261119T080000',
          'DTEND;TZID=W. Europe Standard Time:20261119T100000',
          'SUMMARY:Bürgersprechstunde',
        ),
      )
      const result = await parse(text, { now: '2026-11-18T00:00:00Z' })
      expect(result.ok && result.items[0]?.startsAt).toBe('2026-11-19T07:00:00.000Z')
      expect(result.ok && result.warnings).toEqual([])
    })

    it('reads IANA names behind a libical prefix', async () => {
      const text = calendar(
        vevent(
          'UID:lib-1@example.de',
          'DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20260715T080000',
          'SUMMARY:Ferienprogramm',
        ),
      )
      const [item] = await items(text, { now: '2026-07-14T00:00:00Z' })
      expect(item!.startsAt).toBe('2026-07-15T06:00:00.000Z')
    })

    it('reads an unknown TZID as the monitor zone and says so', async () => {
      const text = calendar(
        vevent('UID:odd-1@example.de', 'DTSTART;TZID=Mitteleuropa:20261119T080000', 'SUMMARY:Sitzung'),
      )
      const result = await parse(text, { now: '2026-11-18T00:00:00Z' })
      expect(result.ok && result.items[0]?.startsAt).toBe('2026-11-19T07:00:00.000Z')
      expect(result.ok && result.warnings).toEqual([
        'TZID "Mitteleuropa" is neither defined in the calendar nor a known IANA or Windows zone; its times were read as Europe/Berlin.',
      ])
    })

    it('reads floating times in the monitor zone', async () => {
      const text = calendar(
        vevent('UID:float-1@example.de', 'DTSTART:20261125T180000', 'SUMMARY:Laternenumzug'),
      )
      const [berlin] = await items(text, { now: '2026-11-24T00:00:00Z' })
      expect(berlin!.startsAt).toBe('2026-11-25T17:00:00.000Z')
      const [newYork] = await items(text, {
        now: '2026-11-24T00:00:00Z',
        monitor: { timezone: 'America/New_York' },
      })
      expect(newYork!.startsAt).toBe('2026-11-25T23:00:00.000Z')
    })
  })

  describe('all-day events', () => {
    it('ends a one-day event at local midnight after it (exclusive DTEND)', async () => {
      const text = calendar(
        vevent(
          'UID:knopfmarkt@schmoelln.de',
          'DTSTART;VALUE=DATE:20270614',
          'DTEND;VALUE=DATE:20270615',
          'SUMMARY:Schmöllner Knopfmarkt',
        ),
      )
      const [item] = await items(text, { now: '2027-06-10T00:00:00Z' })
      expect(item!.allDay).toBe(true)
      expect(localTime(item!.startsAt)).toBe('2027-06-14 00:00')
      expect(localTime(item!.endsAt)).toBe('2027-06-15 00:00')
      expect(item!.validUntil).toBe(item!.endsAt)
    })

    it('tolerates VALUE=DATE with a time attached', async () => {
      const text = calendar(
        vevent('UID:bad-date@example.de', 'DTSTART;VALUE=DATE:20261128T000000', 'SUMMARY:Adventsbasteln'),
      )
      const [item] = await items(text, { now: '2026-11-27T00:00:00Z' })
      expect(item!.allDay).toBe(true)
      expect(localTime(item!.startsAt)).toBe('2026-11-28 00:00')
      expect(localTime(item!.endsAt)).toBe('2026-11-29 00:00')
    })
  })

  describe('recurrence', () => {
    const choir = [
      'UID:chorprobe@schmoelln.de',
      'DTSTART;TZID=Europe/Berlin:20261201T190000',
      'DTEND;TZID=Europe/Berlin:20261201T203000',
      'RRULE:FREQ=WEEKLY;COUNT=4',
      'SUMMARY:Chorprobe',
    ]

    it('moves one occurrence and changes its title with a RECURRENCE-ID override', async () => {
      const text = calendar(
        vevent(...choir),
        vevent(
          'UID:chorprobe@schmoelln.de',
          'RECURRENCE-ID;TZID=Europe/Berlin:20261208T190000',
          'DTSTART;TZID=Europe/Berlin:20261209T180000',
          'DTEND;TZID=Europe/Berlin:20261209T193000',
          'SUMMARY:Chorprobe (verlegt auf Mittwoch)',
        ),
      )
      const list = await items(text, { now: '2026-11-30T00:00:00Z' })
      expect(list.map((item) => `${localTime(item.startsAt)} ${item.title}`)).toEqual([
        '2026-12-01 19:00 Chorprobe',
        '2026-12-09 18:00 Chorprobe (verlegt auf Mittwoch)',
        '2026-12-15 19:00 Chorprobe',
        '2026-12-22 19:00 Chorprobe',
      ])
      // The moved occurrence keeps the id of the slot it replaces.
      expect(list[1]!.id).toBe('test-ical:chorprobe@schmoelln.de@2026-12-08T18:00:00.000Z')
    })

    it('matches overrides to their series by UID only', async () => {
      const text = calendar(
        vevent(...choir),
        vevent(
          'UID:bibliothek@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:20261201T190000',
          'RRULE:FREQ=WEEKLY;COUNT=2',
          'SUMMARY:Lesecafé in der Bibliothek',
        ),
        vevent(
          'UID:bibliothek@schmoelln.de',
          'RECURRENCE-ID;TZID=Europe/Berlin:20261201T190000',
          'DTSTART;TZID=Europe/Berlin:20261202T170000',
          'SUMMARY:Lesecafé (heute am Mittwoch)',
        ),
      )
      const list = await items(text, { now: '2026-11-30T00:00:00Z', horizonDays: 10 })
      expect(list.map((item) => `${localTime(item.startsAt)} ${item.title}`)).toEqual([
        '2026-12-01 19:00 Chorprobe',
        '2026-12-02 17:00 Lesecafé (heute am Mittwoch)',
        '2026-12-08 19:00 Chorprobe',
        '2026-12-08 19:00 Lesecafé in der Bibliothek',
      ])
    })

    it('drops cancelled events and cancelled occurrences', async () => {
      const text = calendar(
        vevent(...choir),
        vevent(
          'UID:chorprobe@schmoelln.de',
          'RECURRENCE-ID:20261215T180000Z',
          'DTSTART;TZID=Europe/Berlin:20261215T190000',
          'STATUS:CANCELLED',
          'SUMMARY:Chorprobe',
        ),
        vevent(
          'UID:konzert@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:20261205T170000',
          'STATUS:CANCELLED',
          'SUMMARY:Konzert (abgesagt)',
        ),
      )
      const list = await items(text, { now: '2026-11-30T00:00:00Z' })
      expect(list.map((item) => localTime(item.startsAt))).toEqual([
        '2026-12-01 19:00',
        '2026-12-08 19:00',
        '2026-12-22 19:00',
      ])
    })

    it('removes occurrences named by EXDATE, in the series zone or in UTC', async () => {
      const text = calendar(
        vevent(...choir, 'EXDATE;TZID=Europe/Berlin:20261208T190000', 'EXDATE:20261222T180000Z'),
      )
      const list = await items(text, { now: '2026-11-30T00:00:00Z' })
      expect(list.map((item) => localTime(item.startsAt))).toEqual(['2026-12-01 19:00', '2026-12-15 19:00'])
    })

    it('includes an occurrence that is running and leaves out ended ones and those past the horizon', async () => {
      const text = calendar(
        vevent(
          'UID:markt@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:20261105T080000',
          'DTEND;TZID=Europe/Berlin:20261105T130000',
          'RRULE:FREQ=WEEKLY',
          'SUMMARY:Wochenmarkt',
        ),
      )
      // Thursday 26 November, 10:00 local: this week's market is on.
      const list = await items(text, { now: '2026-11-26T09:00:00Z', horizonDays: 14 })
      expect(list.map((item) => localTime(item.startsAt))).toEqual([
        '2026-11-26 08:00',
        '2026-12-03 08:00',
        '2026-12-10 08:00',
      ])
    })

    it('shows an occurrence from leadDays before it starts until it ends', async () => {
      const text = calendar(
        vevent(
          'UID:stadtrat@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:20261210T180000',
          'DTEND;TZID=Europe/Berlin:20261210T203000',
          'SUMMARY:Sitzung des Stadtrates',
        ),
      )
      const [item] = await items(text, { now: '2026-11-21T00:00:00Z', leadDays: 7 })
      expect(item!.validFrom).toBe('2026-12-03T17:00:00.000Z')
      expect(item!.validUntil).toBe('2026-12-10T19:30:00.000Z')
    })

    it('gives occurrences the same ids on every parse', async () => {
      const text = calendar(vevent(...choir))
      const first = await items(text, { now: '2026-11-30T00:00:00Z' })
      const second = await items(text, { now: '2026-12-02T00:00:00Z' })
      expect(first.map((item) => item.id)).toEqual([
        'test-ical:chorprobe@schmoelln.de@2026-12-01T18:00:00.000Z',
        'test-ical:chorprobe@schmoelln.de@2026-12-08T18:00:00.000Z',
        'test-ical:chorprobe@schmoelln.de@2026-12-15T18:00:00.000Z',
        'test-ical:chorprobe@schmoelln.de@2026-12-22T18:00:00.000Z',
      ])
      expect(second.map((item) => item.id)).toEqual(first.slice(1).map((item) => item.id))
    })
  })

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

  describe('content', () => {
    it('maps SUMMARY, DESCRIPTION as plain text, LOCATION, GEO and URL', async () => {
      const text = calendar(
        vevent(
          'UID:konzert-1@schmoelln.de',
          'DTSTART;TZID=Europe/Berlin:20261212T170000',
          'DTEND;TZID=Europe/Berlin:20261212T183000',
          'SUMMARY:Adventskonzert\\, Chor \\; Orchester',
          'DESCRIPTION:<p>Eintritt <b>frei</b></p><script>alert(1)</script>\\nSpenden erbeten.',
          'LOCATION:Stadtkirche St. Nicolai\\, Kirchplatz 1\\, 04626 Schmölln',
          'GEO:50.8957;12.3533',
          'URL:/veranstaltungen/adventskonzert',
        ),
      )
      const [item] = await items(text, { now: '2026-12-01T00:00:00Z' })
      expect(item!.title).toBe('Adventskonzert, Chor ; Orchester')
      expect(item!.summary).toContain('Eintritt frei')
      expect(item!.summary).toContain('Spenden erbeten.')
      expect(item!.summary).not.toMatch(/alert|<|>/)
      expect(item!.location).toEqual({
        name: 'Stadtkirche St. Nicolai, Kirchplatz 1, 04626 Schmölln',
        lat: 50.8957,
        lon: 12.3533,
      })
      expect(item!.url).toBe('https://www.schmoelln.de/veranstaltungen/adventskonzert')
      expect(item!.allDay).toBe(false)
    })

    it('does not show events marked PRIVATE or CONFIDENTIAL', async () => {
      const text = calendar(
        vevent('UID:a@x.de', 'DTSTART:20261202T100000Z', 'CLASS:PRIVATE', 'SUMMARY:Personalgespräch'),
        vevent('UID:b@x.de', 'DTSTART:20261202T110000Z', 'CLASS:CONFIDENTIAL', 'SUMMARY:Vergabesitzung'),
        vevent('UID:c@x.de', 'DTSTART:20261202T120000Z', 'CLASS:PUBLIC', 'SUMMARY:Tag der offenen Tür'),
      )
      const list = await items(text, { now: '2026-12-01T00:00:00Z' })
      expect(list.map((item) => item.title)).toEqual(['Tag der offenen Tür'])
    })

    it('decodes a windows-1252 calendar labelled ISO-8859-1', async () => {
      const text = calendar(
        vevent('UID:w@x.de', 'DTSTART:20261202T100000Z', 'SUMMARY:Schmöllner Straßenfest – 5 €'),
      )
      // ö and ß are Latin-1; the dash and the euro sign exist only in windows-1252.
      const encoded = Buffer.from(
        [...text].map((char) => ({ '–': 0x96, '€': 0x80 })[char] ?? char.charCodeAt(0)),
      )
      const [item] = await items(encoded, {
        now: '2026-12-01T00:00:00Z',
        contentType: 'text/calendar; charset=ISO-8859-1',
      })
      expect(item!.title).toBe('Schmöllner Straßenfest – 5 €')
    })

    it('returns no items and a warning for a calendar without events', async () => {
      const result = await parse(calendar(BERLIN_ZONE), { now: '2026-12-01T00:00:00Z' })
      expect(result).toEqual({ ok: true, items: [], warnings: ['The calendar contains no events (VEVENT).'] })
    })
  })

  describe('failures', () => {
    it('fails with EmptyBody for an empty document', async () => {
      const result = await parse(' \r\n', { now: '2026-12-01T00:00:00Z' })
      expect(!result.ok && result.error.code).toBe('EmptyBody')
    })

    it('fails with NotAFeed for an HTML page', async () => {
      const result = await parse('<!DOCTYPE html><html><body>Bitte melden Sie sich an</body></html>', {
        now: '2026-12-01T00:00:00Z',
        contentType: 'text/html; charset=utf-8',
      })
      expect(!result.ok && result.error.code).toBe('NotAFeed')
      expect(!result.ok && result.error.message).toMatch(/HTML page/)
    })

    it('fails with MalformedCalendar for something that is not iCalendar', async () => {
      const result = await parse('{"events": []}', { now: '2026-12-01T00:00:00Z' })
      expect(!result.ok && result.error.code).toBe('MalformedCalendar')
      expect(!result.ok && result.error.message).toMatch(/BEGIN:VCALENDAR/)
    })

    it('fails with MalformedCalendar for a truncated calendar', async () => {
      const truncated = calendar(
        vevent('UID:t@x.de', 'DTSTART:20261202T100000Z', 'SUMMARY:Weihnachtsmarkt'),
      ).slice(0, 120)
      const result = await parse(truncated, { now: '2026-12-01T00:00:00Z' })
      expect(!result.ok && result.error.code).toBe('MalformedCalendar')
      expect(!result.ok && result.error.message).toMatch(/could not be read as iCalendar/)
    })
  })

  describe('demo feed', () => {
    const server = new FixtureServer()
    beforeAll(() => server.start())
    afterAll(() => server.stop())

    it('serves plausible Schmölln events when rendered and fetched', async () => {
      const now = new Date('2026-11-21T09:30:00Z')
      const body = renderDemoTemplate(readFileSync(DEMO_FEED, 'utf8'), now)
      server.route('/veranstaltungen.ics', {
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
        body,
      })
      const fetched = await fetchDocument({
        url: server.url('/veranstaltungen.ics'),
        timeoutMs: 5000,
        maxBytes: 1 << 20,
      })
      if (!fetched.ok || fetched.notModified) throw new Error('demo feed not fetched')
      const result = await icalSource.parse(fetched.document, {
        source: testSource('ical', { leadDays: 10 }),
        monitor: testMonitor(),
        now,
      })
      if (!result.ok) throw new Error(result.error.message)
      expect(result.warnings).toEqual([])
      const titles = new Set(result.items.map((item) => item.title))
      expect(titles.size).toBe(8)
      expect(titles).toContain('Schmöllner Weihnachtsmarkt')
      expect(result.items.every((item) => item.location?.name?.endsWith('04626 Schmölln'))).toBe(true)
      const markets = result.items.filter((item) => item.title === 'Wochenmarkt')
      expect(markets.length).toBeGreaterThanOrEqual(8)
      for (const market of markets) {
        const local = DateTime.fromISO(market.startsAt!, { zone: 'Europe/Berlin' })
        expect([local.weekday, local.toFormat('HH:mm')]).toEqual([4, '08:00'])
      }
      // Everything in the next week is on screen now.
      const soon = result.items.filter(
        (item) => new Date(item.startsAt!).getTime() < now.getTime() + 7 * 86_400_000,
      )
      expect(soon.every((item) => new Date(item.validFrom) <= now)).toBe(true)
    })
  })
})
