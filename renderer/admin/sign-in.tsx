import { useState } from 'preact/hooks'
import { PlayerStateSchema, SessionSchema } from '../../contracts/admin-api.js'
import type { PlayerState } from '../../contracts/player-state.js'
import { ApiClient } from './api-client.js'
import { useStrings } from './i18n/index.js'
import type { Session } from './session.js'

export interface SignInProps {
  /** Why the last session ended (signed out, token refused), shown above the form. */
  note?: string | undefined
  onSignedIn(session: Session, monitor: PlayerState): void
}

/**
 * Sign-in with an admin token. The token is tried on the monitor's preview (both roles may read
 * it, and it names the monitor's time zone); /session then names its role.
 */
export function SignIn({ note, onSignedIn }: SignInProps) {
  const s = useStrings()
  const [token, setToken] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    const value = token.trim()
    if (!value) {
      setError(s.signIn.empty)
      return
    }
    setBusy(true)
    setError(undefined)
    const client = new ApiClient({ token: value, strings: () => s })
    const monitor = await client.get('/preview', PlayerStateSchema)
    if (!monitor.ok) {
      setBusy(false)
      setError(monitor.error.message)
      return
    }
    const session = await client.get('/session', SessionSchema)
    setBusy(false)
    if (!session.ok) {
      setError(session.error.message)
      return
    }
    onSignedIn({ token: value, role: session.data.role }, monitor.data)
  }

  return (
    <section class="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{s.signIn.heading}</h2>
      {note && (
        <p class="notice-line" role="status">
          {note}
        </p>
      )}
      <p class="sign-in__intro">{s.signIn.intro}</p>
      <form class="sign-in__form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="sign-in-token">{s.signIn.token}</label>
          <input
            id="sign-in-token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'sign-in-hint sign-in-error' : 'sign-in-hint'}
          />
          <p id="sign-in-hint" class="field__hint">
            {s.signIn.tokenHint}
          </p>
          {error && (
            <p id="sign-in-error" class="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" class="button button--primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? s.signIn.checking : s.signIn.submit}
        </button>
      </form>
    </section>
  )
}
