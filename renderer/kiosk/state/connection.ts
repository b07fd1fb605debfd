/**
 * The page's line to the core: the state stream (SSE) plus one plain request at start, in case the
 * stream is slow to open. EventSource reconnects by itself after a network error; when it gives
 * up (an HTTP error) or goes silent past the heartbeat, it is opened anew. While disconnected the
 * screen simply keeps what it has.
 */
import type { PlayerState } from '../../../contracts/player-state.js'

export interface ConnectionHandlers {
  state(state: PlayerState): void
  time(serverTime: string): void
}

/** The core sends a heartbeat every 15 s; three missed ones mean the stream is dead. */
const SILENCE_MS = 45_000
const RETRY_MIN_MS = 2_000
const RETRY_MAX_MS = 30_000

export function connectToCore(handlers: ConnectionHandlers): () => void {
  let source: EventSource | undefined
  let watchdog: ReturnType<typeof setTimeout> | undefined
  let reopen: ReturnType<typeof setTimeout> | undefined
  let retryMs = RETRY_MIN_MS
  let receivedState = false
  let closed = false

  const onState = (event: MessageEvent<string>) => {
    const state = parse(event.data)
    if (!isPlayerState(state)) return
    receivedState = true
    retryMs = RETRY_MIN_MS
    alive()
    handlers.state(state)
  }
  const onTime = (event: MessageEvent<string>) => {
    const data = parse(event.data) as { serverTime?: unknown } | undefined
    alive()
    if (typeof data?.serverTime === 'string') handlers.time(data.serverTime)
  }
  const onError = () => {
    if (source?.readyState === EventSource.CLOSED) restart()
  }

  function open() {
    source = new EventSource('/api/events')
    source.addEventListener('state', onState)
    source.addEventListener('time', onTime)
    source.addEventListener('error', onError)
    alive()
  }

  function close() {
    if (!source) return
    source.removeEventListener('state', onState)
    source.removeEventListener('time', onTime)
    source.removeEventListener('error', onError)
    source.close()
    source = undefined
  }

  function restart() {
    close()
    if (reopen !== undefined || closed) return
    reopen = setTimeout(() => {
      reopen = undefined
      open()
    }, retryMs)
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
  }

  function alive() {
    if (watchdog !== undefined) clearTimeout(watchdog)
    watchdog = setTimeout(restart, SILENCE_MS)
  }

  open()
  fetch('/api/state', { cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : undefined))
    .then((state: unknown) => {
      if (!receivedState && !closed && isPlayerState(state)) handlers.state(state)
    })
    .catch(() => {
      // The stream delivers the state once the core answers.
    })

  return () => {
    closed = true
    close()
    if (watchdog !== undefined) clearTimeout(watchdog)
    if (reopen !== undefined) clearTimeout(reopen)
  }
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}

/** A shape check only: the core is trusted, but a half-written message must not break the page. */
function isPlayerState(value: unknown): value is PlayerState {
  const state = value as Partial<PlayerState> | undefined
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof state.monitor?.name === 'string' &&
    typeof state.display?.on === 'boolean' &&
    Array.isArray(state.playlist?.rotation) &&
    Array.isArray(state.playlist?.interrupt) &&
    typeof state.serverTime === 'string'
  )
}
