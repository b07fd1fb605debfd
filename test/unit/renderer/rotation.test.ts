import { describe, expect, it } from 'vitest'
import type { Playlist, Slide, SlideItem } from '../../../contracts/player-state.js'
import {
  applyPlaylist,
  nextSlide,
  type RotationState,
  slideKey,
  startRotation,
} from '../../../renderer/kiosk/state/rotation.js'

function slide(key: string, patch: Partial<SlideItem> = {}, durationMs = 10_000): Slide {
  return {
    key,
    durationMs,
    item: {
      id: key,
      sourceId: 'test',
      kind: 'news',
      priority: 'normal',
      title: `Titel ${key}`,
      text: '',
      ...patch,
    },
  }
}

function playlist(rotation: Slide[], patch: Partial<Playlist> = {}): Playlist {
  return {
    mode: rotation.length > 0 ? 'rotation' : 'fallback',
    interrupt: [],
    rotation,
    ticker: [],
    version: 'v',
    ...patch,
  }
}

const keys = (...names: string[]) => names.map((name) => slide(name))

/** Steps the rotation `count` times and lists the keys shown, starting with the current one. */
function shown(state: RotationState, count: number): string[] {
  const seen = [slideKey(state.showing)]
  let current = state
  for (let step = 0; step < count; step++) {
    current = nextSlide(current, 0, 1)
    seen.push(slideKey(current.showing))
  }
  return seen
}

describe('rotation', () => {
  it('loops the rotation slide by slide, each for its own duration', () => {
    const list = playlist([slide('a', {}, 8_000), slide('b', {}, 12_000), slide('c', {}, 9_000)])
    const state = startRotation(list, 1_000, 1)
    expect(shown(state, 4)).toEqual(['a', 'b', 'c', 'a', 'b'])
    expect(state.showing.durationMs).toBe(8_000)
    expect(nextSlide(state, 9_000, 1).showing).toMatchObject({ startedAt: 9_000, durationMs: 12_000 })
  })

  it('divides every duration by the speed factor', () => {
    const state = startRotation(playlist([slide('a', {}, 8_000)]), 0, 100)
    expect(state.showing.durationMs).toBe(80)
  })

  it('crossfades to a different slide and does not fade a slide into itself', () => {
    const state = startRotation(playlist(keys('a', 'b')), 0, 1)
    expect(nextSlide(state, 0, 1).transition).toBe('fade')
    const single = startRotation(playlist(keys('a')), 0, 1)
    const again = nextSlide(single, 10_000, 1)
    expect(again.transition).toBe('none')
    expect(again.showing.seq).toBe(single.showing.seq + 1)
  })

  it('shows the fallback slide when there is nothing to show, and waits there', () => {
    const state = startRotation(playlist([]), 0, 1)
    expect(slideKey(state.showing)).toBe('fallback')
    expect(state.showing.durationMs).toBe(Number.POSITIVE_INFINITY)
    expect(slideKey(nextSlide(state, 60_000, 1).showing)).toBe('fallback')
  })

  it('shows the fallback when the core says so, even with a rotation at hand', () => {
    const state = startRotation(playlist(keys('a'), { mode: 'fallback' }), 0, 1)
    expect(slideKey(state.showing)).toBe('fallback')
  })

  describe('when a new playlist arrives', () => {
    it('keeps the slide on screen and its timing when it is still in the list', () => {
      const state = nextSlide(startRotation(playlist(keys('a', 'b', 'c')), 0, 1), 10_000, 1)
      const next = applyPlaylist(state, playlist(keys('a', 'b', 'c', 'd')), 12_000, 1)
      expect(slideKey(next.showing)).toBe('b')
      expect(next.showing.startedAt).toBe(10_000)
      expect(next.showing.seq).toBe(state.showing.seq)
      expect(next.transition).toBe('none')
    })

    it('continues from the current slide when slides were added before it', () => {
      const state = nextSlide(startRotation(playlist(keys('a', 'b', 'c')), 0, 1), 0, 1)
      const next = applyPlaylist(state, playlist(keys('x', 'y', 'a', 'b', 'c')), 0, 1)
      expect(shown(next, 2)).toEqual(['b', 'c', 'x'])
    })

    it('shows corrected content of the current slide at once, in place', () => {
      const state = nextSlide(startRotation(playlist(keys('a', 'b')), 0, 1), 0, 1)
      const corrected = playlist([slide('a'), slide('b', { title: 'Titel b (berichtigt)' })])
      const next = applyPlaylist(state, corrected, 3_000, 1)
      expect(next.showing.slide?.item.title).toBe('Titel b (berichtigt)')
      expect(slideKey(next.showing)).toBe('b')
      expect(next.transition).toBe('none')
    })

    it('replaces a slide whose item is gone at once with the next one that survived', () => {
      const state = nextSlide(startRotation(playlist(keys('a', 'b', 'c', 'd')), 0, 1), 0, 1)
      const next = applyPlaylist(state, playlist(keys('a', 'd')), 5_000, 1)
      expect(slideKey(next.showing)).toBe('d')
      expect(next.transition).toBe('cut')
      expect(next.showing.startedAt).toBe(5_000)
      expect(next.showing.seq).toBe(state.showing.seq + 1)
    })

    it('starts over at the top when nothing of the old rotation is left', () => {
      const state = startRotation(playlist(keys('a', 'b')), 0, 1)
      const next = applyPlaylist(state, playlist(keys('x', 'y')), 0, 1)
      expect(slideKey(next.showing)).toBe('x')
    })

    it('stays on the same occurrence of a slide that recurs in one cycle', () => {
      const list = playlist(keys('w', 'a', 'w', 'b', 'w', 'c'))
      let state = startRotation(list, 0, 1)
      for (let step = 0; step < 4; step++) state = nextSlide(state, 0, 1)
      expect(state.showing.index).toBe(4)
      const next = applyPlaylist(state, playlist(keys('w', 'a', 'w', 'b', 'w', 'c')), 0, 1)
      expect(next.showing.index).toBe(4)
      expect(shown(next, 1)).toEqual(['w', 'c'])
    })

    it('interrupts at once, alternates urgent slides, and resumes the rotation where it was', () => {
      let state = nextSlide(startRotation(playlist(keys('a', 'b', 'c')), 0, 1), 0, 1)
      const urgent = playlist(keys('a', 'b', 'c'), { mode: 'interrupt', interrupt: keys('u1', 'u2') })
      state = applyPlaylist(state, urgent, 1_000, 1)
      expect(slideKey(state.showing)).toBe('u1')
      expect(state.transition).toBe('cut')
      expect(shown(state, 3)).toEqual(['u1', 'u2', 'u1', 'u2'])
      state = applyPlaylist(nextSlide(state, 2_000, 1), playlist(keys('a', 'b', 'c')), 3_000, 1)
      expect(slideKey(state.showing)).toBe('b')
      expect(state.showing.startedAt).toBe(3_000)
    })

    it('goes to the fallback when the rotation empties, and back when items return', () => {
      let state = startRotation(playlist(keys('a')), 0, 1)
      state = applyPlaylist(state, playlist([]), 0, 1)
      expect(slideKey(state.showing)).toBe('fallback')
      state = applyPlaylist(state, playlist(keys('n')), 0, 1)
      expect(slideKey(state.showing)).toBe('n')
    })

    it('takes a changed duration for the slide on screen', () => {
      const state = startRotation(playlist([slide('a', {}, 10_000)]), 0, 2)
      const next = applyPlaylist(state, playlist([slide('a', {}, 20_000)]), 0, 2)
      expect(next.showing.durationMs).toBe(10_000)
    })
  })
})
