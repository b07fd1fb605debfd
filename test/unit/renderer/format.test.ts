import { describe, expect, it } from 'vitest'
import { createFormatter } from '../../../renderer/kiosk/format.js'
import { stringsFor } from '../../../renderer/kiosk/i18n.js'

/** Intl puts thin spaces around the dash of a date range. */
const dash = '\u2009–\u2009'

const de = createFormatter('de-DE', 'Europe/Berlin', stringsFor('de-DE'))
const en = createFormatter('en-GB', 'Europe/Berlin', stringsFor('en-GB'))
/** Saturday, 21 November 2026, 22:18 in Schmölln. */
const now = Date.parse('2026-11-21T21:18:00.000Z')

describe('format', () => {
  it('writes the header date and clock in German, in the monitor time zone', () => {
    expect(de.longDate(now)).toBe('Samstag, 21. November')
    expect(de.clock(now)).toBe('22:18')
    expect(de.clock(Date.parse('2026-11-21T23:05:00.000Z'))).toBe('00:05')
    expect(de.longDate(Date.parse('2026-11-21T23:05:00.000Z'))).toBe('Sonntag, 22. November')
  })

  it('writes them in English for en-GB, still on a 24-hour clock', () => {
    expect(en.longDate(now)).toBe('Saturday 21 November')
    expect(en.clock(now)).toBe('22:18')
  })

  it('follows summer time', () => {
    expect(de.clock(Date.parse('2026-07-01T10:00:00.000Z'))).toBe('12:00')
    expect(de.clock(Date.parse('2026-03-29T01:30:00.000Z'))).toBe('03:30')
  })

  it('falls back to Berlin for an unknown time zone instead of breaking the screen', () => {
    expect(createFormatter('de-DE', 'Mars/Olympus', stringsFor('de-DE')).clock(now)).toBe('22:18')
  })

  it('says "Stand" time as date and time', () => {
    expect(de.dateTime(now)).toBe('21.11.2026, 22:18')
  })

  it('calls events today and tomorrow by name, with their time', () => {
    expect(
      de.eventWhen({ startsAt: '2026-11-21T22:00:00.000Z', endsAt: '2026-11-21T22:45:00.000Z' }, now),
    ).toEqual({
      date: 'Heute',
      time: '23:00 – 23:45 Uhr',
    })
    expect(
      de.eventWhen({ startsAt: '2026-11-22T14:00:00.000Z', endsAt: '2026-11-22T18:00:00.000Z' }, now),
    ).toEqual({
      date: 'Morgen',
      time: '15:00 – 19:00 Uhr',
    })
    expect(de.eventWhen({ startsAt: '2026-11-29T15:00:00.000Z' }, now)).toEqual({
      date: 'Sonntag, 29. November',
      time: '16:00 Uhr',
    })
  })

  it('knows "today" and "tomorrow" on the 25-hour day summer time ends', () => {
    const justAfterMidnight = Date.parse('2026-10-24T22:30:00.000Z')
    expect(de.day(Date.parse('2026-10-25T22:30:00.000Z'), justAfterMidnight)).toBe('Heute')
    expect(de.day(Date.parse('2026-10-25T23:30:00.000Z'), justAfterMidnight)).toBe('Morgen')
    expect(de.day(Date.parse('2026-10-27T10:00:00.000Z'), justAfterMidnight)).toBe('Dienstag, 27. Oktober')
  })

  it('shows all-day events as "ganztägig" and ends them on their last day, not the day after', () => {
    expect(
      de.eventWhen(
        { startsAt: '2026-11-21T23:00:00.000Z', endsAt: '2026-11-24T23:00:00.000Z', allDay: true },
        now,
      ),
    ).toEqual({ date: '22.–24. November', time: 'ganztägig' })
    expect(
      de.eventWhen(
        { startsAt: '2026-11-22T23:00:00.000Z', endsAt: '2026-11-23T23:00:00.000Z', allDay: true },
        now,
      ),
    ).toEqual({ date: 'Montag, 23. November', time: 'ganztägig' })
    expect(
      en.eventWhen(
        { startsAt: '2026-11-21T23:00:00.000Z', endsAt: '2026-11-24T23:00:00.000Z', allDay: true },
        now,
      ),
    ).toEqual({ date: `22${dash}24 November`, time: 'all day' })
  })

  it('adds the year only when it is not this year', () => {
    expect(de.day(Date.parse('2027-01-05T10:00:00.000Z'), now)).toBe('Dienstag, 5. Januar 2027')
  })

  it('words how long roadworks last from the passer-by’s point of view', () => {
    expect(de.period('2026-10-31T23:00:00.000Z', '2026-12-21T22:59:59.999Z', now)).toBe('bis 21. Dezember')
    expect(de.period('2026-11-25T23:00:00.000Z', '2026-12-31T22:59:59.999Z', now)).toBe(
      `26. November${dash}31. Dezember`,
    )
    expect(de.period('2026-11-23T23:00:00.000Z', '2027-01-05T22:59:59.999Z', now)).toBe(
      `24. November 2026${dash}5. Januar 2027`,
    )
    expect(de.period('2026-12-01T07:00:00.000Z', undefined, now)).toBe('ab 1. Dezember')
    expect(de.period('2026-11-01T07:00:00.000Z', undefined, now)).toBe('seit 1. November')
    expect(de.period(undefined, undefined, now)).toBeUndefined()
    expect(en.period('2026-10-31T23:00:00.000Z', '2026-12-21T22:59:59.999Z', now)).toBe('until 21 December')
  })

  it('rounds temperatures to whole degrees without a negative zero', () => {
    expect(de.temperature(4.8)).toBe('5 °C')
    expect(de.temperature(-0.3)).toBe('0 °C')
    expect(de.temperature(-7.6)).toBe('-8 °C')
  })
})
