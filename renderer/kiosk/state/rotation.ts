/**
 * Which slide is on screen, as a pure function of the playlist, the current position and the
 * time. The store calls `nextSlide` when a slide's time is up and `applyPlaylist` when the core
 * sends a new state; both return a new RotationState and never touch the DOM or a timer.
 */
import type { Playlist, Slide } from '../../../contracts/player-state.js'

export type SlideSource = 'interrupt' | 'rotation' | 'fallback'

/** How the screen moves to the slide now showing: crossfade, at once, or not at all (same slide). */
export type Transition = 'fade' | 'cut' | 'none'

export interface Showing {
  source: SlideSource
  /** Position in the list being looped (0 for the fallback slide). */
  index: number
  /** Undefined for the fallback slide. */
  slide: Slide | undefined
  /** Core clock, ms since the epoch. */
  startedAt: number
  /** The slide's duration after the speed factor; Infinity for the fallback slide. */
  durationMs: number
  /** Counts slide starts, so a view can restart its progress bar when one slide loops. */
  seq: number
}

export interface RotationState {
  showing: Showing
  /** The list being looped: the playlist's interrupt or rotation slides (empty for the fallback). */
  slides: readonly Slide[]
  /** Where the rotation stood when an interrupt took over, to return there afterwards. */
  resume: { index: number; key: string } | undefined
  transition: Transition
}

export const FALLBACK_KEY = 'fallback'
const DEFAULT_DURATION_MS = 10_000

export function slideKey(showing: Showing): string {
  return showing.slide?.key ?? FALLBACK_KEY
}

/** The list the screen loops for this playlist; an empty list means the fallback slide. */
export function activeSlides(playlist: Playlist): { source: SlideSource; slides: readonly Slide[] } {
  if (playlist.mode === 'interrupt' && playlist.interrupt.length > 0) {
    return { source: 'interrupt', slides: playlist.interrupt }
  }
  if (playlist.mode !== 'fallback' && playlist.rotation.length > 0) {
    return { source: 'rotation', slides: playlist.rotation }
  }
  return { source: 'fallback', slides: [] }
}

export function startRotation(playlist: Playlist, now: number, speed: number): RotationState {
  const { source, slides } = activeSlides(playlist)
  return {
    showing: show(source, slides, 0, now, speed, 1),
    slides,
    resume: undefined,
    transition: 'cut',
  }
}

/** The current slide's time is up: the next one in the loop (the same one again in a loop of one). */
export function nextSlide(state: RotationState, now: number, speed: number): RotationState {
  const { showing, slides } = state
  if (showing.source === 'fallback' || slides.length === 0) return { ...state, transition: 'none' }
  const next = show(showing.source, slides, (showing.index + 1) % slides.length, now, speed, showing.seq + 1)
  return { ...state, showing: next, transition: slideKey(next) === slideKey(showing) ? 'none' : 'fade' }
}

/**
 * A new playlist arrived. The current slide stays (updated in place if its content changed) and
 * the rotation continues from its position in the new list; a slide whose item is gone gives
 * way at once to the next one that survived; an interrupt takes over at once and the rotation
 * resumes where it was when the interrupt ends.
 */
export function applyPlaylist(
  state: RotationState,
  playlist: Playlist,
  now: number,
  speed: number,
): RotationState {
  const { source, slides } = activeSlides(playlist)
  const { showing } = state
  const seq = showing.seq + 1

  if (source !== showing.source) {
    if (source === 'interrupt') {
      const resume =
        showing.source === 'rotation' && showing.slide
          ? { index: showing.index, key: showing.slide.key }
          : state.resume
      return { showing: show(source, slides, 0, now, speed, seq), slides, resume, transition: 'cut' }
    }
    if (source === 'rotation' && state.resume) {
      const { key, index } = state.resume
      const at = locate(slides, key, index) ?? index % slides.length
      return {
        showing: show(source, slides, at, now, speed, seq),
        slides,
        resume: undefined,
        transition: 'fade',
      }
    }
    return {
      showing: show(source, slides, 0, now, speed, seq),
      slides,
      resume: undefined,
      transition: 'fade',
    }
  }

  if (source === 'fallback' || !showing.slide) return { ...state, slides, transition: 'none' }

  const at = locate(slides, showing.slide.key, showing.index)
  if (at !== undefined) {
    const slide = slides[at]!
    return {
      ...state,
      slides,
      showing: { ...showing, index: at, slide, durationMs: durationOf(slide, speed) },
      transition: 'none',
    }
  }
  const successor = successorIn(state.slides, showing.index, slides)
  return { ...state, slides, showing: show(source, slides, successor, now, speed, seq), transition: 'cut' }
}

function show(
  source: SlideSource,
  slides: readonly Slide[],
  index: number,
  now: number,
  speed: number,
  seq: number,
): Showing {
  const slide = slides[index]
  return {
    source,
    index: slide ? index : 0,
    slide,
    startedAt: now,
    durationMs: slide ? durationOf(slide, speed) : Number.POSITIVE_INFINITY,
    seq,
  }
}

function durationOf(slide: Slide, speed: number): number {
  const ms =
    Number.isFinite(slide.durationMs) && slide.durationMs > 0 ? slide.durationMs : DEFAULT_DURATION_MS
  return ms / (Number.isFinite(speed) && speed >= 1 ? speed : 1)
}

/** The position of `key` in `slides` nearest to `near` (a key may recur in one cycle). */
function locate(slides: readonly Slide[], key: string, near: number): number | undefined {
  let best: number | undefined
  for (let i = 0; i < slides.length; i++) {
    if (slides[i]!.key !== key) continue
    if (best === undefined || Math.abs(i - near) < Math.abs(best - near)) best = i
  }
  return best
}

/** Where to continue when the slide at `index` of `previous` is gone from `next`. */
function successorIn(previous: readonly Slide[], index: number, next: readonly Slide[]): number {
  for (let step = 1; step < previous.length; step++) {
    const candidate = previous[(index + step) % previous.length]!
    const at = locate(next, candidate.key, index)
    if (at !== undefined) return at
  }
  return next.length > 0 ? index % next.length : 0
}
