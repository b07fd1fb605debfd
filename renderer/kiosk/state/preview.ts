/**
 * `?preview=<token>`: the admin API renders an unsaved notice with this very page. The state
 * comes once from /api/preview/<token> instead of the live stream, and nothing counts as played.
 */
import type { PlayerState } from '../../../contracts/player-state.js'

export function previewTokenFrom(search: string): string | undefined {
  const token = new URLSearchParams(search).get('preview')
  return token && /^[A-Za-z0-9_-]{1,64}$/.test(token) ? token : undefined
}

export function loadPreview(token: string, receive: (state: PlayerState) => void): void {
  fetch(`/api/preview/${token}`, { cache: 'no-store' })
    .then((response) => (response.ok ? (response.json() as Promise<PlayerState>) : undefined))
    .then((state) => {
      if (state) receive(state)
    })
    .catch(() => {
      // The admin API times the capture out; a blank preview is its answer.
    })
}
