import { endOfLocalDay } from '../text/dates.js'
import type { JsonLdGraph } from './graph.js'
import { isNode, type JsonLdNode, text, values } from './literal.js'
import { atTime, isKnownZone, parseSchemaDate, type SchemaDate } from './schema-dates.js'

export interface Occurrence {
  start: Date
  end?: Date
  allDay: boolean
}

export type NextOccurrence =
  | { status: 'found'; occurrence: Occurrence }
  | { status: 'over' }
  | { status: 'none'; recurring: boolean }

const RECURRENCE_KEYS = ['repeatFrequency', 'byDay', 'byMonth', 'byMonthDay', 'byMonthWeek', 'repeatCount']
const MAX_SCHEDULES = 500

/**
 * The event's next occurrence that is not over: its own startDate/endDate, or the earliest
 * single date of its eventSchedule (ThüCAT keeps dates only there). Recurrence rules in a
 * schedule are not expanded; an event that has nothing else has no date to show.
 */
export function nextOccurrence(
  event: JsonLdNode,
  graph: JsonLdGraph,
  now: Date,
  zone: string,
): NextOccurrence {
  const { vocabulary } = graph
  const found: Occurrence[] = []
  let recurring = false
  const own = occurrence(
    parseSchemaDate(text(event, 'startDate', vocabulary), zone),
    parseSchemaDate(text(event, 'endDate', vocabulary), zone),
    zone,
  )
  if (own) found.push(own)
  for (const schedule of values(event, 'eventSchedule', vocabulary).filter(isNode).slice(0, MAX_SCHEDULES)) {
    if (RECURRENCE_KEYS.some((key) => values(schedule, key, vocabulary).length > 0)) {
      recurring = true
      continue
    }
    const scheduleZone = text(schedule, 'scheduleTimezone', vocabulary)
    const local = isKnownZone(scheduleZone) ? scheduleZone : zone
    const startDay = text(schedule, 'startDate', vocabulary)
    const endDay = text(schedule, 'endDate', vocabulary)
    const endTime = text(schedule, 'endTime', vocabulary)
    if (!startDay) continue
    const start = atTime(startDay, text(schedule, 'startTime', vocabulary), local)
    const end = endDay
      ? atTime(endDay, endTime, local)
      : endTime
        ? atTime(startDay, endTime, local)
        : undefined
    const entry = occurrence(start, end, local)
    if (entry) found.push(entry)
  }
  if (found.length === 0) return { status: 'none', recurring }
  const upcoming = found
    .filter((entry) => (entry.end ?? endOfLocalDay(entry.start, zone)).getTime() >= now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime())
  const [next] = upcoming
  return next ? { status: 'found', occurrence: next } : { status: 'over' }
}

function occurrence(
  start: SchemaDate | undefined,
  end: SchemaDate | undefined,
  zone: string,
): Occurrence | undefined {
  if (!start) return undefined
  const endDate = end ? (end.dateOnly ? endOfLocalDay(end.date, zone) : end.date) : undefined
  const result: Occurrence = { start: start.date, allDay: start.dateOnly }
  // An end before the start is a data error; the start alone is still worth showing.
  if (endDate && endDate.getTime() >= start.date.getTime()) result.end = endDate
  return result
}
