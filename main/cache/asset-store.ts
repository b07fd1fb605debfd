import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { SqliteDatabase } from './sqlite-database.js'

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'

const EXTENSION: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
}

/**
 * Recognises an image by its bytes, never by what the server claimed. SVG is deliberately not
 * an image here: it can carry script, and the screen has no use for it.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif'
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  ) {
    return 'image/webp'
  }
  return undefined
}

export interface Asset {
  id: string
  mime: ImageType
  size: number
  path: string
}

/**
 * Images on disk, named by the SHA-256 of their bytes and indexed in a database: downloaded
 * feed images (cache.db, assets/) and images uploaded with notices (state.db, uploads/, written
 * durably: the file is synced to disk before the upload is acknowledged).
 */
export class AssetStore {
  readonly folder: string

  constructor(
    private readonly db: SqliteDatabase,
    baseDir: string,
    private readonly options: { folder: string; durable: boolean } = { folder: 'assets', durable: false },
  ) {
    this.folder = join(baseDir, options.folder)
    mkdirSync(this.folder, { recursive: true })
  }

  /** Stores image bytes (type-checked) and returns the asset; identical bytes are stored once. */
  put(bytes: Buffer, now: Date): Asset | undefined {
    const mime = sniffImageType(bytes)
    if (!mime) return undefined
    const id = createHash('sha256').update(bytes).digest('hex')
    const path = join(this.folder, `${id}.${EXTENSION[mime]}`)
    if (!existsSync(path)) {
      const temporary = `${path}.${process.pid}.tmp`
      writeFileSync(temporary, bytes, { flush: this.options.durable })
      renameSync(temporary, path)
      if (this.options.durable) syncFolder(this.folder)
    }
    this.db
      .prepare('INSERT OR IGNORE INTO assets (id, mime, size, created_at) VALUES (?, ?, ?, ?)')
      .run(id, mime, bytes.length, now.getTime())
    return { id, mime, size: bytes.length, path }
  }

  get(id: string): Asset | undefined {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined
    const row = this.db
      .prepare<[string], { mime: ImageType; size: number }>('SELECT mime, size FROM assets WHERE id = ?')
      .get(id)
    if (!row) return undefined
    return { id, mime: row.mime, size: row.size, path: join(this.folder, `${id}.${EXTENSION[row.mime]}`) }
  }

  /** The asset already downloaded from this URL, so an unchanged image is not fetched again. */
  forUrl(url: string): Asset | undefined {
    const row = this.db
      .prepare<[string], { asset_id: string }>('SELECT asset_id FROM asset_urls WHERE url = ?')
      .get(url)
    return row ? this.get(row.asset_id) : undefined
  }

  rememberUrl(url: string, assetId: string, now: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO asset_urls (url, asset_id, fetched_at) VALUES (?, ?, ?)')
      .run(url, assetId, now.getTime())
  }

  /**
   * Deletes assets no item refers to any more (and older than `createdBefore`), rows first and
   * files after, so a crash
   * in between leaves at worst an orphan file (removed on the next run), never a dangling row.
   */
  collectGarbage(
    referenced: ReadonlySet<string>,
    createdBefore: Date = new Date(Date.now() - 60 * 60_000),
  ): number {
    // Young assets may belong to a sync that has downloaded them but not yet stored its items.
    const unused = this.db
      .prepare<[number], { id: string }>('SELECT id FROM assets WHERE created_at < ?')
      .all(createdBefore.getTime())
      .map((row) => row.id)
      .filter((id) => !referenced.has(id))
    const remove = this.db.prepare('DELETE FROM assets WHERE id = ?')
    this.db.transaction(() => {
      for (const id of unused) remove.run(id)
    })()
    const known = new Set(
      this.db
        .prepare<[], { id: string }>('SELECT id FROM assets')
        .all()
        .map((row) => row.id),
    )
    let removedFiles = 0
    for (const file of readdirSync(this.folder)) {
      const id = file.split('.')[0]!
      if (!known.has(id)) {
        rmSync(join(this.folder, file), { force: true })
        removedFiles++
      }
    }
    return removedFiles
  }

  totalBytes(): number {
    return (this.db.prepare('SELECT coalesce(sum(size), 0) AS total FROM assets').get() as { total: number })
      .total
  }
}

/** Makes a rename durable: the folder entry itself must reach the disk. */
function syncFolder(folder: string): void {
  const descriptor = openSync(folder, 'r')
  try {
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}
