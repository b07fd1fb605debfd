import { buildItems, type ItemDraft } from '../item-builder.js'
import type { SourceAdapter } from '../source-adapter.js'
import { createCalendarClock } from './calendar-clock.js'
import { describeEvent } from './event-properties.js'
import { expandEvents } from './expand-events.js'
import { occurrenceDraft } from './occurrence-draft.js'
import { readCalendars } from './read-calendar.js'

const DAY_MS = 86_400_000
/** Wall-clock time one parse may take before recurrence expansion stops and keeps what it has. */
export const EXPANSION_BUDGET_MS = 2_000
/** ical.js iterator steps (candidate dates it looks at) one event may take. */
export const MAX_STEPS_PER_EVENT = 10_000
const MAX_WARNINGS = 20

/**
 * iCalendar feeds (town CMS event calendars, Outlook and Google exports): one item per occurrence
 * from now until `horizonDays` ahead, recurring events expanded with their exceptions and
 * overrides, all times read in the zone the calendar means.
 */
export const icalSource: SourceAdapter<'ical'> = {
  type: 'ical',
  accept: 'text/calendar, text/plain;q=0.8, */*;q=0.1',
  requestUrl: (source) => source.url,

  async parse(document, context) {
    const { source, monitor, now } = context
    const deadline = performance.now() + EXPANSION_BUDGET_MS
    const read = readCalendars(document)
    if (!read.ok) return read.result

    const warnings: string[] = []
    const clock = createCalendarClock(monitor.timezone, warnings)
    const vevents = read.calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent'))
    if (vevents.length === 0) warnings.push('The calendar contains no events (VEVENT).')

    const occurrences = expandEvents(
      vevents,
      clock,
      {
        from: now,
        to: new Date(now.getTime() + source.horizonDays * DAY_MS),
        maxPerEvent: source.maxItems,
        // More than maxItems, so the soonest ones can be picked when the file is not in date order.
        maxTotal: source.maxItems * 10,
        maxStepsPerEvent: MAX_STEPS_PER_EVENT,
        deadline,
      },
      warnings,
    )
    occurrences.sort((a, b) => a.start.getTime() - b.start.getTime())

    const drafts: ItemDraft[] = []
    const untitled = new Set<unknown>()
    for (const occurrence of occurrences) {
      const draft = occurrenceDraft(occurrence, clock, source.leadDays, now)
      if (draft.title.trim() === '') {
        if (!untitled.has(occurrence.component))
          warnings.push(`${describeEvent(occurrence.component)} has no SUMMARY and is not shown.`)
        untitled.add(occurrence.component)
        continue
      }
      drafts.push(draft)
    }
    const result = buildItems(drafts, { source, monitor, now, baseUrl: document.url }, warnings)
    return result.ok ? { ...result, warnings: limited(result.warnings) } : result
  },
}

function limited(warnings: string[]): string[] {
  const unique = [...new Set(warnings)]
  if (unique.length <= MAX_WARNINGS) return unique
  return [...unique.slice(0, MAX_WARNINGS), `… and ${unique.length - MAX_WARNINGS} more warnings.`]
}
