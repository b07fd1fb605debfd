/** Time as the kiosk sees it. Every rule that depends on time reads this, never Date.now(). */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/**
 * A virtual clock for `--now`: it starts at `start` and runs on at real speed, so a whole
 * monitor (sync, playlist, screen) can be run "as if" at another instant.
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow()
  return { now: () => new Date(realNow() + offset) }
}
