import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createPlayReporter,
  type PlayReport,
  type SendOutcome,
} from '../../../renderer/kiosk/state/play-reporter.js'

const play = (index: number): PlayReport => ({
  itemId: `item-${index}`,
  sourceId: null,
  kind: 'news',
  title: `Meldung ${index}`,
  shownAt: new Date(Date.UTC(2026, 10, 21, 10, 0, index)).toISOString(),
  durationMs: 10_000,
})

describe('PlayReporter', () => {
  let outcomes: SendOutcome[]
  let batches: PlayReport[][]
  const send = async (plays: PlayReport[]) => {
    batches.push(plays)
    return outcomes.shift() ?? 'sent'
  }

  beforeEach(() => {
    vi.useFakeTimers()
    outcomes = []
    batches = []
  })
  afterEach(() => vi.useRealTimers())

  it('sends the plays of a while together in one request', async () => {
    const reporter = createPlayReporter({ send, flushAfterMs: 5_000 })
    reporter.record(play(1))
    reporter.record(play(2))
    await vi.advanceTimersByTimeAsync(4_999)
    expect(batches).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(batches).toEqual([[play(1), play(2)]])
    expect(reporter.queued()).toBe(0)
  })

  it('sends at once when a batch is full, in batches the core accepts', async () => {
    const reporter = createPlayReporter({ send, batchSize: 3 })
    for (let index = 0; index < 7; index++) reporter.record(play(index))
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(batches.map((batch) => batch.length)).toEqual([3, 3])
    await vi.advanceTimersByTimeAsync(5_000)
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1])
  })

  it('keeps plays while the core does not answer and delivers them later, oldest first', async () => {
    outcomes = ['failed', 'failed']
    const reporter = createPlayReporter({ send, flushAfterMs: 1_000 })
    reporter.record(play(1))
    await vi.advanceTimersByTimeAsync(1_000)
    reporter.record(play(2))
    await vi.advanceTimersByTimeAsync(2_000)
    expect(reporter.queued()).toBe(2)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(batches.at(-1)).toEqual([play(1), play(2)])
    expect(reporter.queued()).toBe(0)
  })

  it('backs off between retries up to a limit', async () => {
    outcomes = Array.from({ length: 20 }, () => 'failed' as const)
    const reporter = createPlayReporter({ send, flushAfterMs: 1_000, maxRetryMs: 8_000 })
    reporter.record(play(1))
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 8_000)
    expect(batches).toHaveLength(5)
  })

  it('caps the queue during a long outage by dropping the oldest plays', async () => {
    outcomes = Array.from({ length: 100 }, () => 'failed' as const)
    const reporter = createPlayReporter({ send, maxQueued: 50, batchSize: 10 })
    for (let index = 0; index < 500; index++) reporter.record(play(index))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(reporter.queued()).toBeLessThanOrEqual(50)
    outcomes = []
    await vi.advanceTimersByTimeAsync(600_000)
    const delivered = batches.slice(-5).flat()
    expect(delivered.at(-1)).toEqual(play(499))
  })

  it('drops a batch the core rejects as invalid instead of retrying it forever', async () => {
    outcomes = ['rejected']
    const reporter = createPlayReporter({ send, flushAfterMs: 1_000 })
    reporter.record(play(1))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(reporter.queued()).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(batches).toHaveLength(1)
  })
})
