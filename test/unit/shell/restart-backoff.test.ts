import { describe, expect, it } from 'vitest'
import { RestartBackoff } from '../../../main/shell/restart-backoff.js'

describe('RestartBackoff', () => {
  it('doubles the pause while the process keeps dying young, up to the maximum', () => {
    let now = 0
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 5000, stableMs: 60_000, now: () => now })
    const delays: number[] = []
    for (let run = 0; run < 6; run++) {
      backoff.started()
      now += 2000
      delays.push(backoff.nextDelay())
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 5000, 5000])
  })

  it('starts over after a run that lasted long enough', () => {
    let now = 0
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 30_000, stableMs: 60_000, now: () => now })
    backoff.started()
    backoff.nextDelay()
    backoff.nextDelay()
    backoff.started()
    now += 60_000
    expect(backoff.nextDelay()).toBe(500)
  })
})
