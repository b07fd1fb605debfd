import { DateTime } from 'luxon'
import { parseLooseDate } from '../text/dates.js'

export interface SchemaDate {
  date: Date
  /** `2026-12-27` without a time: the whole day is meant. */
  dateOnly: boolean
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A schema.org Date or DateTime. Values without an offset are wall-clock time in `zone`, as
 * event pages mean them; a space instead of `T` and German dates are read too.
 */
export function parseSchemaDate(raw: string | undefined, zone: string): SchemaDate | undefined {
  if (!raw) return undefined
  const text = raw.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
  const dateOnly = DATE_ONLY.test(text)
  const iso = DateTime.fromISO(text, { zone })
  if (iso.isValid) return { date: iso.toJSDate(), dateOnly }
  const loose = parseLooseDate(text, zone)
  return loose ? { date: loose, dateOnly: /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(text) } : undefined
}

/** A Schedule's date (`2026-11-21`) at its separate time (`19:30:00`), in `zone`. */
export function atTime(day: string, time: string | undefined, zone: string): SchemaDate | undefined {
  const datePart = day.trim()
  if (!time || !DATE_ONLY.test(datePart) || !/^\d{1,2}:\d{2}/.test(time.trim()))
    return parseSchemaDate(day, zone)
  const [hour = '0', minute = '0'] = time.trim().split(':')
  return parseSchemaDate(`${datePart}T${hour.padStart(2, '0')}:${minute.slice(0, 2)}`, zone)
}

/** Whether `zone` is an IANA zone this runtime knows (a Schedule's `scheduleTimezone` may be anything). */
export function isKnownZone(zone: string | undefined): zone is string {
  return zone !== undefined && DateTime.local().setZone(zone).isValid
}
