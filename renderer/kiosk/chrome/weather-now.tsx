import type { WeatherNow as Weather } from '../../../contracts/player-state.js'
import { isWeatherIcon } from '../i18n.js'
import { WeatherIcon } from '../icons/weather-icons.js'
import { useKiosk } from '../kiosk-context.js'

/** Temperature, condition and the source the weather service requires on screen. */
export function WeatherNow({ weather, class: className }: { weather: Weather; class?: string }) {
  const { locale, strings, format } = useKiosk()
  const named = isWeatherIcon(weather.icon) ? strings.weather[weather.icon] : undefined
  // The core words the condition in German; other languages name it from the icon.
  const condition = locale === 'de-DE' ? (weather.condition ?? named) : (named ?? weather.condition)
  return (
    <div class={className ? `weather ${className}` : 'weather'}>
      <WeatherIcon icon={weather.icon} class="weather__icon" />
      <div class="weather__text">
        {weather.temperatureC !== null && (
          <span class="weather__temperature">{format.temperature(weather.temperatureC)}</span>
        )}
        {condition && <span class="weather__condition">{condition}</span>}
      </div>
      <span class="weather__source">{weather.attribution}</span>
    </div>
  )
}
