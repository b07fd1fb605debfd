import type { FieldSpec } from '../../kiosk-config/schema/sources.js'
import { endOfLocalDay, parseDateField } from '../text/dates.js'

/** A feature's properties or a CSV row: parsed from untrusted input, so only own keys count. */
export type FeedRecord = Readonly<Record<string, unknown>>

// A path through these would walk into the prototype chain instead of the data.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])
const MAX_SEGMENTS = 16

export function specPath(spec: FieldSpec): string {
  return typeof spec === 'string' ? spec : spec.path
}

export function specFormat(spec: FieldSpec): string | undefined {
  return typeof spec === 'string' ? undefined : spec.format
}

/**
 * The value at a dot-separated path (`validity.from`, `description.1` for an array element),
 * own properties only. A key that itself
 * contains dots (a CSV column `Beginn.Datum`) wins over walking into nested objects.
 */
export function readPath(record: unknown, path: string): unknown {
  if (!isObject(record)) return undefined
  if (!FORBIDDEN_SEGMENTS.has(path) && Object.hasOwn(record, path)) return record[path]
  const segments = path.split('.')
  if (segments.length > MAX_SEGMENTS) return undefined
  let current: unknown = record
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)]
    else if (!FORBIDDEN_SEGMENTS.has(segment) && isObject(current) && Object.hasOwn(current, segment)) {
      current = current[segment]
    } else return undefined
  }
  return current
}

/** Text at the field, trimmed; numbers and booleans as written; objects and empty strings are absent. */
export function readText(record: unknown, spec: FieldSpec | undefined): string | undefined {
  if (spec === undefined) return undefined
  const value = readPath(record, specPath(spec))
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  return undefined
}

/** A number at the field; German decimal commas (`50,895`) are accepted. */
export function readNumber(record: unknown, spec: FieldSpec | undefined): number | undefined {
  if (spec === undefined) return undefined
  return toNumber(readPath(record, specPath(spec)))
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2')
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined
  return Number(text)
}

/**
 * A date at the field, read with the field's format in the monitor's zone. When the value holds
 * a day without a time and `end` is set, it means the whole of that day: roadworks "bis 30.11."
 * are still there in the afternoon of the 30th.
 */
export function readDate(
  record: unknown,
  spec: FieldSpec | undefined,
  zone: string,
  options: { end?: boolean } = {},
): Date | undefined {
  if (spec === undefined) return undefined
  const value = readPath(record, specPath(spec))
  const format = specFormat(spec)
  const date = parseDateField(value, format, zone)
  if (!date || !options.end) return date
  return isDateOnly(value, format) ? endOfLocalDay(date, zone) : date
}

const DATE_ONLY_VALUE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.(\d{2}|\d{4}))$/

function isDateOnly(value: unknown, format: string | undefined): boolean {
  if (format === 'epoch-ms' || format === 'epoch-s') return false
  if (format === undefined || format === 'iso')
    return typeof value === 'string' && DATE_ONLY_VALUE.test(value.trim())
  // Luxon tokens: quoted text is literal, so only unquoted hour, minute, second or meridiem tokens count.
  return !/[HhmsSaTt]/.test(format.replace(/'[^']*'/g, ''))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
