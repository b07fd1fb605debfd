import type { SqliteDatabase } from '../cache/sqlite-database.js'

export interface AuditEntry {
  id: number
  at: string
  /** The token name that made the change (never the token), or `file` / `system`. */
  actor: string
  action: string
  target?: string
  detail?: unknown
}

/** Who changed what and when: notices, config pushes, rollbacks, forced syncs. state.db, FULL. */
export class AuditLog {
  constructor(private readonly db: SqliteDatabase) {}

  record(entry: { at: Date; actor: string; action: string; target?: string; detail?: unknown }): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(
        entry.at.getTime(),
        entry.actor,
        entry.action,
        entry.target ?? null,
        entry.detail === undefined ? null : JSON.stringify(entry.detail),
      )
  }

  recent(limit = 200, before?: number): AuditEntry[] {
    return this.db
      .prepare<[number, number], Record<string, unknown>>(
        'SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?',
      )
      .all(before ?? Number.MAX_SAFE_INTEGER, limit)
      .map((row) => ({
        id: row.id as number,
        at: new Date(row.at as number).toISOString(),
        actor: row.actor as string,
        action: row.action as string,
        ...(row.target ? { target: row.target as string } : {}),
        ...(row.detail ? { detail: JSON.parse(row.detail as string) as unknown } : {}),
      }))
  }
}
