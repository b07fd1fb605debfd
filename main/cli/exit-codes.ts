/** The CLI's contract with scripts (README, "CLI"). */
export const EXIT = {
  ok: 0,
  /** The work failed: a source failed, or `config validate` found problems. */
  failed: 1,
  /** Usage error, or a config other commands cannot start with. */
  usage: 2,
} as const

/** Thrown by a command to stop with a code and a message for stderr. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message)
  }
}
