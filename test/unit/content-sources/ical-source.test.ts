import { readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchDocument } from '../../../content-sources/fetch/http-fetch.js'
import { icalSource } from '../../../content-sources/ical/ical-source.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { BERLIN_ZONE, calendar, DEMO_FEED, items, localTime, parse, vevent } from './ical-test-kit.js'

describe('IcalSource', () => {
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
