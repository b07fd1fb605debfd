import type { DisplayConfig } from '../../kiosk-config/schema/display.js'
import { isWithinWindows, weekdayNumbers } from '../playlist/time-windows.js'

/** Whether the screen should be on at `now`: always, unless display hours are configured. */
export function isDisplayOn(display: DisplayConfig, zone: string, now: Date): boolean {
  if (display.hours.length === 0) return true
  return isWithinWindows(
    now,
    zone,
    display.hours.map((window) => ({
      weekdays: weekdayNumbers(window.days),
      from: window.from,
      to: window.to,
    })),
  )
}
