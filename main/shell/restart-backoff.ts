import type { ChildProcess } from 'node:child_process'

export interface RestartBackoffOptions {
  /** The first restart after a stable run waits this long. */
  initialMs: number
  maxMs: number
  /** A run at least this long counts as stable and resets the backoff. */
  stableMs: number
  factor?: number
  now?: () => number
}

/**
 * When to start a process again after it died: at once-ish after a long good run, then
 * doubling while it keeps dying young, so a crash loop does not spin the CPU of a small box.
 */
export class RestartBackoff {
  private attempt = 0
  private startedAt: number | undefined
  private readonly now: () => number

  constructor(private readonly options: RestartBackoffOptions) {
    this.now = options.now ?? Date.now
  }

  /** Call whenever the process (re)started. */
  started(): void {
    this.startedAt = this.now()
  }

  /** The delay before the next start; call once per exit. */
  nextDelay(): number {
    if (this.startedAt !== undefined && this.now() - this.startedAt >= this.options.stableMs) this.attempt = 0
    const delay = Math.min(
      this.options.initialMs * (this.options.factor ?? 2) ** this.attempt,
      this.options.maxMs,
    )
    this.attempt++
    return delay
  }
}

/**
 * Calls `handler` exactly once when a spawned child is gone: it exited, or it could not be
 * started at all (Node then emits 'error' and maybe 'exit' too).
 */
export function whenGone(
  child: ChildProcess,
  handler: (code: number | null, signal: NodeJS.Signals | null, error?: Error) => void,
): void {
  let gone = false
  const once = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
    if (gone) return
    gone = true
    handler(code, signal, error)
  }
  child.once('exit', (code, signal) => once(code, signal))
  child.once('error', (error) => once(null, null, error))
}
