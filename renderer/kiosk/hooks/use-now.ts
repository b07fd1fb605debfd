import { useEffect, useState } from 'preact/hooks'
import type { ServerClock } from '../state/server-clock.js'

/**
 * The core's time, rounded down to `resolutionMs` (a minute for a clock showing HH:mm). It is
 * checked every second, so a jump of the core's clock shows within a second, but the component
 * renders again only when the rounded value changes.
 */
export function useNow(clock: ServerClock, resolutionMs = 60_000): number {
  const round = () => Math.floor(clock.now() / resolutionMs) * resolutionMs
  const [now, setNow] = useState(round)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      setNow(round())
      timer = setTimeout(tick, 1_000 - (clock.now() % 1_000) + 5)
    }
    tick()
    return () => clearTimeout(timer)
  }, [clock, resolutionMs])
  return now
}
