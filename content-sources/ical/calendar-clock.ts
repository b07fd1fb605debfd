import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { endOfLocalDay } from '../text/dates.js'
import { ianaZoneFor } from './zone-names.js'

type IcalTime = ICAL.Time

/**
 * Reads iCalendar times as the calendar means them. A TZID defined by a VTIMEZONE in the file
 * uses that definition; otherwise the TZID is read as an IANA or Windows zone name, and wall time
 * is converted by Luxon (which knows every DST rule). Floating times, dates and TZIDs nobody
 * knows are the monitor's local time.
 */
export interface CalendarClock {
  /** The instant of a DATE-TIME; `tzid` is the TZID parameter of the property it came from. */
  instant(time: IcalTime, tzid: string | undefined): Date
  /** Local midnight, in the monitor's zone, of a time's calendar day plus `days`. */
  dayStart(time: IcalTime, days?: number): Date
  /** The last moment of the monitor's local day that `instant` falls on. */
  endOfDay(instant: Date): Date
}

export function createCalendarClock(monitorZone: string, warnings: string[]): CalendarClock {
  const zones = new Map<string, string>()

  function zoneFor(tzid: string): string {
    let zone = zones.get(tzid)
    if (zone === undefined) {
      zone = ianaZoneFor(tzid)
      if (zone === undefined) {
        zone = monitorZone
        warnings.push(
          `TZID "${tzid}" is neither defined in the calendar nor a known IANA or Windows zone; its times were read as ${monitorZone}.`,
        )
      }
      zones.set(tzid, zone)
    }
    return zone
  }

  return {
    instant(time, tzid) {
      if (time.isDate) return this.dayStart(time)
      if (time.zone === ICAL.Timezone.utcTimezone) {
        return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second))
      }
      if (hasDefinition(time.zone)) {
        const seconds = time.toUnixTime()
        if (Number.isFinite(seconds)) return new Date(seconds * 1000)
      }
      const zone = tzid ? zoneFor(tzid) : monitorZone
      const { year, month, day, hour, minute, second } = time
      return DateTime.fromObject({ year, month, day, hour, minute, second }, { zone }).toJSDate()
    },
    dayStart(time, days = 0) {
      return DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: monitorZone })
        .plus({ days })
        .toJSDate()
    },
    endOfDay: (instant) => endOfLocalDay(instant, monitorZone),
  }
}

/** A zone from a VTIMEZONE with at least one observance; an empty one would silently mean UTC. */
function hasDefinition(zone: ICAL.Timezone | undefined): boolean {
  const component = zone?.component
  if (!component || zone === ICAL.Timezone.localTimezone) return false
  return (
    component.getFirstSubcomponent('standard') !== null || component.getFirstSubcomponent('daylight') !== null
  )
}
