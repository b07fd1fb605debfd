import { existsSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sniffImageType } from '../../../main/cache/asset-store.js'
import { ContentCache } from '../../../main/cache/content-cache.js'
import { tempDir } from '../../helpers/temp-dir.js'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

describe('AssetStore', () => {
  it('recognises images by their bytes and refuses SVG and anything else', () => {
    expect(sniffImageType(PNG)).toBe('image/png')
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(
      sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>')),
    ).toBeUndefined()
    expect(sniffImageType(Buffer.from('<html>not an image</html>'))).toBeUndefined()
  })

  it('stores identical bytes once under their hash, and collects only unreferenced, older assets', () => {
    const dir = tempDir()
    const cache = ContentCache.open(dir.path)
    try {
      const old = new Date('2026-11-01T00:00:00Z')
      const first = cache.assets.put(PNG, old)!
      const again = cache.assets.put(PNG, old)!
      expect(again.id).toBe(first.id)
      expect(readdirSync(cache.assets.folder)).toEqual([`${first.id}.png`])

      const other = Buffer.concat([PNG, Buffer.from([0])])
      const young = cache.assets.put(other, new Date())!
      // Referenced: kept. Unreferenced but young (a sync may be about to store its item): kept.
      expect(cache.assets.collectGarbage(new Set([first.id]))).toBe(0)
      expect(existsSync(young.path)).toBe(true)
      // Unreferenced and old: removed, row and file.
      expect(cache.assets.collectGarbage(new Set(), new Date('2026-11-02T00:00:00Z'))).toBe(1)
      expect(cache.assets.get(first.id)).toBeUndefined()
      expect(existsSync(first.path)).toBe(false)
      expect(existsSync(young.path)).toBe(true)
    } finally {
      cache.close()
      dir.remove()
    }
  })
})
