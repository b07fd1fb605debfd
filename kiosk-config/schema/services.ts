import { z } from 'zod'
import { IdSchema } from './common.js'

const ListenSchema = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[0-9.]+|localhost):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:8090')

export const AdminTokenSchema = z.strictObject({
  name: z.string().min(1).max(80),
  role: z.enum(['press', 'it']),
  /** `sha256:<64 hex>`, as printed by `infomonitor token create`. The token itself is never stored. */
  hash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256:<64 hex digits> (see infomonitor token create)'),
  expires: z.iso.datetime({ offset: true }).optional(),
})
export type AdminToken = z.infer<typeof AdminTokenSchema>

export const AdminSchema = z.strictObject({
  /** Loopback by default; IT opens it to the LAN deliberately (e.g. 0.0.0.0:8090). */
  listen: ListenSchema.default('127.0.0.1:8090'),
  tokens: z.array(AdminTokenSchema).max(100).default([]),
  /**
   * Whether a config pushed through the API may change the display power commands, which run
   * as shell commands on the device. Only the config file can switch this on.
   */
  allowRemoteCommands: z.boolean().default(false),
  /** Extra host names the admin API answers to (DNS-rebinding guard); IPs and localhost always pass. */
  allowedHosts: z.array(z.string().min(1).max(253)).max(20).default([]),
})

export const PlayerSchema = z.strictObject({
  /** The player endpoint always binds to 127.0.0.1; 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(8080),
})

export const CacheSchema = z.strictObject({
  /** Relative paths are resolved against the config file's folder. */
  dir: z.string().min(1).default('./.infomonitor-cache'),
  /** Downloaded images larger than this are skipped. */
  maxImageBytes: z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(3 * 1024 * 1024),
})

export const TokenNameSchema = IdSchema
