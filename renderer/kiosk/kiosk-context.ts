import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { createFormatter, type Formatter } from './format.js'
import { type Strings, stringsFor } from './i18n.js'
import { createServerClock, type ServerClock } from './state/server-clock.js'

/** What every part of the screen needs to word and time things: strings, formats, the core's clock. */
export interface KioskContextValue {
  locale: string
  strings: Strings
  format: Formatter
  clock: ServerClock
}

export function createKioskContext(locale: string, timeZone: string, clock: ServerClock): KioskContextValue {
  const strings = stringsFor(locale)
  return { locale, strings, format: createFormatter(locale, timeZone, strings), clock }
}

export const KioskContext = createContext<KioskContextValue>(
  createKioskContext('de-DE', 'Europe/Berlin', createServerClock()),
)

export function useKiosk(): KioskContextValue {
  return useContext(KioskContext)
}
