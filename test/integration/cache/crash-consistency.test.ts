import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ContentCache } from '../../../main/cache/content-cache.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { rssFeed } from '../../helpers/rss-fixtures.js'
import { tempDir } from '../../helpers/temp-dir.js'

const ITEMS = 1500
const KILLS = 12

describe('ContentCache under kill -9', () => {
  const server = new FixtureServer()
  const titles = (prefix: string) => Array.from({ length: ITEMS }, (_, index) => `${prefix} Meldung ${index}`)

  beforeAll(async () => {
    server.route('/feed-a.xml', { body: rssFeed(titles('A')) })
    server.route('/feed-b.xml', { body: rssFeed(titles('B')) })
    await server.start()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('is consistent after a sync process is killed at random points: one whole snapshot, never a mix', async () => {
    const dir = tempDir()
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(import.meta.dirname, 'sync-child.ts'), dir.path, server.origin],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        )
        await firstLine(child)
        // Let it run into the middle of a later sync (fetch, parse or the write transaction).
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400))
        child.kill('SIGKILL')
        await new Promise((resolve) => child.once('exit', resolve))

        const raw = new Database(join(dir.path, 'cache.db'))
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
        raw.close()
        const cache = ContentCache.open(dir.path)
        const stored = cache.items.all().map((item) => item.title)
        const state = cache.sources.get('crash-news')
        cache.close()
        expect(stored).toHaveLength(ITEMS)
        const prefixes = new Set(stored.map((title) => title[0]))
        expect(prefixes.size).toBe(1)
        expect(state.itemCount).toBe(ITEMS)
      }
    } finally {
      dir.remove()
    }
  }, 180_000)
})

function firstLine(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`sync child exited early (${code})`)))
  })
}
