import { createLogger, type Logger } from '../../main/util/logger.js'

export interface CapturedLog {
  log: Logger
  /** Every line logged, parsed. */
  lines: Record<string, unknown>[]
  /** The `msg` of every line, in order. */
  messages(): string[]
}

/** A real logger whose lines land in an array, so a test can assert what was logged. */
export function captureLogger(): CapturedLog {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  })
  return { log, lines, messages: () => lines.map((line) => String(line.msg)) }
}
