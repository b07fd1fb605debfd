import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'

export type SqliteDatabase = Database.Database

export interface Migration {
  version: number
  description: string
  up: string
}

export interface OpenOptions {
  /** FULL for what people entered (notices, config); NORMAL for what a feed can resend. */
  synchronous: 'FULL' | 'NORMAL'
  migrations: readonly Migration[]
  /** Called when the file failed its integrity check and was moved aside. */
  onQuarantine?: (quarantinedTo: string, reason: string) => void
}

/**
 * Opens (or creates) a SQLite file in WAL mode, checks its integrity and brings its schema up
 * to date. Only a file SQLite itself calls damaged (SQLITE_CORRUPT, SQLITE_NOTADB, or a failed
 * quick_check) is moved to quarantine/ with its -wal and -shm and replaced by a fresh one: a
 * cache can be re-fetched, and the kiosk must start either way. Anything else (a lock held by
 * another process, missing permissions) is an error for the caller: a busy database is never
 * mistaken for a broken one.
 */
export function openSqlite(path: string, options: OpenOptions): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true })
  const opened = tryOpen(path)
  let db: SqliteDatabase
  if (opened.ok) {
    const problem = integrityProblem(opened.db)
    if (problem) opened.db.close()
    db = problem ? replaceDamaged(path, problem, options) : opened.db
  } else {
    db = replaceDamaged(path, opened.problem, options)
  }
  configure(db, options.synchronous)
  migrate(db, options.migrations)
  return db
}

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB'])

function isDamage(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  return DAMAGED.has(code) || [...DAMAGED].some((damaged) => code.startsWith(`${damaged}_`))
}

function tryOpen(path: string): { ok: true; db: SqliteDatabase } | { ok: false; problem: string } {
  const db = new Database(path)
  try {
    // Wait for a writer in another process instead of failing at once.
    db.pragma('busy_timeout = 5000')
    db.pragma('schema_version')
    return { ok: true, db }
  } catch (error) {
    db.close()
    if (isDamage(error)) return { ok: false, problem: `not a usable database: ${(error as Error).message}` }
    throw error
  }
}

function integrityProblem(db: SqliteDatabase): string | undefined {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const result = rows.map((row) => row.quick_check).join('; ')
    return result === 'ok' ? undefined : `quick_check: ${result}`
  } catch (error) {
    if (isDamage(error)) return `quick_check failed: ${(error as Error).message}`
    throw error
  }
}

function replaceDamaged(path: string, problem: string, options: OpenOptions): SqliteDatabase {
  const target = quarantine(path)
  options.onQuarantine?.(target, problem)
  return new Database(path)
}

function configure(db: SqliteDatabase, synchronous: 'FULL' | 'NORMAL'): void {
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('journal_size_limit = 67108864')
}

function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending = migrations.filter((migration) => migration.version > current)
  for (const migration of pending.sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      db.exec(migration.up)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}

function quarantine(path: string): string {
  const folder = join(dirname(path), 'quarantine')
  mkdirSync(folder, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(folder, `${basename(path)}.${stamp}`)
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  }
  return target
}
