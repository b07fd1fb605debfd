/** Dates and times as the admin page shows them: on the monitor's clock, in the page's language. */
import type { Language } from './i18n/index.js'

export interface DateFormat {
  /** "15.06.2026, 10:00" */
  dateTime(instant: string | number): string
  /** "10:00:05" */
  time(instant: string | number): string
}

export function createDateFormat(language: Language, timeZone: string): DateFormat {
  const locale = language === 'en' ? 'en-GB' : 'de-DE'
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const toTime = (instant: string | number) => (typeof instant === 'number' ? instant : Date.parse(instant))
  return {
    dateTime: (instant) => dateTime.format(toTime(instant)),
    time: (instant) => time.format(toTime(instant)),
  }
}

/** Seconds → whole days, hours and minutes. */
export function uptimeParts(seconds: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.floor(seconds / 60)
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 }
}
