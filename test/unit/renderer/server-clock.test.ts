import { describe, expect, it } from 'vitest'
import { createServerClock } from '../../../renderer/kiosk/state/server-clock.js'
import { speedFrom } from '../../../renderer/kiosk/state/speed.js'

describe('createServerClock', () => {
  it('runs on from the core time it last heard, at the local pace', () => {
    let local = 1_000_000
    const clock = createServerClock(() => local)
    expect(clock.now()).toBe(1_000_000)
    clock.sync('2026-12-24T17:00:00.000Z')
    expect(clock.now()).toBe(Date.parse('2026-12-24T17:00:00.000Z'))
    local += 90_000
    expect(new Date(clock.now()).toISOString()).toBe('2026-12-24T17:01:30.000Z')
  })

  it('ignores a time it cannot read', () => {
    const clock = createServerClock(() => 5_000)
    clock.sync('2026-12-24T17:00:00.000Z')
    clock.sync('not a time')
    expect(clock.now()).toBe(Date.parse('2026-12-24T17:00:00.000Z'))
  })
})

describe('speedFrom', () => {
  it('reads ?speed=N and keeps normal speed for anything below 1 or not a number', () => {
    expect(speedFrom('?speed=50')).toBe(50)
    expect(speedFrom('?speed=2.5')).toBe(2.5)
    expect(speedFrom('')).toBe(1)
    expect(speedFrom('?speed=0')).toBe(1)
    expect(speedFrom('?speed=-3')).toBe(1)
    expect(speedFrom('?speed=fast')).toBe(1)
    expect(speedFrom('?speed=Infinity')).toBe(1)
  })
})
