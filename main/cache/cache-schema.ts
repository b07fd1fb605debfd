import type { Migration } from './sqlite-database.js'

/** Images by content hash (AssetStore): feed images in cache.db, notice uploads in state.db. */
const ASSET_TABLES = `
  CREATE TABLE assets (
    id TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE asset_urls (
    url TEXT PRIMARY KEY,
    asset_id TEXT NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    fetched_at INTEGER NOT NULL
  );
`

/** cache.db: what the feeds can send again. WAL + synchronous=NORMAL. */
export const CACHE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'items, source state, sync runs, assets',
    up: `
      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        priority_rank INTEGER NOT NULL,
        valid_from INTEGER NOT NULL,
        valid_until INTEGER NOT NULL,
        starts_at INTEGER,
        content_hash TEXT NOT NULL,
        image_asset_id TEXT,
        json TEXT NOT NULL
      );
      CREATE INDEX items_by_source ON items (source_id);
      CREATE INDEX items_showable ON items (valid_until, valid_from);
      CREATE INDEX items_by_kind ON items (kind, valid_until);

      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        request_url TEXT,
        etag TEXT,
        last_modified TEXT,
        body_hash TEXT,
        last_attempt_at INTEGER,
        last_ok_at INTEGER,
        last_parsed_at INTEGER,
        last_changed_at INTEGER,
        last_error_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        item_count INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('changed', 'unchanged', 'failed')),
        error_code TEXT,
        error_message TEXT,
        item_count INTEGER NOT NULL DEFAULT 0,
        warnings TEXT
      );
      CREATE INDEX sync_runs_by_source ON sync_runs (source_id, id);

      ${ASSET_TABLES}
    `,
  },
]

/**
 * state.db: what people entered and what must be proven later (notices, config versions, audit
 * and play logs). WAL + synchronous=FULL: acknowledged means on disk.
 */
export const STATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'notices, config versions, audit log, play log',
    up: `
      CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        json TEXT NOT NULL
      );
      CREATE TABLE config_versions (
        version INTEGER PRIMARY KEY,
        applied_at INTEGER NOT NULL,
        applied_by TEXT NOT NULL,
        hash TEXT NOT NULL,
        text TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('yaml', 'json'))
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      );
      CREATE TABLE play_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        shown_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        item_id TEXT,
        source_id TEXT,
        kind TEXT NOT NULL,
        title TEXT NOT NULL
      );
      CREATE INDEX play_log_by_time ON play_log (shown_at);
    `,
  },
  {
    version: 2,
    description: 'images uploaded with notices',
    up: `
      ${ASSET_TABLES}
    `,
  },
]
