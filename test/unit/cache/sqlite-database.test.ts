import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { CACHE_MIGRATIONS, STATE_MIGRATIONS } from '../../../main/cache/cache-schema.js'
import { ContentCache } from '../../../main/cache/content-cache.js'
import { openSqlite } from '../../../main/cache/sqlite-database.js'
import { openStateDatabase } from '../../../main/state/state-database.js'
import { testItem } from '../../helpers/items.js'
import { tempDir } from '../../helpers/temp-dir.js'

describe('openSqlite', () => {
  const dirs: ReturnType<typeof tempDir>[] = []
  const dir = () => {
    const created = tempDir()
    dirs.push(created)
    return created.path
  }
  afterEach(() => {
    for (const created of dirs.splice(0)) created.remove()
  })

  it('brings a new cache and state database to the latest schema, in WAL mode, with the right durability', () => {
    const path = dir()
    const cache = ContentCache.open(path)
    const state = openStateDatabase(path)
    expect(cache.db.pragma('user_version', { simple: true })).toBe(CACHE_MIGRATIONS.at(-1)!.version)
    expect(state.pragma('user_version', { simple: true })).toBe(STATE_MIGRATIONS.at(-1)!.version)
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(state.pragma('journal_mode', { simple: true })).toBe('wal')
    // NORMAL (1) for what feeds can resend, FULL (2) for what people entered.
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(1)
    expect(state.pragma('synchronous', { simple: true })).toBe(2)
    cache.close()
    state.close()
  })

  it('runs every migration step on a database of each earlier version, keeping its data', () => {
    for (const migrations of [CACHE_MIGRATIONS, STATE_MIGRATIONS]) {
      for (let stop = 1; stop < migrations.length; stop++) {
        const file = join(dir(), 'db.sqlite')
        openSqlite(file, { synchronous: 'FULL', migrations: migrations.slice(0, stop) }).close()
        const upgraded = openSqlite(file, { synchronous: 'FULL', migrations })
        expect(upgraded.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version)
        upgraded.close()
      }
    }
    const path = dir()
    const cache = ContentCache.open(path)
    cache.items.replaceSnapshot('news', [testItem({ id: 'news:1', sourceId: 'news' })])
    cache.close()
    const reopened = ContentCache.open(path)
    expect(reopened.items.all().map((item) => item.id)).toEqual(['news:1'])
    reopened.close()
  })

  it('moves a damaged file to quarantine/ and starts with a fresh one, so the kiosk still starts', () => {
    const path = dir()
    writeFileSync(join(path, 'cache.db'), Buffer.alloc(8192, 0x5a))
    let reported: string | undefined
    const cache = ContentCache.open(path, (_to, reason) => {
      reported = reason
    })
    expect(reported).toBeDefined()
    expect(cache.items.all()).toEqual([])
    cache.items.replaceSnapshot('news', [testItem({ id: 'news:1', sourceId: 'news' })])
    expect(cache.items.all()).toHaveLength(1)
    cache.close()
    expect(existsSync(join(path, 'quarantine'))).toBe(true)
    expect(readdirSync(join(path, 'quarantine')).some((file) => file.startsWith('cache.db.'))).toBe(true)
  })

  it('never takes a database locked by another writer for a damaged one', () => {
    const path = dir()
    const cache = ContentCache.open(path)
    cache.items.replaceSnapshot('news', [testItem({ id: 'news:1', sourceId: 'news' })])
    cache.close()
    const holder = new Database(join(path, 'cache.db'))
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      expect(() => ContentCache.open(path)).toThrow(/locked|busy/i)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(existsSync(join(path, 'quarantine'))).toBe(false)
    const reopened = ContentCache.open(path)
    expect(reopened.items.all().map((item) => item.id)).toEqual(['news:1'])
    reopened.close()
  }, 20_000)
})
