/**
 * Dates, times and temperatures as the screen shows them, always in the monitor's time zone.
 * Intl formatters are costly to build, so one Formatter holds them all for a locale and zone.
 */
import type { Strings } from './i18n.js'

export interface Formatter {
  /** "Samstag, 21. November" */
  longDate(time: number): string
  /** "18:05" */
  clock(time: number): string
  /** "21.11.2026, 18:05" */
  dateTime(time: number): string
  /** "Heute", "Morgen" or "Sonntag, 22. November" (with the year when it is not this year's). */
  day(time: number, now: number): string
  /** When an event takes place: its day(s), and its time or "ganztägig". */
  eventWhen(
    item: { startsAt?: string; endsAt?: string; allDay?: boolean },
    now: number,
  ): { date?: string; time?: string }
  /** How long roadworks last: "bis 21. Dezember", "24. November – 5. Januar 2027", "ab 1. Dezember". */
  period(startsAt: string | undefined, endsAt: string | undefined, now: number): string | undefined
  /** "5 °C" */
  temperature(celsius: number): string
}

export function createFormatter(locale: string, timeZone: string, strings: Strings): Formatter {
  const zone = validTimeZone(timeZone)
  const make = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, ...options })
  const dayKeyFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  const timeOfDayFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const longDate = make({ weekday: 'long', day: 'numeric', month: 'long' })
  const longDateYear = make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const monthDay = make({ day: 'numeric', month: 'long' })
  const monthDayYear = make({ day: 'numeric', month: 'long', year: 'numeric' })
  const clock = make({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const dateTime = make({
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const degrees = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })

  const dayKey = (time: number) => dayKeyFormat.format(time)
  const year = (time: number) => dayKey(time).slice(0, 4)
  const sameDay = (a: number, b: number) => dayKey(a) === dayKey(b)
  /** An end at local midnight is exclusive (iCal all-day events): the last day is the one before. */
  const lastDay = (end: number, start: number) =>
    end > start && timeOfDayFormat.format(end) === '00:00:00' ? end - 1 : end
  const range = (format: Intl.DateTimeFormat, start: number, end: number) =>
    sameDay(start, end) ? format.format(start) : format.formatRange(start, end)

  const day = (time: number, now: number) => {
    const key = dayKey(time)
    if (key === dayKey(now)) return strings.today
    if (key === nextDayKey(dayKey(now))) return strings.tomorrow
    return (year(time) === year(now) ? longDate : longDateYear).format(time)
  }

  return {
    longDate: (time) => longDate.format(time),
    clock: (time) => clock.format(time),
    dateTime: (time) => dateTime.format(time),
    day,
    eventWhen(item, now) {
      const start = parse(item.startsAt)
      if (start === undefined) return {}
      const end = parse(item.endsAt)
      const until = end === undefined ? start : lastDay(end, start)
      const thisYear = year(start) === year(now) && year(until) === year(now)
      const date = sameDay(start, until)
        ? day(start, now)
        : range(thisYear ? monthDay : monthDayYear, start, until)
      if (item.allDay) return { date, time: strings.allDay }
      if (end === undefined || end <= start) return { date, time: strings.at(clock.format(start)) }
      if (sameDay(start, end))
        return { date, time: strings.timeRange(clock.format(start), clock.format(end)) }
      return { date, time: strings.from(strings.at(clock.format(start))) }
    },
    period(startsAt, endsAt, now) {
      const start = parse(startsAt)
      const end = parse(endsAt)
      const dateOf = (time: number) => (year(time) === year(now) ? monthDay : monthDayYear).format(time)
      if (end !== undefined) {
        const until = start === undefined ? end : lastDay(end, start)
        if (start === undefined || start <= now) return strings.until(dateOf(until))
        const format = year(start) === year(now) && year(until) === year(now) ? monthDay : monthDayYear
        return range(format, start, until)
      }
      if (start === undefined) return undefined
      return start <= now ? strings.since(dateOf(start)) : strings.from(dateOf(start))
    },
    temperature: (celsius) => `${degrees.format(Math.round(celsius) || 0)} °C`,
  }
}

function parse(iso: string | undefined): number | undefined {
  if (!iso) return undefined
  const time = Date.parse(iso)
  return Number.isFinite(time) ? time : undefined
}

/** "2026-12-31" → "2027-01-01", by the calendar rather than by adding 24 hours (DST days). */
function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return timeZone
  } catch {
    return 'Europe/Berlin'
  }
}
