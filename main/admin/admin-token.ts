import { createHash, randomBytes } from 'node:crypto'
import type { AdminRole } from '../../contracts/admin-api.js'

export const TOKEN_PREFIX = 'imt_'
/** `imt_` and 43 base64url characters: 32 random bytes, 256 bits. */
export const TOKEN_PATTERN = /^imt_[A-Za-z0-9_-]{43}$/

export interface AdminTokenEntry {
  name: string
  role: AdminRole
  hash: string
  expires?: string
}

/** A new random token; only its hash goes into the config. */
export function generateAdminToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
}

/** `sha256:<hex>`: a fast hash is enough for a 256-bit random secret, and it never leaves the hash. */
export function hashAdminToken(token: string): string {
  return `sha256:${sha256Hex(token)}`
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** A token and the config entry that admits it. */
export function createAdminToken(fields: { name: string; role: AdminRole; expires?: string }): {
  token: string
  entry: AdminTokenEntry
} {
  const token = generateAdminToken()
  return {
    token,
    entry: {
      name: fields.name,
      role: fields.role,
      hash: hashAdminToken(token),
      ...(fields.expires ? { expires: fields.expires } : {}),
    },
  }
}
