import ICAL from 'ical.js'
import type { ItemDraft } from '../item-builder.js'
import type { CalendarClock } from './calendar-clock.js'
import { propertyValue, textValue } from './event-properties.js'
import type { Occurrence } from './expand-events.js'

const DAY_MS = 86_400_000

/**
 * What one occurrence shows. Its id is the event's UID plus the occurrence's place in the series,
 * so it stays the same from sync to sync (and when an override moves it). It is on screen from
 * `leadDays` before it starts until it is over.
 */
export function occurrenceDraft(
  occurrence: Occurrence,
  clock: CalendarClock,
  leadDays: number,
  now: Date,
): ItemDraft {
  const { component, series, uid, slot, start, end, allDay, until } = occurrence
  const draft: ItemDraft = {
    nativeId: uid ? `${uid}@${slot.toISOString()}` : undefined,
    title: textValue(component, 'summary', series) ?? '',
    summary: textValue(component, 'description', series) ?? '',
    url: textValue(component, 'url', series),
    startsAt: start,
    allDay,
    validFrom: new Date(start.getTime() - leadDays * DAY_MS),
    validUntil: until,
    updatedAt: lastChange(occurrence, clock, now),
  }
  if (end) draft.endsAt = end
  const location = locationOf(occurrence)
  if (location) draft.location = location
  return draft
}

function locationOf({ component, series }: Occurrence): ItemDraft['location'] {
  const name = textValue(component, 'location', series)?.trim()
  const geo = propertyValue(component, 'geo', series)
  const [lat, lon] = Array.isArray(geo) ? geo : []
  const location: NonNullable<ItemDraft['location']> = {}
  if (name) location.name = name
  if (typeof lat === 'number' && typeof lon === 'number') {
    location.lat = lat
    location.lon = lon
  }
  return Object.keys(location).length > 0 ? location : undefined
}

/** LAST-MODIFIED, else DTSTAMP (the revision time when the file has no METHOD); never in the future. */
function lastChange({ component, series }: Occurrence, clock: CalendarClock, now: Date): Date | undefined {
  const value =
    propertyValue(component, 'last-modified', series) ?? propertyValue(component, 'dtstamp', series)
  if (!(value instanceof ICAL.Time)) return undefined
  const changed = clock.instant(value, undefined)
  if (Number.isNaN(changed.getTime())) return undefined
  return changed.getTime() > now.getTime() ? now : changed
}
