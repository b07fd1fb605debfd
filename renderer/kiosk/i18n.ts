/**
 * Every word the screen shows that does not come from a feed. German by default, English when
 * the monitor's locale is en-GB.
 */
import type { Severity, SlideKind } from '../../contracts/player-state.js'

export type Locale = 'de-DE' | 'en-GB'

export const WEATHER_ICONS = [
  'clear-day',
  'clear-night',
  'partly-cloudy-day',
  'partly-cloudy-night',
  'cloudy',
  'fog',
  'wind',
  'rain',
  'sleet',
  'snow',
  'hail',
  'thunderstorm',
] as const
export type WeatherIcon = (typeof WEATHER_ICONS)[number]

export interface Strings {
  kind: Record<SlideKind, string>
  /** CAP severity as a warning level people understand. */
  severity: Record<Severity, string>
  weather: Record<WeatherIcon, string>
  officialWarning: string
  allDay: string
  today: string
  tomorrow: string
  when: string
  where: string
  date: string
  time: string
  place: string
  restriction: string
  openingHours: string
  instruction: string
  area: string
  issuer: string
  notCurrent: string
  more: string
  qrAlt(link: string): string
  part(index: number, count: number): string
  at(time: string): string
  timeRange(from: string, until: string): string
  since(date: string): string
  from(date: string): string
  until(date: string): string
  asOf(dateTime: string): string
  asOfUnknown: string
}

const de: Strings = {
  kind: {
    roadworks: 'Baustelle',
    event: 'Veranstaltung',
    tourism: 'Ausflugstipp',
    news: 'Aus der Stadt',
    notice: 'Aushang',
    warning: 'Warnung',
  },
  severity: {
    Extreme: 'Extreme Gefahr',
    Severe: 'Hohe Gefahr',
    Moderate: 'Warnung',
    Minor: 'Hinweis',
    Unknown: 'Warnung',
  },
  weather: {
    'clear-day': 'sonnig',
    'clear-night': 'klar',
    'partly-cloudy-day': 'heiter bis wolkig',
    'partly-cloudy-night': 'wolkig',
    cloudy: 'bewölkt',
    fog: 'Nebel',
    wind: 'windig',
    rain: 'Regen',
    sleet: 'Schneeregen',
    snow: 'Schnee',
    hail: 'Hagel',
    thunderstorm: 'Gewitter',
  },
  officialWarning: 'Amtliche Warnung',
  allDay: 'ganztägig',
  today: 'Heute',
  tomorrow: 'Morgen',
  when: 'Wann',
  where: 'Wo',
  date: 'Datum',
  time: 'Uhrzeit',
  place: 'Ort',
  restriction: 'Einschränkung',
  openingHours: 'Öffnungszeiten',
  instruction: 'Das sollten Sie tun',
  area: 'Gebiet',
  issuer: 'Herausgeber',
  notCurrent: 'nicht aktuell',
  more: 'Mehr dazu',
  qrAlt: (link) => `QR-Code für ${link}`,
  part: (index, count) => `Teil ${index} von ${count}`,
  at: (time) => `${time} Uhr`,
  timeRange: (from, until) => `${from} – ${until} Uhr`,
  since: (date) => `seit ${date}`,
  from: (date) => `ab ${date}`,
  until: (date) => `bis ${date}`,
  asOf: (dateTime) => `Stand: ${dateTime} Uhr`,
  asOfUnknown: 'Stand unbekannt',
}

const en: Strings = {
  kind: {
    roadworks: 'Roadworks',
    event: 'Event',
    tourism: 'Things to do',
    news: 'Town news',
    notice: 'Notice',
    warning: 'Warning',
  },
  severity: {
    Extreme: 'Extreme danger',
    Severe: 'Severe danger',
    Moderate: 'Warning',
    Minor: 'Advisory',
    Unknown: 'Warning',
  },
  weather: {
    'clear-day': 'sunny',
    'clear-night': 'clear',
    'partly-cloudy-day': 'partly cloudy',
    'partly-cloudy-night': 'partly cloudy',
    cloudy: 'cloudy',
    fog: 'fog',
    wind: 'windy',
    rain: 'rain',
    sleet: 'sleet',
    snow: 'snow',
    hail: 'hail',
    thunderstorm: 'thunderstorm',
  },
  officialWarning: 'Official warning',
  allDay: 'all day',
  today: 'Today',
  tomorrow: 'Tomorrow',
  when: 'When',
  where: 'Where',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  restriction: 'Restriction',
  openingHours: 'Opening hours',
  instruction: 'What to do',
  area: 'Area',
  issuer: 'Issued by',
  notCurrent: 'not current',
  more: 'More',
  qrAlt: (link) => `QR code for ${link}`,
  part: (index, count) => `Part ${index} of ${count}`,
  at: (time) => time,
  timeRange: (from, until) => `${from} – ${until}`,
  since: (date) => `since ${date}`,
  from: (date) => `from ${date}`,
  until: (date) => `until ${date}`,
  asOf: (dateTime) => `As of ${dateTime}`,
  asOfUnknown: 'Last update unknown',
}

export const STRINGS: Record<Locale, Strings> = { 'de-DE': de, 'en-GB': en }

export function stringsFor(locale: string | undefined): Strings {
  return locale === 'en-GB' ? en : de
}

export function isWeatherIcon(icon: string | null | undefined): icon is WeatherIcon {
  return (WEATHER_ICONS as readonly string[]).includes(icon ?? '')
}
