/**
 * Proof of play: each slide is reported after it was shown. Reports are batched, retried with
 * backoff while the core does not answer, and capped so a long outage cannot grow the page's
 * memory (the oldest reports are dropped first).
 */
export interface PlayReport {
  itemId: string | null
  sourceId: string | null
  kind: string
  title: string
  shownAt: string
  durationMs: number
}

/** 'rejected': the core refused the batch as invalid, so sending it again would not help. */
export type SendOutcome = 'sent' | 'rejected' | 'failed'

export interface PlayReporterOptions {
  send(plays: PlayReport[]): Promise<SendOutcome>
  maxQueued?: number
  batchSize?: number
  /** How long reports gather before a batch is sent. */
  flushAfterMs?: number
  maxRetryMs?: number
}

export interface PlayReporter {
  record(play: PlayReport): void
  queued(): number
  dispose(): void
}

export function createPlayReporter(options: PlayReporterOptions): PlayReporter {
  const maxQueued = options.maxQueued ?? 1_000
  const batchSize = options.batchSize ?? 100
  const flushAfterMs = options.flushAfterMs ?? 5_000
  const maxRetryMs = options.maxRetryMs ?? 60_000
  let queue: PlayReport[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let sending = false
  let retryMs = flushAfterMs
  let disposed = false

  const schedule = (delayMs: number) => {
    if (timer !== undefined || sending || disposed || queue.length === 0) return
    timer = setTimeout(flush, delayMs)
  }

  async function flush(): Promise<void> {
    timer = undefined
    if (sending || queue.length === 0) return
    sending = true
    const batch = queue.splice(0, batchSize)
    let outcome: SendOutcome
    try {
      outcome = await options.send(batch)
    } catch {
      outcome = 'failed'
    }
    sending = false
    if (outcome === 'failed') {
      queue = [...batch, ...queue].slice(-maxQueued)
      retryMs = Math.min(retryMs * 2, maxRetryMs)
      schedule(retryMs)
      return
    }
    retryMs = flushAfterMs
    schedule(queue.length >= batchSize ? 0 : flushAfterMs)
  }

  return {
    record(play) {
      queue.push(play)
      if (queue.length > maxQueued) queue.splice(0, queue.length - maxQueued)
      if (queue.length >= batchSize && retryMs === flushAfterMs && timer !== undefined) {
        // A full batch goes at once, unless the core is failing and the retry is backing off.
        clearTimeout(timer)
        timer = undefined
      }
      schedule(queue.length >= batchSize ? 0 : flushAfterMs)
    },
    queued: () => queue.length,
    dispose() {
      disposed = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}

/** Posts a batch to the core's player endpoint. */
export async function postPlays(plays: PlayReport[]): Promise<SendOutcome> {
  try {
    const response = await fetch('/api/plays', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plays }),
    })
    if (response.ok) return 'sent'
    return response.status >= 400 && response.status < 500 ? 'rejected' : 'failed'
  } catch {
    return 'failed'
  }
}
