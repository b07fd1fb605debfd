import { describe, expect, it } from 'vitest'
import { FailureLimiter } from '../../../main/admin/rate-limiter.js'

describe('FailureLimiter', () => {
  it('locks an address for a whole window after the tenth failure within it', () => {
    let now = 0
    const limiter = new FailureLimiter({ now: () => now })
    for (let n = 1; n < 10; n++) {
      expect(limiter.recordFailure('10.0.0.1')).toBe(false)
      now += 1_000
    }
    expect(limiter.lockedForMs('10.0.0.1')).toBe(0)
    expect(limiter.recordFailure('10.0.0.1')).toBe(true)
    expect(limiter.lockedForMs('10.0.0.1')).toBe(600_000)
    expect(limiter.lockedForMs('10.0.0.2')).toBe(0)
    now += 599_999
    expect(limiter.lockedForMs('10.0.0.1')).toBe(1)
    now += 1
    expect(limiter.lockedForMs('10.0.0.1')).toBe(0)
    // The lock-out cleared the count: one more failure does not lock again.
    expect(limiter.recordFailure('10.0.0.1')).toBe(false)
  })

  it('forgets old failures and stays bounded in the addresses it remembers', () => {
    let now = 0
    const limiter = new FailureLimiter({ now: () => now, maxTracked: 100 })
    for (let n = 0; n < 9; n++) limiter.recordFailure('10.0.0.1')
    now += 600_000
    expect(limiter.recordFailure('10.0.0.1')).toBe(false)
    for (let n = 0; n < 10; n++) limiter.recordFailure('10.9.9.9')
    for (let n = 0; n < 1_000; n++) limiter.recordFailure(`192.168.${n >> 8}.${n & 255}`)
    expect((limiter as unknown as { tracked: Map<string, unknown> }).tracked.size).toBeLessThanOrEqual(101)
    expect(limiter.lockedForMs('10.9.9.9')).toBeGreaterThan(0)
  })
})
