import ICAL from 'ical.js'
import type { CalendarClock } from './calendar-clock.js'
import { describeEvent, isPublicAndScheduled, propertyValue, textValue, tzidOf } from './event-properties.js'
import { BudgetExhausted, ExpansionBudget, fastForward, guardedIterator } from './recurrence.js'

type IcalTime = ICAL.Time
type Component = ICAL.Component

/** One occurrence of an event that is (or will be) of interest within the window. */
export interface Occurrence {
  /** The VEVENT describing this occurrence: an override, or the event itself. */
  component: Component
  /** The series an override belongs to, for the properties the override leaves out. */
  series?: Component
  uid?: string
  /** Its place in the series: the RECURRENCE-ID an override replaces, otherwise its start. */
  slot: Date
  start: Date
  end?: Date
  allDay: boolean
  /** When it stops being of interest: its end, or the end of its start day when it has none. */
  until: Date
}

export interface ExpansionLimits {
  /** Occurrences over by then are left out (running ones are kept). */
  from: Date
  /** Occurrences starting then or later are left out. */
  to: Date
  maxPerEvent: number
  maxTotal: number
  maxStepsPerEvent: number
  /** `performance.now()` value after which expansion stops and keeps what it has. */
  deadline: number
}

type Timing = { allDay: true; days: number } | { allDay: false; durationMs?: number }

interface Start {
  time: IcalTime
  tzid?: string
}

interface Candidate extends Start {
  ms: number
  /** The end an RDATE period gives this occurrence. */
  periodEnd?: Start
}

interface Stream {
  head: Candidate | undefined
  advance(): void
}

const DAY_MS = 86_400_000

/**
 * Expands VEVENTs into occurrences within [from, to): RRULE, RDATE and EXDATE, RECURRENCE-ID
 * overrides matched to their series by UID, cancelled and private occurrences dropped. Each
 * event's expansion is bounded in steps and occurrences, the whole calendar in wall-clock time;
 * hitting a bound stops with a warning and keeps the occurrences found so far.
 */
export function expandEvents(
  vevents: readonly Component[],
  clock: CalendarClock,
  limits: ExpansionLimits,
  warnings: string[],
): Occurrence[] {
  const occurrences: Occurrence[] = []
  const { series, overrides } = groupBySeries(vevents, clock, warnings)
  const seriesByUid = new Map<string, Component>()
  for (const event of series) {
    const uid = textValue(event, 'uid')
    if (uid && !seriesByUid.has(uid)) seriesByUid.set(uid, event)
  }

  const keep = (occurrence: Occurrence): void => {
    if (occurrences.length >= limits.maxTotal) throw new BudgetExhausted('occurrences')
    occurrences.push(occurrence)
  }

  try {
    for (const [uid, bySlot] of overrides) {
      const parent = seriesByUid.get(uid)
      for (const [slotMs, override] of bySlot) {
        if (performance.now() > limits.deadline) throw new BudgetExhausted('time')
        if (!isPublicAndScheduled(override, parent)) continue
        try {
          const occurrence = overrideOccurrence(override, parent, uid, new Date(slotMs), clock)
          if (occurrence && inWindow(occurrence, limits)) keep(occurrence)
        } catch (error) {
          if (error instanceof BudgetExhausted) throw error
          warnings.push(`${describeEvent(override)} skipped: ${messageOf(error)}`)
        }
      }
    }
    for (const event of series) {
      if (performance.now() > limits.deadline) throw new BudgetExhausted('time')
      if (!isPublicAndScheduled(event)) continue
      const uid = textValue(event, 'uid')
      const replaced = uid ? new Set(overrides.get(uid)?.keys()) : new Set<number>()
      expandSeries(event, uid, replaced, clock, limits, warnings, keep)
    }
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error
    // First, so it survives when the list of warnings is shortened.
    warnings.unshift(
      error.reason === 'time'
        ? 'Expanding the calendar took too long and was stopped; the events found so far are kept. A recurrence rule is probably far too dense.'
        : `Expansion stopped at ${limits.maxTotal} occurrences for the whole calendar; later events were left out.`,
    )
  }
  return occurrences
}

