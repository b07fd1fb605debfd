import pino from 'pino'

export type Logger = pino.Logger

/**
 * Structured JSON logs on stderr (stdout is the CLI's output). Authorization headers and
 * anything called token are redacted wherever they appear, so a token never lands in a log.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.INFOMONITOR_LOG_LEVEL ?? 'info',
      base: { app: 'infomonitor' },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          'authorization',
          'token',
          '*.token',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination(2),
  )
}

/** For tests and one-shot commands that want silence. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}
