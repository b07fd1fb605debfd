import { useEffect, useReducer, useRef } from 'preact/hooks'
import type { PlayerState } from '../../../contracts/player-state.js'
import { type RotationState, type Showing, slideKey } from '../state/rotation.js'
import { SlideView } from './slide-view.js'

/** Matches the slide-leave animation in styles/stage.css. */
const FADE_MS = 600

interface Leaving {
  showing: Showing
  player: PlayerState
}

/**
 * The current slide, and during a crossfade the outgoing one above it fading out. The outgoing
 * slide is inert (hidden from assistive technology and from contrast checks while it fades) and
 * is removed when the fade ends, so there are never more than two slides in the DOM. A slide
 * replaced because its item is gone is cut at once rather than faded.
 */
export function SlideStage({ rotation, player }: { rotation: RotationState; player: PlayerState }) {
  const { showing, transition } = rotation
  const key = slideKey(showing)
  const current = useRef({ key, showing, player, entered: false })
  const leaving = useRef<Leaving | undefined>(undefined)
  const [, rerender] = useReducer((count: number) => count + 1, 0)

  // Decided while rendering, so the frame that shows the new slide already holds the old one.
  if (current.current.key !== key) {
    leaving.current =
      transition === 'fade' ? { showing: current.current.showing, player: current.current.player } : undefined
    current.current = { key, showing, player, entered: transition === 'fade' }
  } else {
    // A new state may have removed or corrected what is fading out: it goes at once.
    if (player !== current.current.player) leaving.current = undefined
    current.current = { ...current.current, showing, player }
  }
  const outgoing = leaving.current

  useEffect(() => {
    if (!outgoing) return
    const timer = setTimeout(() => {
      if (leaving.current !== outgoing) return
      leaving.current = undefined
      rerender(0)
    }, FADE_MS)
    return () => clearTimeout(timer)
  }, [outgoing])

  return (
    <>
      <div key={key} class={current.current.entered ? 'slide-frame slide-frame--enter' : 'slide-frame'}>
        <SlideView showing={showing} player={player} />
      </div>
      {outgoing && (
        <div key={slideKey(outgoing.showing)} class="slide-frame slide-frame--leave" inert>
          <SlideView showing={outgoing.showing} player={outgoing.player} />
        </div>
      )}
    </>
  )
}
