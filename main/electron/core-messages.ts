import { z } from 'zod'

/** What the core's utility process tells the main process. */
export const CoreMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), url: z.url({ protocol: /^http$/ }) }),
  z.strictObject({ type: z.literal('failed'), message: z.string().max(20_000) }),
  /** The admin API wants a screenshot; answered with `screenshot-result` and the same id. */
  z.strictObject({ type: z.literal('screenshot-request'), id: z.number().int().nonnegative() }),
])
export type CoreMessage = z.infer<typeof CoreMessageSchema>

export interface ShellStatusSnapshot {
  running: boolean
  restarts: number
  recoveries: number
  lastRestartAt?: string
  lastReason?: string
}

/** What the main process tells the core. */
export type CoreCommand =
  | { type: 'stop' }
  | { type: 'screenshot-result'; id: number; png?: Uint8Array; error?: string }
  | { type: 'shell-status'; status: ShellStatusSnapshot }
