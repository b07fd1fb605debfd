import { DateTime } from 'luxon'

const GERMAN_MONTHS: Record<string, string> = {
  januar: 'Jan',
  jan: 'Jan',
  jänner: 'Jan',
  februar: 'Feb',
  feb: 'Feb',
  märz: 'Mar',
  mär: 'Mar',
  maerz: 'Mar',
  mrz: 'Mar',
  april: 'Apr',
  apr: 'Apr',
  mai: 'May',
  juni: 'Jun',
  jun: 'Jun',
  juli: 'Jul',
  jul: 'Jul',
  august: 'Aug',
  aug: 'Aug',
  september: 'Sep',
  sept: 'Sep',
  sep: 'Sep',
  oktober: 'Oct',
  okt: 'Oct',
  november: 'Nov',
  nov: 'Nov',
  dezember: 'Dec',
  dez: 'Dec',
}
// The lookahead keeps `Sa`/`So`/`Mo`/`Fr` from eating the start of English `Sat`, `Sun`, `Mon`, `Fri`.
const GERMAN_WEEKDAY =
  /^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so)(?![a-zäöü])\.?,?\s*/i
const ENGLISH_WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i
const STRICT_RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT|UTC)$/
const GERMAN_NUMERIC =
  /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*(?:-|,|um)?\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*Uhr)?)?$/i

/**
 * Reads a date as feeds write it: RFC 822 (also with German day and month names, `Sept`,
 * two-digit years or no seconds), ISO 8601, or German numeric (`21.04.2021 - 15:26`).
 * Times without an offset are read in `zone`. Returns undefined when nothing fits.
 */
export function parseLooseDate(raw: string | null | undefined, zone: string): Date | undefined {
  if (typeof raw !== 'string') return undefined
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '') return undefined
  // Most feeds write proper RFC 822 with an explicit offset: the engine parses that fastest.
  if (STRICT_RFC822.test(text)) return new Date(Date.parse(text))

  const iso = DateTime.fromISO(text, { zone, setZone: false })
  if (iso.isValid) return iso.toJSDate()

  const withoutWeekday = text.replace(GERMAN_WEEKDAY, '').replace(ENGLISH_WEEKDAY, '')
  const numeric = GERMAN_NUMERIC.exec(withoutWeekday)
  if (numeric) return fromGermanNumeric(numeric, zone)

  const rfc = parseRfc822(withoutWeekday, zone)
  if (rfc) return rfc
  return undefined
}

function fromGermanNumeric(match: RegExpExecArray, zone: string): Date | undefined {
  const [, day, month, yearText, hour = '0', minute = '0', second = '0'] = match
  const year = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText)
  const value = DateTime.fromObject(
    {
      year,
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    },
    { zone },
  )
  return value.isValid ? value.toJSDate() : undefined
}

const RFC822 =
  /^(\d{1,2})\.?\s+([A-Za-zäÄ]+)\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2})?$/
const ZONE_ABBREVIATIONS: Record<string, string> = {
  UT: '+0000',
  UTC: '+0000',
  GMT: '+0000',
  Z: '+0000',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  CET: '+0100',
  CEST: '+0200',
  MEZ: '+0100',
  MESZ: '+0200',
}
const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function parseRfc822(text: string, zone: string): Date | undefined {
  const match = RFC822.exec(text)
  if (!match) return undefined
  const [, day, monthName, yearText, hour = '0', minute = '0', second = '0', zoneText] = match
  const month = monthNumber(monthName!)
  if (month === undefined) return undefined
  const year = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText)
  const offset = zoneText ? (ZONE_ABBREVIATIONS[zoneText.toUpperCase()] ?? zoneText) : undefined
  const fields = {
    year,
    month,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  }
  const value =
    offset && /^[+-]\d{2}:?\d{2}$/.test(offset)
      ? DateTime.fromObject(fields, { zone: `UTC${offset.slice(0, 3)}:${offset.slice(-2)}` })
      : DateTime.fromObject(fields, { zone })
  return value.isValid ? value.toJSDate() : undefined
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase()
  const english = GERMAN_MONTHS[lower] ?? lower.slice(0, 3)
  const index = ENGLISH_MONTHS.indexOf(english.toLowerCase())
  return index === -1 ? undefined : index + 1
}

/**
 * Reads a mapped date field. `format` is `iso`, `epoch-ms`, `epoch-s` or Luxon tokens such as
 * `dd.MM.yyyy HH:mm`; without one, numbers are epoch milliseconds and strings are read loosely.
 */
export function parseDateField(value: unknown, format: string | undefined, zone: string): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (format === 'epoch-ms' || format === 'epoch-s' || (format === undefined && typeof value === 'number')) {
    const number = typeof value === 'number' ? value : Number(value)
    if (!Number.isFinite(number)) return undefined
    const date = new Date(format === 'epoch-s' ? number * 1000 : number)
    return Number.isNaN(date.getTime()) ? undefined : date
  }
  if (typeof value !== 'string') return undefined
  if (format === undefined) return parseLooseDate(value, zone)
  const parsed =
    format === 'iso'
      ? DateTime.fromISO(value.trim(), { zone })
      : DateTime.fromFormat(value.trim(), format, { zone, locale: 'de-DE' })
  return parsed.isValid ? parsed.toJSDate() : undefined
}

/** The end of the local day that `date` falls on: a roadworks "bis 30.11.2026" lasts all of that day. */
export function endOfLocalDay(date: Date, zone: string): Date {
  return DateTime.fromJSDate(date, { zone }).endOf('day').toJSDate()
}
