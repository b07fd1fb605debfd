import { DateTime } from 'luxon'

/** A weekly window in local wall-clock time. `to` not after `from` runs past midnight. */
export interface WeeklyWindow {
  /** ISO weekdays the window starts on, 1 = Monday; empty or absent = every day. */
  weekdays?: readonly number[]
  from: string
  to: string
}

const WEEKDAY_NUMBER: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }

export function weekdayNumbers(days: readonly string[]): number[] {
  return days.map((day) => WEEKDAY_NUMBER[day]!).filter((day) => day !== undefined)
}

/**
 * Whether `now` falls in any of the windows, read in `zone` (so DST is the zone's business:
 * 08:00 is 08:00 on both sides of a change). A window 22:00-02:00 that starts on Friday covers
 * Friday 22:00 to Saturday 02:00.
 */
export function isWithinWindows(now: Date, zone: string, windows: readonly WeeklyWindow[]): boolean {
  const local = DateTime.fromJSDate(now, { zone })
  const minute = local.hour * 60 + local.minute
  const today = local.weekday
  const yesterday = today === 1 ? 7 : today - 1
  return windows.some((window) => {
    const from = minutesOf(window.from)
    const to = minutesOf(window.to)
    const startsOn = (day: number) =>
      !window.weekdays || window.weekdays.length === 0 || window.weekdays.includes(day)
    if (from < to) return startsOn(today) && minute >= from && minute < to
    return (startsOn(today) && minute >= from) || (startsOn(yesterday) && minute < to)
  })
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  return hours * 60 + minutes
}
