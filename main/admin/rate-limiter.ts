export interface FailureLimiterOptions {
  /** Failures allowed within `windowMs`; the next one locks the address out. */
  maxFailures?: number
  windowMs?: number
  /** Addresses remembered at most, so a flood of sources cannot grow memory without bound. */
  maxTracked?: number
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number
}

interface Tracked {
  failures: number[]
  lockedUntil: number
}

/**
 * Failed authentication attempts per client address: after `maxFailures` within the window the
 * address is locked out for a whole window, and every request from it is refused, even one with
 * a valid token, so guessing cannot continue between lucky hits.
 */
export class FailureLimiter {
  private readonly tracked = new Map<string, Tracked>()
  private readonly maxFailures: number
  private readonly windowMs: number
  private readonly maxTracked: number
  private readonly now: () => number

  constructor(options: FailureLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10
    this.windowMs = options.windowMs ?? 10 * 60_000
    this.maxTracked = options.maxTracked ?? 10_000
    this.now = options.now ?? (() => performance.now())
  }

  /** Milliseconds the address must still wait, or 0. */
  lockedForMs(address: string): number {
    const entry = this.tracked.get(address)
    if (!entry) return 0
    const remaining = entry.lockedUntil - this.now()
    return remaining > 0 ? Math.ceil(remaining) : 0
  }

  /** Counts a failure; returns true when it locked the address out. */
  recordFailure(address: string): boolean {
    const now = this.now()
    let entry = this.tracked.get(address)
    if (!entry) {
      if (this.tracked.size >= this.maxTracked) this.evict(now)
      entry = { failures: [], lockedUntil: 0 }
    }
    // Re-inserting keeps the map in order of last failure, oldest first, for eviction.
    this.tracked.delete(address)
    this.tracked.set(address, entry)
    entry.failures = entry.failures.filter((at) => now - at < this.windowMs)
    entry.failures.push(now)
    if (entry.failures.length < this.maxFailures) return false
    entry.failures = []
    entry.lockedUntil = now + this.windowMs
    return true
  }

  private evict(now: number): void {
    for (const [address, entry] of this.tracked) {
      const stale = entry.lockedUntil <= now && entry.failures.every((at) => now - at >= this.windowMs)
      if (stale) this.tracked.delete(address)
    }
    // Still full: forget the addresses that failed longest ago (never one that is locked out).
    for (const [address, entry] of this.tracked) {
      if (this.tracked.size < this.maxTracked) break
      if (entry.lockedUntil <= now) this.tracked.delete(address)
    }
  }
}
