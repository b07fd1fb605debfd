import type { SourceFailure } from '../../content-sources/source-result.js'
import type { SqliteDatabase } from './sqlite-database.js'

/** What the cache remembers about one source between syncs: validators, health, counts. */
export interface SourceState {
  id: string
  /** The URL the validators (etag, last-modified, body hash) belong to. */
  requestUrl?: string
  etag?: string
  lastModified?: string
  bodyHash?: string
  lastAttemptAt?: Date
  lastOkAt?: Date
  lastParsedAt?: Date
  lastChangedAt?: Date
  lastErrorAt?: Date
  lastError?: { code: string; message: string }
  consecutiveFailures: number
  itemCount: number
}

export interface SyncRunRecord {
  sourceId: string
  startedAt: Date
  finishedAt: Date
  outcome: 'changed' | 'unchanged' | 'failed'
  error?: SourceFailure
  itemCount: number
  warnings: string[]
}

interface SourceRow {
  id: string
  request_url: string | null
  etag: string | null
  last_modified: string | null
  body_hash: string | null
  last_attempt_at: number | null
  last_ok_at: number | null
  last_parsed_at: number | null
  last_changed_at: number | null
  last_error_at: number | null
  last_error_code: string | null
  last_error_message: string | null
  consecutive_failures: number
  item_count: number
}

const KEEP_RUNS_PER_SOURCE = 200

export class SourceStateStore {
  private readonly selectOne
  private readonly selectAll
  private readonly insertRun
  private readonly pruneRuns

  constructor(private readonly db: SqliteDatabase) {
    this.selectOne = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE id = ?')
    this.selectAll = db.prepare<[], SourceRow>('SELECT * FROM sources ORDER BY id')
    this.insertRun = db.prepare(
      `INSERT INTO sync_runs (source_id, started_at, finished_at, outcome, error_code, error_message, item_count, warnings)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.pruneRuns = db.prepare(
      'DELETE FROM sync_runs WHERE source_id = ? AND id <= (SELECT max(id) FROM sync_runs WHERE source_id = ?) - ?',
    )
  }

  get(id: string): SourceState {
    const row = this.selectOne.get(id)
    return row ? fromRow(row) : { id, consecutiveFailures: 0, itemCount: 0 }
  }

  all(): SourceState[] {
    return this.selectAll.all().map(fromRow)
  }

  /** Stores the state and the run together, so status never disagrees with the run log. */
  record(state: SourceState, run: SyncRunRecord): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO sources (id, request_url, etag, last_modified, body_hash, last_attempt_at, last_ok_at,
             last_parsed_at, last_changed_at, last_error_at, last_error_code, last_error_message,
             consecutive_failures, item_count)
           VALUES (@id, @request_url, @etag, @last_modified, @body_hash, @last_attempt_at, @last_ok_at,
             @last_parsed_at, @last_changed_at, @last_error_at, @last_error_code, @last_error_message,
             @consecutive_failures, @item_count)
           ON CONFLICT (id) DO UPDATE SET request_url = excluded.request_url, etag = excluded.etag,
             last_modified = excluded.last_modified, body_hash = excluded.body_hash,
             last_attempt_at = excluded.last_attempt_at, last_ok_at = excluded.last_ok_at,
             last_parsed_at = excluded.last_parsed_at, last_changed_at = excluded.last_changed_at,
             last_error_at = excluded.last_error_at, last_error_code = excluded.last_error_code,
             last_error_message = excluded.last_error_message,
             consecutive_failures = excluded.consecutive_failures, item_count = excluded.item_count`,
        )
        .run(toRow(state))
      this.insertRun.run(
        run.sourceId,
        run.startedAt.getTime(),
        run.finishedAt.getTime(),
        run.outcome,
        run.error?.code ?? null,
        run.error?.message ?? null,
        run.itemCount,
        run.warnings.length > 0 ? JSON.stringify(run.warnings.slice(0, 50)) : null,
      )
      this.pruneRuns.run(run.sourceId, run.sourceId, KEEP_RUNS_PER_SOURCE)
    })()
  }

  recentRuns(sourceId: string, limit = 20): SyncRunRecord[] {
    const rows = this.db
      .prepare<[string, number], Record<string, unknown>>(
        'SELECT * FROM sync_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?',
      )
      .all(sourceId, limit)
    return rows.map((row) => ({
      sourceId: row.source_id as string,
      startedAt: new Date(row.started_at as number),
      finishedAt: new Date(row.finished_at as number),
      outcome: row.outcome as SyncRunRecord['outcome'],
      ...(row.error_code
        ? { error: { code: row.error_code, message: row.error_message } as SourceFailure }
        : {}),
      itemCount: row.item_count as number,
      warnings: row.warnings ? (JSON.parse(row.warnings as string) as string[]) : [],
    }))
  }
}

function fromRow(row: SourceRow): SourceState {
  const state: SourceState = {
    id: row.id,
    consecutiveFailures: row.consecutive_failures,
    itemCount: row.item_count,
  }
  if (row.request_url) state.requestUrl = row.request_url
  if (row.etag) state.etag = row.etag
  if (row.last_modified) state.lastModified = row.last_modified
  if (row.body_hash) state.bodyHash = row.body_hash
  if (row.last_attempt_at !== null) state.lastAttemptAt = new Date(row.last_attempt_at)
  if (row.last_ok_at !== null) state.lastOkAt = new Date(row.last_ok_at)
  if (row.last_parsed_at !== null) state.lastParsedAt = new Date(row.last_parsed_at)
  if (row.last_changed_at !== null) state.lastChangedAt = new Date(row.last_changed_at)
  if (row.last_error_at !== null) state.lastErrorAt = new Date(row.last_error_at)
  if (row.last_error_code)
    state.lastError = { code: row.last_error_code, message: row.last_error_message ?? '' }
  return state
}

function toRow(state: SourceState): SourceRow {
  return {
    id: state.id,
    request_url: state.requestUrl ?? null,
    etag: state.etag ?? null,
    last_modified: state.lastModified ?? null,
    body_hash: state.bodyHash ?? null,
    last_attempt_at: state.lastAttemptAt?.getTime() ?? null,
    last_ok_at: state.lastOkAt?.getTime() ?? null,
    last_parsed_at: state.lastParsedAt?.getTime() ?? null,
    last_changed_at: state.lastChangedAt?.getTime() ?? null,
    last_error_at: state.lastErrorAt?.getTime() ?? null,
    last_error_code: state.lastError?.code ?? null,
    last_error_message: state.lastError?.message ?? null,
    consecutive_failures: state.consecutiveFailures,
    item_count: state.itemCount,
  }
}
