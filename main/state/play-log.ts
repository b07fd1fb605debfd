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
  constructor(private readonly db: SqliteDatabase) {}

  append(plays: readonly PlayReport[]): void {
    const insert = this.db.prepare(
      'INSERT INTO play_log (shown_at, duration_ms, item_id, source_id, kind, title) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.db.transaction(() => {
      for (const play of plays) {
        insert.run(
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
    return this.db
      .prepare<[number, number, number], Record<string, unknown>>(
        'SELECT * FROM play_log WHERE shown_at >= ? AND shown_at < ? ORDER BY shown_at, id LIMIT ?',
      )
      .all(from.getTime(), to.getTime(), limit)
      .map((row) => ({
        id: row.id as number,
        itemId: row.item_id as string | null,
        sourceId: row.source_id as string | null,
        kind: row.kind as string,
        title: row.title as string,
        shownAt: new Date(row.shown_at as number).toISOString(),
        durationMs: row.duration_ms as number,
      }))
  }

  latest(): PlayRecord | undefined {
    const newest = this.db
      .prepare<[], { shown_at: number }>('SELECT shown_at FROM play_log ORDER BY id DESC LIMIT 1')
      .get()
    return newest ? this.between(new Date(newest.shown_at), new Date(newest.shown_at + 1)).at(-1) : undefined
  }
}