function groupBySeries(vevents: readonly Component[], clock: CalendarClock, warnings: string[]) {
  const series: Component[] = []
  const overrides = new Map<string, Map<number, Component>>()
  for (const event of vevents) {
    const uid = textValue(event, 'uid')
    const recurrenceId = event.getFirstProperty('recurrence-id')
    if (!uid || !recurrenceId) {
      series.push(event)
      continue
    }
    let slot = Number.NaN
    try {
      const value = recurrenceId.getFirstValue()
      if (value instanceof ICAL.Time) slot = clock.instant(value, tzidOf(recurrenceId)).getTime()
    } catch {
      // Reported below, like any other unreadable value.
    }
    if (Number.isNaN(slot)) {
      warnings.push(`${describeEvent(event)} skipped: its RECURRENCE-ID cannot be read.`)
      continue
    }
    const bySlot = overrides.get(uid) ?? new Map<number, Component>()
    overrides.set(uid, bySlot)
    const previous = bySlot.get(slot)
    if (!previous || sequenceOf(event) >= sequenceOf(previous)) bySlot.set(slot, event)
  }
  return { series, overrides }
}

function overrideOccurrence(
  override: Component,
  parent: Component | undefined,
  uid: string,
  slot: Date,
  clock: CalendarClock,
): Occurrence | undefined {
  const start = startOf(override)
  if (!start) return undefined
  const parentStart = parent ? startOf(parent) : undefined
  const parentTiming = parent && parentStart ? ownTiming(parent, parentStart, clock) : undefined
  const inherited = parentTiming && parentTiming.allDay === start.time.isDate ? parentTiming : undefined
  const timing = ownTiming(override, start, clock) ?? inherited ?? defaultTiming(start)
  return { component: override, series: parent, uid, slot, ...place(start, timing, clock) }
}

function expandSeries(
  event: Component,
  uid: string | undefined,
  replaced: ReadonlySet<number>,
  clock: CalendarClock,
  limits: ExpansionLimits,
  warnings: string[],
  keep: (occurrence: Occurrence) => void,
): void {
  const budget = new ExpansionBudget(limits.maxStepsPerEvent, limits.deadline)
  let found = 0
  try {
    const start = startOf(event)
    if (!start) {
      warnings.push(`${describeEvent(event)} skipped: it has no DTSTART.`)
      return
    }
    const timing = ownTiming(event, start, clock) ?? defaultTiming(start)
    const spanMs = timing.allDay ? timing.days * DAY_MS : Math.max(timing.durationMs ?? 0, DAY_MS)
    const excluded = exclusions(event, clock)
    const streams: Stream[] = []
    for (const property of event.getAllProperties('rrule')) {
      try {
        const rule = property.getFirstValue() as ICAL.Recur
        const from = fastForward(rule, start.time, limits.from, spanMs)
        streams.push(ruleStream(guardedIterator(rule, from, budget), start.tzid, clock))
      } catch (error) {
        if (error instanceof BudgetExhausted) throw error
        warnings.push(`${describeEvent(event)}: RRULE ignored (${messageOf(error)}).`)
      }
    }
    // With a rule, DTSTART counts when the rule yields it (as in ical.js): a DTSTART off the rule's
    // pattern is a generator's slip, not an extra date.
    streams.push(listStream(fixedStarts(event, streams.length === 0 ? start : undefined, clock)))

    let previous = Number.NaN
    for (;;) {
      budget.tick()
      const next = earliest(streams)
      const candidate = next?.head
      if (!next || !candidate || candidate.ms >= limits.to.getTime()) break
      next.advance()
      if (candidate.ms === previous) continue
      previous = candidate.ms
      if (replaced.has(candidate.ms) || excluded(candidate)) continue
      const occurrence: Occurrence = {
        component: event,
        uid,
        slot: new Date(candidate.ms),
        ...place(candidate, timing, clock, candidate.periodEnd),
      }
      if (!inWindow(occurrence, limits)) continue
      keep(occurrence)
      if (++found >= limits.maxPerEvent) {
        warnings.push(`${describeEvent(event)}: only its first ${found} occurrences were kept.`)
        return
      }
    }
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) {
      warnings.push(`${describeEvent(event)} skipped: ${messageOf(error)}`)
      return
    }
    if (error.reason !== 'steps') throw error
    warnings.push(
      `${describeEvent(event)}: its recurrence rule needed more than ${limits.maxStepsPerEvent} steps; expansion stopped there (${found} kept).`,
    )
  }
}

function startOf(event: Component): Start | undefined {
  const property = event.getFirstProperty('dtstart')
  const time = property?.getFirstValue()
  if (!(time instanceof ICAL.Time)) return undefined
  return { time, tzid: tzidOf(property) }
}

