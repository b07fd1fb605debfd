/**
 * The page's model: the latest PlayerState from the core, the slide on screen and the timer that
 * moves the rotation on. Views subscribe and render `view()`; nothing here touches the DOM, so
 * the whole behaviour (rotation, updates, display off, proof of play) runs under fake timers.
 */
import type { PlayerState } from '../../../contracts/player-state.js'
import type { PlayReport } from './play-reporter.js'
import {
  applyPlaylist,
  nextSlide,
  type RotationState,
  type Showing,
  slideKey,
  startRotation,
} from './rotation.js'
import type { ServerClock } from './server-clock.js'

export interface KioskView {
  player: PlayerState | undefined
  /** Undefined before the first state and while the display is off. */
  rotation: RotationState | undefined
  /** How many times the slide on screen changed. */
  rotations: number
}

export interface KioskStore {
  receiveState(state: PlayerState): void
  receiveTime(serverTime: string): void
  view(): KioskView
  /** The key of the slide on screen ('fallback' for the fallback slide). */
  slideKey(): string | undefined
  subscribe(listener: () => void): () => void
  dispose(): void
}

export interface KioskStoreOptions {
  clock: ServerClock
  /** Divides every slide's duration (accelerated soak tests). */
  speed: number
  onPlay(play: PlayReport): void
}

const MAX_REPORTED_MS = 24 * 3_600_000

export function createKioskStore({ clock, speed, onPlay }: KioskStoreOptions): KioskStore {
  let view: KioskView = { player: undefined, rotation: undefined, rotations: 0 }
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSignature = ''
  const listeners = new Set<() => void>()

  const notify = () => {
    for (const listener of listeners) listener()
  }

  const report = (showing: Showing) => {
    const item = showing.slide?.item
    if (!item) return
    const shownMs = Math.round(clock.now() - showing.startedAt)
    onPlay({
      itemId: item.id,
      sourceId: item.sourceId,
      kind: item.kind,
      title: item.title.slice(0, 500),
      shownAt: new Date(showing.startedAt).toISOString(),
      durationMs: Math.min(Math.max(shownMs, 0), MAX_REPORTED_MS),
    })
  }

  /** Reports the slide that was on screen if `next` replaced it, and counts the change. */
  const commit = (player: PlayerState | undefined, next: RotationState | undefined) => {
    const previous = view.rotation?.showing
    let rotations = view.rotations
    if (previous && previous.seq !== next?.showing.seq) report(previous)
    if (previous && next && next.showing.seq !== previous.seq) rotations++
    view = { player, rotation: next, rotations }
    schedule()
    notify()
  }

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const showing = view.rotation?.showing
    if (!showing || !Number.isFinite(showing.durationMs)) return
    const remaining = Math.min(
      Math.max(showing.startedAt + showing.durationMs - clock.now(), 0),
      showing.durationMs,
    )
    timer = setTimeout(() => {
      timer = undefined
      if (view.rotation) commit(view.player, nextSlide(view.rotation, clock.now(), speed))
    }, remaining)
  }

  return {
    receiveState(state) {
      clock.sync(state.serverTime)
      // A reconnecting stream resends what the screen already shows: nothing to redraw.
      const signature = JSON.stringify({ ...state, serverTime: undefined })
      if (signature === lastSignature) return
      lastSignature = signature
      const now = clock.now()
      if (!state.display.on) return commit(state, undefined)
      const current = view.rotation
      commit(
        state,
        current
          ? applyPlaylist(current, state.playlist, now, speed)
          : startRotation(state.playlist, now, speed),
      )
    },
    receiveTime(serverTime) {
      clock.sync(serverTime)
    },
    view: () => view,
    slideKey: () => (view.rotation ? slideKey(view.rotation.showing) : undefined),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      listeners.clear()
    },
  }
}
