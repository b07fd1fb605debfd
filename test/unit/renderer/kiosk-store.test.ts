import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlayerState, Slide } from '../../../contracts/player-state.js'
import { createKioskStore, type KioskStore } from '../../../renderer/kiosk/state/kiosk-store.js'
import type { PlayReport } from '../../../renderer/kiosk/state/play-reporter.js'
import { createServerClock } from '../../../renderer/kiosk/state/server-clock.js'

const START = Date.parse('2026-11-21T10:00:00.000Z')

function slide(key: string, durationMs = 10_000, title = `Titel ${key}`): Slide {
  return {
    key,
    durationMs,
    item: { id: key, sourceId: 'test', kind: 'event', priority: 'normal', title, text: '' },
  }
}

function state(rotation: Slide[], patch: Partial<PlayerState> = {}): PlayerState {
  return {
    monitor: { id: 'm', name: 'Schmölln', locale: 'de-DE', timezone: 'Europe/Berlin', orientation: 'auto' },
    layout: {
      theme: 'light',
      clock: true,
      weather: true,
      ticker: { enabled: true, speed: 6 },
      qrCodes: true,
    },
    display: { on: true },
    playlist: {
      mode: rotation.length > 0 ? 'rotation' : 'fallback',
      interrupt: [],
      rotation,
      ticker: [],
      version: '1',
    },
    freshness: { stale: false },
    serverTime: new Date(Date.now()).toISOString(),
    ...patch,
  }
}

describe('KioskStore', () => {
  let plays: PlayReport[]
  let store: KioskStore

  beforeEach(() => {
    vi.useFakeTimers({ now: START })
    plays = []
    store = createKioskStore({ clock: createServerClock(), speed: 1, onPlay: (play) => plays.push(play) })
  })
  afterEach(() => {
    store.dispose()
    vi.useRealTimers()
  })

  it('shows nothing until the first state arrives, then its first slide', () => {
    expect(store.slideKey()).toBeUndefined()
    store.receiveState(state([slide('a'), slide('b')]))
    expect(store.slideKey()).toBe('a')
  })

  it('moves on when each slide has had its time, and counts the changes', () => {
    store.receiveState(state([slide('a', 5_000), slide('b', 8_000)]))
    vi.advanceTimersByTime(4_999)
    expect(store.slideKey()).toBe('a')
    vi.advanceTimersByTime(1)
    expect(store.slideKey()).toBe('b')
    vi.advanceTimersByTime(8_000)
    expect(store.slideKey()).toBe('a')
    expect(store.view().rotations).toBe(2)
  })

  it('runs N times faster with a speed factor', () => {
    store.dispose()
    store = createKioskStore({ clock: createServerClock(), speed: 100, onPlay: () => {} })
    store.receiveState(state([slide('a', 10_000), slide('b', 10_000)]))
    vi.advanceTimersByTime(10_000)
    expect(store.view().rotations).toBe(100)
  })

  it('reports each slide after it was shown, with when and for how long', () => {
    store.receiveState(state([slide('a', 5_000), slide('b', 8_000)]))
    vi.advanceTimersByTime(5_000)
    expect(plays).toEqual([
      {
        itemId: 'a',
        sourceId: 'test',
        kind: 'event',
        title: 'Titel a',
        shownAt: '2026-11-21T10:00:00.000Z',
        durationMs: 5_000,
      },
    ])
  })

  it('replaces a removed item at once and reports how long it was actually shown', () => {
    store.receiveState(state([slide('a'), slide('b'), slide('c')]))
    vi.advanceTimersByTime(3_000)
    store.receiveState(state([slide('b'), slide('c')]))
    expect(store.slideKey()).toBe('b')
    expect(plays.at(-1)).toMatchObject({ itemId: 'a', durationMs: 3_000 })
    vi.advanceTimersByTime(10_000)
    expect(store.slideKey()).toBe('c')
  })

  it('keeps the timing of the slide on screen when an unrelated item changes', () => {
    store.receiveState(state([slide('a'), slide('b')]))
    vi.advanceTimersByTime(6_000)
    store.receiveState(state([slide('a', 10_000, 'Titel a (berichtigt)'), slide('b'), slide('c')]))
    expect(store.view().rotation?.showing.slide?.item.title).toBe('Titel a (berichtigt)')
    vi.advanceTimersByTime(4_000)
    expect(store.slideKey()).toBe('b')
    expect(plays).toHaveLength(1)
    expect(plays[0]).toMatchObject({ title: 'Titel a (berichtigt)', durationMs: 10_000 })
  })

  it('stops the rotation while the display is off and starts again when it is on', () => {
    store.receiveState(state([slide('a', 5_000), slide('b', 5_000)]))
    vi.advanceTimersByTime(2_000)
    store.receiveState(state([slide('a', 5_000), slide('b', 5_000)], { display: { on: false } }))
    expect(store.slideKey()).toBeUndefined()
    expect(plays).toHaveLength(1)
    vi.advanceTimersByTime(60_000)
    expect(plays).toHaveLength(1)
    store.receiveState(state([slide('a', 5_000), slide('b', 5_000)]))
    expect(store.slideKey()).toBe('a')
  })

  it('follows the core clock, also when the core runs at another time (--now)', () => {
    const christmasEve = '2026-12-24T17:00:00.000Z'
    store.receiveState(state([slide('a', 5_000), slide('b')], { serverTime: christmasEve }))
    vi.advanceTimersByTime(5_000)
    expect(plays[0]?.shownAt).toBe(christmasEve)
    store.receiveTime('2026-12-24T17:10:00.000Z')
    vi.advanceTimersByTime(10_000)
    expect(plays[1]?.shownAt).toBe('2026-12-24T17:00:05.000Z')
    expect(store.slideKey()).toBe('a')
  })

  it('tells subscribers about every change and stops when they unsubscribe', () => {
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    store.receiveState(state([slide('a', 1_000), slide('b', 1_000)]))
    vi.advanceTimersByTime(1_000)
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    vi.advanceTimersByTime(1_000)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('does not redraw when a reconnecting stream resends the same state', () => {
    const listener = vi.fn()
    store.subscribe(listener)
    store.receiveState(state([slide('a'), slide('b')]))
    vi.advanceTimersByTime(2_000)
    store.receiveState(state([slide('a'), slide('b')]))
    expect(listener).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(8_000)
    expect(store.slideKey()).toBe('b')
  })

  it('leaves no timer behind when disposed', () => {
    store.receiveState(state([slide('a'), slide('b')]))
    store.dispose()
    expect(vi.getTimerCount()).toBe(0)
  })
})
