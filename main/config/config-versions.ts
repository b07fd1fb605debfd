import type { SqliteDatabase } from '../cache/sqlite-database.js'

export interface ConfigVersion {
  version: number
  appliedAt: string
  appliedBy: string
  hash: string
  format: 'yaml' | 'json'
  text: string
}

/**
 * Every config the monitor ran, in state.db: a version is one row written in one transaction,
 * so a crash leaves the old or the new config, never a mix. The newest row is the running one.
 */
export class ConfigVersions {
  constructor(private readonly db: SqliteDatabase) {}

  latest(): ConfigVersion | undefined {
    const row = this.db
      .prepare<[], Record<string, unknown>>('SELECT * FROM config_versions ORDER BY version DESC LIMIT 1')
      .get()
    return row ? fromRow(row) : undefined
  }

  /** The newest version applied by `actor` (e.g. the config file). */
  latestBy(actor: string): ConfigVersion | undefined {
    const row = this.db
      .prepare<[string], Record<string, unknown>>(
        'SELECT * FROM config_versions WHERE applied_by = ? ORDER BY version DESC LIMIT 1',
      )
      .get(actor)
    return row ? fromRow(row) : undefined
  }

  get(version: number): ConfigVersion | undefined {
    const row = this.db
      .prepare<[number], Record<string, unknown>>('SELECT * FROM config_versions WHERE version = ?')
      .get(version)
    return row ? fromRow(row) : undefined
  }

  list(limit = 50): Omit<ConfigVersion, 'text'>[] {
    return this.db
      .prepare<[number], Record<string, unknown>>(
        "SELECT version, applied_at, applied_by, hash, format, '' AS text FROM config_versions ORDER BY version DESC LIMIT ?",
      )
      .all(limit)
      .map((row) => {
        const { text: _text, ...rest } = fromRow(row)
        return rest
      })
  }

  /** Stores `text` as the next version and returns it; the write is durable when this returns. */
  append(entry: {
    text: string
    format: 'yaml' | 'json'
    hash: string
    appliedBy: string
    at: Date
  }): ConfigVersion {
    return this.db.transaction(() => {
      const next =
        ((this.db.prepare('SELECT max(version) AS v FROM config_versions').get() as { v: number | null }).v ??
          0) + 1
      this.db
        .prepare(
          'INSERT INTO config_versions (version, applied_at, applied_by, hash, text, format) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(next, entry.at.getTime(), entry.appliedBy, entry.hash, entry.text, entry.format)
      return this.get(next)!
    })()
  }
}

function fromRow(row: Record<string, unknown>): ConfigVersion {
  return {
    version: row.version as number,
    appliedAt: new Date(row.applied_at as number).toISOString(),
    appliedBy: row.applied_by as string,
    hash: row.hash as string,
    format: row.format as 'yaml' | 'json',
    text: row.text as string,
  }
}
