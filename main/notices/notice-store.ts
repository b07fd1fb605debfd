import { randomUUID } from 'node:crypto'
import type { Notice, NoticeFields } from '../../contracts/notice.js'
import type { SqliteDatabase } from '../cache/sqlite-database.js'

/**
 * Notices in state.db (synchronous=FULL): once a method returns, the notice is on disk, so the
 * API acknowledges only what survives a power cut.
 */
export class NoticeStore {
  constructor(private readonly db: SqliteDatabase) {}

  list(): Notice[] {
    return this.db
      .prepare<[], { json: string }>('SELECT json FROM notices ORDER BY created_at DESC, id')
      .all()
      .map((row) => JSON.parse(row.json) as Notice)
  }

  get(id: string): Notice | undefined {
    const row = this.db.prepare<[string], { json: string }>('SELECT json FROM notices WHERE id = ?').get(id)
    return row ? (JSON.parse(row.json) as Notice) : undefined
  }

  create(fields: NoticeFields, actor: string, now: Date): Notice {
    const at = now.toISOString()
    const notice: Notice = {
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      createdBy: actor,
      updatedBy: actor,
      ...clean(fields),
    }
    this.db
      .prepare('INSERT INTO notices (id, created_at, updated_at, json) VALUES (?, ?, ?, ?)')
      .run(notice.id, now.getTime(), now.getTime(), JSON.stringify(notice))
    return notice
  }

  update(id: string, fields: NoticeFields, actor: string, now: Date): Notice | undefined {
    const existing = this.get(id)
    if (!existing) return undefined
    const notice: Notice = {
      id,
      createdAt: existing.createdAt,
      createdBy: existing.createdBy,
      updatedAt: now.toISOString(),
      updatedBy: actor,
      ...clean(fields),
    }
    this.db
      .prepare('UPDATE notices SET updated_at = ?, json = ? WHERE id = ?')
      .run(now.getTime(), JSON.stringify(notice), id)
    return notice
  }

  delete(id: string): Notice | undefined {
    const existing = this.get(id)
    if (existing) this.db.prepare('DELETE FROM notices WHERE id = ?').run(id)
    return existing
  }
}

/** Drops undefined optionals so the stored JSON says only what the press office set. */
function clean(
  fields: NoticeFields,
): Omit<Notice, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'> {
  return JSON.parse(JSON.stringify(fields)) as Omit<
    Notice,
    'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'
  >
}
