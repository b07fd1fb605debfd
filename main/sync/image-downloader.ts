import type { ContentItem } from '../../content-sources/content-item.js'
import { noDeeperThan } from '../../content-sources/fetch/address-policy.js'
import { fetchDocument } from '../../content-sources/fetch/http-fetch.js'
import type { ContentCache } from '../cache/content-cache.js'

const MAX_NEW_IMAGES_PER_SYNC = 25
const CONCURRENT_DOWNLOADS = 4
const IMAGE_TIMEOUT_MS = 15_000

/**
 * Gives items with an image URL a local asset, so the screen never loads anything from the
 * internet. Known URLs reuse their asset; up to 25 new ones per sync are fetched (four at a
 * time) with limits and type-checked by their bytes. An image that cannot be had costs a
 * warning, never the item.
 */
export async function attachImages(
  items: readonly ContentItem[],
  options: {
    cache: ContentCache
    now: Date
    maxBytes: number
    warnings: string[]
    /** The feed that named the images: they may not lead deeper into the network than it. */
    origin: string
  },
): Promise<ContentItem[]> {
  const { cache, now, maxBytes, warnings } = options
  const guard = noDeeperThan(options.origin)
  const assetByUrl = new Map<string, string | undefined>()
  const wanted: string[] = []
  for (const item of items) {
    if (!item.imageUrl || item.imageAssetId || assetByUrl.has(item.imageUrl)) continue
    const known = cache.assets.forUrl(item.imageUrl)
    assetByUrl.set(item.imageUrl, known?.id)
    if (!known && wanted.length < MAX_NEW_IMAGES_PER_SYNC) wanted.push(item.imageUrl)
  }
  const download = async (url: string) => {
    const outcome = await fetchDocument({
      url,
      timeoutMs: IMAGE_TIMEOUT_MS,
      maxBytes,
      accept: 'image/*',
      guard,
    })
    if (!outcome.ok) return void warnings.push(`image ${url}: ${outcome.error.message}`)
    if (outcome.notModified) return
    const asset = cache.assets.put(outcome.document.bytes, now)
    if (!asset) return void warnings.push(`image ${url} is not a PNG, JPEG, WebP or GIF; skipped`)
    cache.assets.rememberUrl(url, asset.id, now)
    assetByUrl.set(url, asset.id)
  }
  const queue = [...wanted]
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_DOWNLOADS, queue.length) }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) await download(url)
    }),
  )
  return items.map((item) => {
    const assetId = item.imageUrl && !item.imageAssetId ? assetByUrl.get(item.imageUrl) : undefined
    return assetId ? { ...item, imageAssetId: assetId } : item
  })
}
