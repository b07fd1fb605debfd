/**
 * What the page knows about the monitor it manages: its player state (name, time zone, theme,
 * weather for the preview's header) and its clock, which may run ahead or behind the browser's,
 * or be virtual (`--now`). Every time the page shows or sends is on this clock and in this zone.
 */
import type { PlayerState } from '../../contracts/player-state.js'
import { createServerClock, type ServerClock } from '../kiosk/state/server-clock.js'
import { isKnownTimeZone } from './notices/zoned-time.js'

export interface MonitorView {
  state: PlayerState
  clock: ServerClock
  /** The monitor's IANA time zone (Europe/Berlin unless configured otherwise). */
  timeZone: string
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin'

export function monitorView(state: PlayerState): MonitorView {
  const clock = createServerClock()
  clock.sync(state.serverTime)
  const zone = state.monitor.timezone
  return { state, clock, timeZone: isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE }
}
