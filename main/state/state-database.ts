import { join } from 'node:path'
import { STATE_MIGRATIONS } from '../cache/cache-schema.js'
import { openSqlite, type SqliteDatabase } from '../cache/sqlite-database.js'

/**
 * state.db: what people entered and what must be proven later. synchronous=FULL, so a write
 * that returned is on disk: the API acknowledges only after it returns.
 */
export function openStateDatabase(
  dir: string,
  onQuarantine?: (to: string, reason: string) => void,
): SqliteDatabase {
  return openSqlite(join(dir, 'state.db'), {
    synchronous: 'FULL',
    migrations: STATE_MIGRATIONS,
    ...(onQuarantine ? { onQuarantine } : {}),
  })
}
