import type { PlayerState } from '../../../contracts/player-state.js'
import { useNow } from '../hooks/use-now.js'
import { useKiosk } from '../kiosk-context.js'
import { WeatherNow } from './weather-now.js'

/** Town, date, clock and weather across the top of every content slide. */
export function Header({ player }: { player: PlayerState }) {
  const { format, clock } = useKiosk()
  const now = useNow(clock)
  const { layout, weather } = player
  return (
    <header class="header">
      <div class="header__town">{player.monitor.name}</div>
      <div class="header__time">
        {layout.clock && <span class="header__clock">{format.clock(now)}</span>}
        <span class="header__date">{format.longDate(now)}</span>
      </div>
      {layout.weather && weather && <WeatherNow weather={weather} class="header__weather" />}
    </header>
  )
}
