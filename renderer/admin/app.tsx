import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import { PlayerStateSchema } from '../../contracts/admin-api.js'
import type { PlayerState } from '../../contracts/player-state.js'
import { ApiClient, type ApiFailure } from './api-client.js'
import { type Language, StringsContext, stringsFor } from './i18n/index.js'
import { type MonitorView, monitorView } from './monitor.js'
import { NoticesView } from './notices/notices-view.js'
import {
  clearSession,
  loadLanguage,
  loadSession,
  type Session,
  saveLanguage,
  saveSession,
} from './session.js'
import { SignIn } from './sign-in.js'
import { StatusView } from './status/status-view.js'

type View = 'notices' | 'status'

/** The monitor's state is fetched again now and then: its weather and clock for the preview. */
const MONITOR_REFRESH_MS = 5 * 60_000

/** The page: sign-in, then notices or status, with the language switch and sign-out always at hand. */
export function App() {
  const [language, setLanguage] = useState<Language>(loadLanguage)
  const strings = stringsFor(language)
  const stringsRef = useRef(strings)
  stringsRef.current = strings
  const [session, setSession] = useState<Session | undefined>(loadSession)
  const [note, setNote] = useState<string>()
  const [view, setView] = useState<View>('notices')
  const [monitor, setMonitor] = useState<MonitorView>()
  const [loadError, setLoadError] = useState<string>()
  const main = useRef<HTMLElement>(null)

  const endSession = useCallback((message?: string) => {
    clearSession()
    setSession(undefined)
    setMonitor(undefined)
    setNote(message)
  }, [])

  const client = useMemo(
    () =>
      session &&
      new ApiClient({
        token: session.token,
        strings: () => stringsRef.current,
        onUnauthorized: (failure: ApiFailure) => endSession(failure.message),
      }),
    [session, endSession],
  )

  // Before paint: the words on screen and the language assistive technology reads them in agree.
  useLayoutEffect(() => {
    document.documentElement.lang = language
    document.title = strings.appTitle
  }, [language, strings])

  const loadMonitor = useCallback(async () => {
    if (!client) return
    const result = await client.get('/preview', PlayerStateSchema)
    if (result.ok) {
      setMonitor(monitorView(result.data))
      setLoadError(undefined)
    } else setLoadError(result.error.message)
  }, [client])

  useEffect(() => {
    if (!client) return
    if (!monitor) void loadMonitor()
    const timer = setInterval(() => void loadMonitor(), MONITOR_REFRESH_MS)
    return () => clearInterval(timer)
  }, [client])

  const signedIn = (next: Session, state: PlayerState) => {
    saveSession(next)
    setMonitor(monitorView(state))
    setSession(next)
    setNote(undefined)
    setView('notices')
    // The person lands on what they came for; the sign-in form is gone.
    requestAnimationFrame(() => main.current?.focus())
  }

  const switchLanguage = () => {
    const next = strings.switchLanguage.lang
    saveLanguage(next)
    setLanguage(next)
  }

  return (
    <StringsContext.Provider value={strings}>
      <a class="skip-link" href="#main">
        {strings.skipLink}
      </a>
      <header class="app-header">
        <div class="app-header__brand">
          <h1 class="app-header__title">{strings.appTitle}</h1>
          {session && monitor && (
            <p class="app-header__monitor">{strings.monitor(monitor.state.monitor.name)}</p>
          )}
        </div>
        <div class="app-header__tools">
          {session && (
            <p class="role-badge" data-role={session.role}>
              {strings.signedInAs(strings.roles[session.role])}
            </p>
          )}
          <button
            type="button"
            class="button button--quiet"
            lang={strings.switchLanguage.lang}
            onClick={switchLanguage}
          >
            {strings.switchLanguage.label}
          </button>
          {session && (
            <button
              type="button"
              class="button button--quiet"
              onClick={() => endSession(stringsRef.current.signIn.signedOut)}
            >
              {strings.signOut}
            </button>
          )}
        </div>
      </header>
      {session && (
        <nav class="app-nav" aria-label={strings.navLabel}>
          <ul class="app-nav__list">
            {(['notices', 'status'] as const).map((name) => (
              <li key={name}>
                <button
                  type="button"
                  class="app-nav__item"
                  aria-current={view === name ? 'page' : undefined}
                  onClick={() => setView(name)}
                >
                  {strings.nav[name]}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" class="app-main" tabIndex={-1} ref={main}>
        {!session || !client ? (
          <SignIn note={note} onSignedIn={signedIn} />
        ) : !monitor ? (
          <p class="notice-line" role={loadError ? 'alert' : 'status'}>
            {loadError ?? strings.loading}
          </p>
        ) : view === 'notices' ? (
          <NoticesView client={client} monitor={monitor} />
        ) : (
          <StatusView client={client} monitor={monitor} />
        )}
      </main>
    </StringsContext.Provider>
  )
}
