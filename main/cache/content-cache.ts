import { join } from 'node:path'
import { AssetStore } from './asset-store.js'
import { CACHE_MIGRATIONS } from './cache-schema.js'
import { ItemStore } from './item-store.js'
import { SourceStateStore } from './source-state-store.js'
import { openSqlite, type SqliteDatabase } from './sqlite-database.js'

/** cache.db and the asset folder: everything the feeds delivered, kept for offline use. */
export class ContentCache {
  readonly items: ItemStore
  readonly sources: SourceStateStore
  readonly assets: AssetStore

  private constructor(
    readonly db: SqliteDatabase,
    readonly dir: string,
  ) {
    this.items = new ItemStore(db)
    this.sources = new SourceStateStore(db)
    this.assets = new AssetStore(db, dir)
  }

  static open(dir: string, onQuarantine?: (to: string, reason: string) => void): ContentCache {
    const db = openSqlite(join(dir, 'cache.db'), {
      synchronous: 'NORMAL',
      migrations: CACHE_MIGRATIONS,
      ...(onQuarantine ? { onQuarantine } : {}),
    })
    return new ContentCache(db, dir)
  }

  /** Runs `work` in one transaction (nested calls become savepoints). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  close(): void {
    this.db.close()
  }
}
