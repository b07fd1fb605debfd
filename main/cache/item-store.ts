import { createHash } from 'node:crypto'
import type { ContentItem, ContentKind } from '../../content-sources/content-item.js'
import type { SqliteDatabase } from './sqlite-database.js'

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2 } as const
/** Items without an end are stored with this end so one index range serves every query. */
const OPEN_END = 8.64e15

export interface SnapshotChange {
  added: number
  updated: number
  removed: number
  unchanged: number
}

export interface ItemQuery {
  kind?: ContentKind
  /** Upper bound on rows returned; the playlist never needs more than a few hundred. */
  limit?: number
}

/** The items table: one snapshot per source, replaced whole on every successful sync. */
export class ItemStore {
  private readonly selectHashes
  private readonly upsert
  private readonly deleteOne
  private readonly selectShowable
  private readonly selectShowableOfKind
  private readonly selectAll
  private readonly selectById
  private readonly countBySource

  constructor(private readonly db: SqliteDatabase) {
    this.selectHashes = db.prepare<[string], { id: string; content_hash: string }>(
      'SELECT id, content_hash FROM items WHERE source_id = ?',
    )
    this.upsert = db.prepare(
      `INSERT INTO items (id, source_id, kind, priority_rank, valid_from, valid_until, starts_at, content_hash, image_asset_id, json)
       VALUES (@id, @source_id, @kind, @priority_rank, @valid_from, @valid_until, @starts_at, @content_hash, @image_asset_id, @json)
       ON CONFLICT (id) DO UPDATE SET source_id = excluded.source_id, kind = excluded.kind,
         priority_rank = excluded.priority_rank, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
         starts_at = excluded.starts_at, content_hash = excluded.content_hash,
         image_asset_id = excluded.image_asset_id, json = excluded.json`,
    )
    this.deleteOne = db.prepare('DELETE FROM items WHERE id = ?')
    const showable = `SELECT json FROM items WHERE valid_until > @now AND valid_from <= @now`
    const order = 'ORDER BY priority_rank, coalesce(starts_at, valid_from), id LIMIT @limit'
    this.selectShowable = db.prepare<{ now: number; limit: number }, { json: string }>(`${showable} ${order}`)
    this.selectShowableOfKind = db.prepare<{ now: number; limit: number; kind: string }, { json: string }>(
      `${showable} AND kind = @kind ${order}`,
    )
    this.selectAll = db.prepare<[], { json: string }>(
      'SELECT json FROM items ORDER BY source_id, valid_from, id',
    )
    this.selectById = db.prepare<[string], { json: string }>('SELECT json FROM items WHERE id = ?')
    this.countBySource = db.prepare<[], { source_id: string; count: number }>(
      'SELECT source_id, count(*) AS count FROM items GROUP BY source_id',
    )
  }

  /**
   * Makes `items` the source's whole snapshot in one transaction: new and changed items are
   * written, unchanged ones are left alone, the rest of the source's items are removed.
   */
  replaceSnapshot(sourceId: string, items: readonly ContentItem[]): SnapshotChange {
    return this.db.transaction(() => {
      const existing = new Map(this.selectHashes.all(sourceId).map((row) => [row.id, row.content_hash]))
      const change: SnapshotChange = { added: 0, updated: 0, removed: 0, unchanged: 0 }
      for (const item of items) {
        const json = JSON.stringify(item)
        const hash = createHash('sha1').update(json).digest('hex')
        const previous = existing.get(item.id)
        existing.delete(item.id)
        if (previous === hash) {
          change.unchanged++
          continue
        }
        this.upsert.run(toRow(item, json, hash))
        if (previous === undefined) change.added++
        else change.updated++
      }
      for (const id of existing.keys()) {
        this.deleteOne.run(id)
        change.removed++
      }
      return change
    })()
  }

  /** Items that may be on screen at `now`: inside their validity window, most important first. */
  showable(now: Date, query: ItemQuery = {}): ContentItem[] {
    const parameters = { now: now.getTime(), limit: query.limit ?? 10_000 }
    const rows = query.kind
      ? this.selectShowableOfKind.all({ ...parameters, kind: query.kind })
      : this.selectShowable.all(parameters)
    return rows.map(parseRow)
  }

  all(query: ItemQuery = {}): ContentItem[] {
    const items = this.selectAll.all().map(parseRow)
    return query.kind ? items.filter((item) => item.kind === query.kind) : items
  }

  get(id: string): ContentItem | undefined {
    const row = this.selectById.get(id)
    return row ? parseRow(row) : undefined
  }

  /** Images some cached item still shows; everything else may be collected. */
  referencedAssetIds(): string[] {
    return this.db
      .prepare<[], { id: string }>(
        'SELECT DISTINCT image_asset_id AS id FROM items WHERE image_asset_id IS NOT NULL',
      )
      .all()
      .map((row) => row.id)
  }

  countsBySource(): Map<string, number> {
    return new Map(this.countBySource.all().map((row) => [row.source_id, row.count]))
  }
}

function toRow(item: ContentItem, json: string, hash: string) {
  return {
    id: item.id,
    source_id: item.sourceId,
    kind: item.kind,
    priority_rank: PRIORITY_RANK[item.priority],
    valid_from: Date.parse(item.validFrom),
    valid_until: item.validUntil ? Date.parse(item.validUntil) : OPEN_END,
    starts_at: item.startsAt ? Date.parse(item.startsAt) : null,
    content_hash: hash,
    image_asset_id: item.imageAssetId ?? null,
    json,
  }
}

/** Rows were validated by ContentItemSchema on the way in (every adapter's output is). */
function parseRow(row: { json: string }): ContentItem {
  return JSON.parse(row.json) as ContentItem
}
