/**
 * Who is signed in. The token lives in sessionStorage only: gone when the window closes or on
 * "Abmelden", never in localStorage or a cookie, and never sent anywhere but the API's
 * Authorization header. The language is a preference and may outlast the session.
 */
import type { Language, Role } from './i18n/index.js'

export interface Session {
  token: string
  role: Role
}

const SESSION_KEY = 'infomonitor.admin.session'
const LANGUAGE_KEY = 'infomonitor.admin.language'

export function loadSession(): Session | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Partial<Session> | null
    if (stored && typeof stored.token === 'string' && (stored.role === 'press' || stored.role === 'it')) {
      return { token: stored.token, role: stored.role }
    }
  } catch {
    // A damaged entry is as good as none.
  }
  return undefined
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session))
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY)
}

export function loadLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'de'
  } catch {
    return 'de'
  }
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language)
  } catch {
    // Private modes may refuse; the choice then lasts for this page only.
  }
}