/** DTEND or DURATION as the event gives it; undefined when it gives neither. */
function ownTiming(event: Component, start: Start, clock: CalendarClock): Timing | undefined {
  const endProperty = event.getFirstProperty('dtend')
  const end = endProperty?.getFirstValue()
  if (end instanceof ICAL.Time) {
    if (start.time.isDate) return { allDay: true, days: Math.max(1, daysBetween(start.time, end)) }
    const ms =
      clock.instant(end, tzidOf(endProperty)).getTime() - clock.instant(start.time, start.tzid).getTime()
    return { allDay: false, durationMs: ms > 0 ? ms : undefined }
  }
  const duration = propertyValue(event, 'duration')
  if (duration instanceof ICAL.Duration) {
    const seconds = duration.toSeconds()
    if (start.time.isDate) return { allDay: true, days: Math.max(1, Math.ceil(seconds / 86_400)) }
    return { allDay: false, durationMs: seconds > 0 ? seconds * 1000 : undefined }
  }
  return undefined
}

/** RFC 5545: a DATE start without an end lasts that day; a DATE-TIME start is a moment. */
function defaultTiming(start: Start): Timing {
  return start.time.isDate ? { allDay: true, days: 1 } : { allDay: false }
}

function place(start: Start, timing: Timing, clock: CalendarClock, periodEnd?: Start) {
  if (start.time.isDate) {
    const days = timing.allDay ? timing.days : 1
    const end = clock.dayStart(start.time, days)
    return { start: clock.dayStart(start.time), end, allDay: true, until: end }
  }
  const startsAt = clock.instant(start.time, start.tzid)
  let end: Date | undefined
  if (periodEnd) end = clock.instant(periodEnd.time, periodEnd.tzid)
  else if (!timing.allDay && timing.durationMs) end = new Date(startsAt.getTime() + timing.durationMs)
  if (end && end.getTime() <= startsAt.getTime()) end = undefined
  return { start: startsAt, end, allDay: false, until: end ?? clock.endOfDay(startsAt) }
}

function inWindow(occurrence: Occurrence, limits: ExpansionLimits): boolean {
  return (
    occurrence.until.getTime() > limits.from.getTime() && occurrence.start.getTime() < limits.to.getTime()
  )
}

/** The RDATEs, and DTSTART when given, in order. */
function fixedStarts(event: Component, start: Start | undefined, clock: CalendarClock): Candidate[] {
  const candidates: Candidate[] = start
    ? [{ ...start, ms: clock.instant(start.time, start.tzid).getTime() }]
    : []
  for (const property of event.getAllProperties('rdate')) {
    const tzid = tzidOf(property)
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Period) {
        const begin = value.start
        const periodEnd = value.end ?? value.getEnd()
        candidates.push({
          time: begin,
          tzid,
          ms: clock.instant(begin, tzid).getTime(),
          periodEnd: { time: periodEnd, tzid },
        })
      } else if (value instanceof ICAL.Time) {
        candidates.push({ time: value, tzid, ms: clock.instant(value, tzid).getTime() })
      }
    }
  }
  return candidates.filter((candidate) => Number.isFinite(candidate.ms)).sort((a, b) => a.ms - b.ms)
}

function exclusions(event: Component, clock: CalendarClock): (candidate: Candidate) => boolean {
  const instants = new Set<number>()
  const days = new Set<string>()
  for (const property of event.getAllProperties('exdate')) {
    const tzid = tzidOf(property)
    for (const value of property.getValues()) {
      if (!(value instanceof ICAL.Time)) continue
      if (value.isDate) days.add(dayKey(value))
      else instants.add(clock.instant(value, tzid).getTime())
    }
  }
  // A DATE exdate removes whatever occurs on that day, as ical.js and most clients read it.
  return (candidate) => instants.has(candidate.ms) || days.has(dayKey(candidate.time))
}

function listStream(candidates: Candidate[]): Stream {
  let index = 0
  return {
    head: candidates[0],
    advance() {
      this.head = candidates[++index]
    },
  }
}

function ruleStream(iterator: ICAL.RecurIterator, tzid: string | undefined, clock: CalendarClock): Stream {
  const read = (): Candidate | undefined => {
    const time = iterator.next()
    if (!time) return undefined
    // The iterator hands out the same mutable Time every call.
    const copy = time.clone()
    return { time: copy, tzid, ms: clock.instant(copy, tzid).getTime() }
  }
  return {
    head: read(),
    advance() {
      this.head = read()
    },
  }
}

function earliest(streams: readonly Stream[]): Stream | undefined {
  let best: Stream | undefined
  for (const stream of streams) {
    if (stream.head && (!best?.head || stream.head.ms < best.head.ms)) best = stream
  }
  return best
}

function daysBetween(from: IcalTime, to: IcalTime): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS,
  )
}

function dayKey(time: IcalTime): string {
  return `${time.year}-${time.month}-${time.day}`
}

function sequenceOf(event: Component): number {
  const value = propertyValue(event, 'sequence')
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
