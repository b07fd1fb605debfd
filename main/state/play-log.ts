import { z } from 'zod'
import type { SqliteDatabase } from '../cache/sqlite-database.js'

export const PlayReportSchema = z.strictObject({
  itemId: z.string().max(500).nullable(),
  sourceId: z.string().max(100).nullable(),
  kind: z.string().max(20),
  title: z.string().max(500),
  shownAt: z.iso.datetime({ offset: true }),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000),
})
export type PlayReport = z.infer<typeof PlayReportSchema>

export const PlayReportBatchSchema = z.strictObject({ plays: z.array(PlayReportSchema).min(1).max(200) })

export interface PlayRecord extends PlayReport {
  id: number
}

/** Proof of play: what was on screen when, written through state.db so a restart loses nothing. */
export class PlayLog {
  private readonly insert
  private readonly selectBetween
  private readonly selectLatest

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      'INSERT INTO play_log (shown_at, duration_ms, item_id, source_id, kind, title) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.selectBetween = db.prepare<[number, number, number], PlayRow>(
      'SELECT * FROM play_log WHERE shown_at >= ? AND shown_at < ? ORDER BY shown_at, id LIMIT ?',
    )
    this.selectLatest = db.prepare<[], PlayRow>('SELECT * FROM play_log ORDER BY id DESC LIMIT 1')
  }

  append(plays: readonly PlayReport[]): void {
    this.db.transaction(() => {
      for (const play of plays) {
        this.insert.run(
          Date.parse(play.shownAt),
          play.durationMs,
          play.itemId,
          play.sourceId,
          play.kind,
          play.title,
        )
      }
    })()
  }

  between(from: Date, to: Date, limit = 100_000): PlayRecord[] {
    return this.selectBetween.all(from.getTime(), to.getTime(), limit).map(fromRow)
  }

  /** The newest report: what was last confirmed on screen. */
  latest(): PlayRecord | undefined {
    const row = this.selectLatest.get()
    return row ? fromRow(row) : undefined
  }
}

interface PlayRow {
  id: number
  shown_at: number
  duration_ms: number
  item_id: string | null
  source_id: string | null
  kind: string
  title: string
}

function fromRow(row: PlayRow): PlayRecord {
  return {
    id: row.id,
    itemId: row.item_id,
    sourceId: row.source_id,
    kind: row.kind,
    title: row.title,
    shownAt: new Date(row.shown_at).toISOString(),
    durationMs: row.duration_ms,
  }
}
