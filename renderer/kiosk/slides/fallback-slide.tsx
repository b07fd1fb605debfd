import type { WeatherNow as Weather } from '../../../contracts/player-state.js'
import { WeatherNow } from '../chrome/weather-now.js'
import { useNow } from '../hooks/use-now.js'
import { useKiosk } from '../kiosk-context.js'

/** Nothing to show: the town's name, the time and the weather, calm and large. Never blank. */
export function FallbackSlide({ name, weather }: { name: string | undefined; weather: Weather | undefined }) {
  const { format, clock } = useKiosk()
  const now = useNow(clock)
  return (
    <article class="slide slide--fallback" data-kind="fallback">
      {name ? <h1 class="fallback__town">{name}</h1> : null}
      <p class="fallback__clock">{format.clock(now)}</p>
      <p class="fallback__date">{format.longDate(now)}</p>
      {weather && <WeatherNow weather={weather} class="fallback__weather" />}
    </article>
  )
}
