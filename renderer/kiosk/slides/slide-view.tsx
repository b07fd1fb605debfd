import { useEffect, useErrorBoundary } from 'preact/hooks'
import type { PlayerState } from '../../../contracts/player-state.js'
import { useNow } from '../hooks/use-now.js'
import { useKiosk } from '../kiosk-context.js'
import type { Showing } from '../state/rotation.js'
import { EventSlide } from './event-slide.js'
import { FallbackSlide } from './fallback-slide.js'
import { NewsSlide } from './news-slide.js'
import { NoticeSlide } from './notice-slide.js'
import { RoadworksSlide } from './roadworks-slide.js'
import { TourismSlide } from './tourism-slide.js'
import { WarningSlide } from './warning-slide.js'

/**
 * The slide for what is showing, by kind. A slide that fails to render (an item of a shape no one
 * expected) gives way to the fallback slide: the screen never goes blank or shows an error.
 */
export function SlideView({ showing, player }: { showing: Showing; player: PlayerState }) {
  const [error, retry] = useErrorBoundary()
  // Corrected content for the same slide gets another chance.
  useEffect(() => {
    if (error) retry()
  }, [showing.slide])
  useEffect(() => {
    // Visible in the console (and to the end-to-end tests), never on the screen.
    if (error) console.error(`slide ${showing.slide?.key ?? '?'} failed to render:`, error)
  }, [error])
  if (error) return <Fallback player={player} />
  return <KindSlide showing={showing} player={player} />
}

function Fallback({ player }: { player: PlayerState }) {
  return (
    <FallbackSlide name={player.monitor.name} weather={player.layout.weather ? player.weather : undefined} />
  )
}

function KindSlide({ showing, player }: { showing: Showing; player: PlayerState }) {
  const { clock } = useKiosk()
  // "Heute"/"Morgen" and "bis …" are relative to the day, so a minute's resolution is plenty.
  const now = useNow(clock)
  const item = showing.slide?.item
  if (!item) return <Fallback player={player} />
  switch (item.kind) {
    case 'roadworks':
      return <RoadworksSlide item={item} now={now} />
    case 'event':
      return <EventSlide item={item} now={now} />
    case 'tourism':
      return <TourismSlide item={item} />
    case 'warning':
      return <WarningSlide item={item} />
    case 'notice':
      return <NoticeSlide item={item} now={now} />
    default:
      return <NewsSlide item={item} />
  }
}
