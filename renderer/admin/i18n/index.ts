/**
 * Every word of the admin page, in German (the default) and English. Field messages of the
 * notice schema (contracts/notice.ts) and the API are German; in English they are translated
 * here when known and shown as they are otherwise.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { de } from './strings-de.js'
import { en } from './strings-en.js'
import type { Language, Strings } from './types.js'

export type { Language, Orientation, Priority, Role, Strings } from './types.js'

export const STRINGS: Record<Language, Strings> = { de, en }

export function stringsFor(language: Language): Strings {
  return STRINGS[language]
}

export const StringsContext = createContext<Strings>(de)

export function useStrings(): Strings {
  return useContext(StringsContext)
}
