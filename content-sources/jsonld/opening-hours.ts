import { endOfLocalDay } from '../text/dates.js'
import { enumValue, isNode, literal, text, type Vocabulary, values } from './literal.js'
import { parseSchemaDate } from './schema-dates.js'

const DAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'PublicHolidays',
] as const
const GERMAN_DAYS = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So', 'Feiertage']
const HOLIDAYS = 7
const MAX_SPECS = 100

/**
 * Opening hours as a short German line for the slide (`Mo–Fr 09:30–18:00, Sa 10:00–14:00`), from
 * `openingHoursSpecification`, or the `openingHours` text when that is all there is. Specs with
 * a validity period apply only while it lasts and then replace the general hours for their days
 * (summer hours, holiday closures); hours that are no longer valid are not shown at all.
 */
export function openingHoursText(
  node: unknown,
  vocabulary: Vocabulary,
  now: Date,
  zone: string,
): string | undefined {
  const specs = values(node, 'openingHoursSpecification', vocabulary).filter(isNode).slice(0, MAX_SPECS)
  if (specs.length === 0) {
    const lines = values(node, 'openingHours', vocabulary).map((value) => literal(value, vocabulary.language))
    return simpleOpeningHours(lines.filter((line) => line !== undefined).join(', '))
  }

  const week: (string[] | undefined)[] = new Array(DAYS.length).fill(undefined)
  const general = specs.filter((spec) => !hasValidity(spec, vocabulary))
  const current = specs.filter(
    (spec) => hasValidity(spec, vocabulary) && isValidAt(spec, vocabulary, now, zone),
  )
  for (const layer of [general, current]) {
    const replaced = new Set<number>()
    for (const spec of layer) {
      const days = daysOf(spec, vocabulary)
      const range = rangeOf(spec, vocabulary)
      for (const day of days) {
        // Within one layer, specs for the same day add up (a lunch break is two specs).
        if (!replaced.has(day)) week[day] = []
        replaced.add(day)
        if (range) week[day]!.push(range)
      }
    }
  }
  return describeWeek(week)
}

function hasValidity(spec: unknown, vocabulary: Vocabulary): boolean {
  return (
    text(spec, 'validFrom', vocabulary) !== undefined || text(spec, 'validThrough', vocabulary) !== undefined
  )
}

function isValidAt(spec: unknown, vocabulary: Vocabulary, now: Date, zone: string): boolean {
  const fromText = text(spec, 'validFrom', vocabulary)
  const throughText = text(spec, 'validThrough', vocabulary)
  const from = parseSchemaDate(fromText, zone)
  const through = parseSchemaDate(throughText, zone)
  if ((fromText && !from) || (throughText && !through)) return false
  if (from && from.date.getTime() > now.getTime()) return false
  if (through) {
    const end = through.dateOnly ? endOfLocalDay(through.date, zone) : through.date
    if (end.getTime() < now.getTime()) return false
  }
  return true
}

function daysOf(spec: unknown, vocabulary: Vocabulary): number[] {
  const listed = values(spec, 'dayOfWeek', vocabulary)
  if (listed.length === 0) return [0, 1, 2, 3, 4, 5, 6]
  const days = new Set<number>()
  for (const entry of listed) {
    const name = enumValue(entry)
    const index = DAYS.findIndex((day) => day.toLowerCase() === name?.toLowerCase())
    if (index !== -1) days.add(index)
  }
  return [...days]
}

/** `09:30–18:00`, or undefined for a closed day (opens and closes both at midnight). */
function rangeOf(spec: unknown, vocabulary: Vocabulary): string | undefined {
  const opens = clockTime(text(spec, 'opens', vocabulary))
  const closes = clockTime(text(spec, 'closes', vocabulary))
  if (!opens || !closes || (opens === '00:00' && closes === '00:00')) return undefined
  return `${opens}–${closes}`
}

function clockTime(value: string | undefined): string | undefined {
  const match = value ? /^(\d{1,2}):(\d{2})/.exec(value.trim()) : null
  if (!match) return undefined
  const [, hour = '', minute = ''] = match
  return Number(hour) > 24 || Number(minute) > 59 ? undefined : `${hour.padStart(2, '0')}:${minute}`
}

function describeWeek(week: readonly (string[] | undefined)[]): string | undefined {
  const hours = week.map((ranges) =>
    ranges && ranges.length > 0 ? [...new Set(ranges)].sort().join(' und ') : '',
  )
  const parts = describeWeekdays(hours.slice(0, HOLIDAYS))
  if (hours[HOLIDAYS]) parts.push(`${GERMAN_DAYS[HOLIDAYS]} ${hours[HOLIDAYS]}`)
  return parts.length > 0 ? parts.join(', ') : undefined
}

/** Runs of days with the same hours: `Mo–Fr 09:00–17:00`, `Sa 10:00–12:00`; closed days are left out. */
function describeWeekdays(weekdays: readonly string[]): string[] {
  if (weekdays.every((value) => value !== '' && value === weekdays[0])) return [`täglich ${weekdays[0]}`]
  const parts: string[] = []
  for (let day = 0; day < weekdays.length; ) {
    const value = weekdays[day]
    let last = day
    while (last + 1 < weekdays.length && weekdays[last + 1] === value) last++
    if (value) parts.push(`${GERMAN_DAYS[day]}${last > day ? `–${GERMAN_DAYS[last]}` : ''} ${value}`)
    day = last + 1
  }
  return parts
}

const ENGLISH_DAY_ABBREVIATIONS: Record<string, string> = { Tu: 'Di', We: 'Mi', Th: 'Do', Su: 'So' }

/** schema.org's text form (`Mo-Fr 09:00-18:00`, `Tu,Th 16:00-20:00`) in German abbreviations. */
function simpleOpeningHours(value: string | undefined): string | undefined {
  if (!value) return undefined
  return value
    .replace(/\b(Tu|We|Th|Su)\b/g, (day) => ENGLISH_DAY_ABBREVIATIONS[day] ?? day)
    .replace(/\b(Mo|Di|Mi|Do|Fr|Sa|So)-(Mo|Di|Mi|Do|Fr|Sa|So)\b/g, '$1–$2')
    .replace(/(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})/g, '$1–$2')
}
