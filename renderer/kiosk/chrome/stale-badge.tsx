import type { PlayerState } from '../../../contracts/player-state.js'
import { useKiosk } from '../kiosk-context.js'

/** "Stand: …" when the core cannot vouch that what is on screen is current; nothing otherwise. */
export function StaleBadge({ freshness }: { freshness: PlayerState['freshness'] }) {
  const { strings, format } = useKiosk()
  if (!freshness.stale) return null
  const last = freshness.lastUpdateAt ? Date.parse(freshness.lastUpdateAt) : Number.NaN
  return (
    <p class="stale-badge" role="status">
      {Number.isFinite(last) ? strings.asOf(format.dateTime(last)) : strings.asOfUnknown}
    </p>
  )
}
