/**
 * Bright Sky's `icon` and `condition` values as the screen says them. The icon is more telling
 * (clear, partly cloudy, cloudy), the condition is the fallback (it only knows precipitation).
 */
const WORDS: Record<string, string> = {
  'clear-day': 'klar',
  'clear-night': 'klar',
  'partly-cloudy-day': 'teilweise bewölkt',
  'partly-cloudy-night': 'teilweise bewölkt',
  cloudy: 'bewölkt',
  fog: 'Nebel',
  wind: 'windig',
  rain: 'Regen',
  sleet: 'Schneeregen',
  snow: 'Schnee',
  hail: 'Hagel',
  thunderstorm: 'Gewitter',
  dry: 'trocken',
}

export function germanCondition(
  icon: string | null | undefined,
  condition: string | null | undefined,
): string | null {
  return (icon && WORDS[icon]) || (condition && WORDS[condition]) || null
}

/** `7 °C`; never `-0 °C` for a reading just below zero. */
export function formatTemperature(celsius: number): string {
  const rounded = Math.round(celsius) || 0
  return `${rounded} °C`
}
