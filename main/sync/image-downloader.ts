import type { ContentItem } from '../../content-sources/content-item.js'
import { fetchDocument } from '../../content-sources/fetch/http-fetch.js'
import type { ContentCache } from '../cache/content-cache.js'

const MAX_NEW_IMAGES_PER_SYNC = 25
const IMAGE_TIMEOUT_MS = 15_000

/**
 * Gives items with an image URL a local asset, so the screen never loads anything from the
 * internet. Known URLs reuse their asset; new ones are fetched with limits and type-checked.
 * An image that cannot be had costs a warning, never the item.
 */
export async function attachImages(
  items: readonly ContentItem[],
  options: { cache: ContentCache; now: Date; maxBytes: number; warnings: string[] },
): Promise<ContentItem[]> {
  const { cache, now, maxBytes, warnings } = options
  let fetched = 0
  const result: ContentItem[] = []
  for (const item of items) {
    if (!item.imageUrl || item.imageAssetId) {
      result.push(item)
      continue
    }
    let asset = cache.assets.forUrl(item.imageUrl)
    if (!asset && fetched < MAX_NEW_IMAGES_PER_SYNC) {
      fetched++
      const outcome = await fetchDocument({ url: item.imageUrl, timeoutMs: IMAGE_TIMEOUT_MS, maxBytes, accept: 'image/*' })
      if (outcome.ok && !outcome.notModified) {
        asset = cache.assets.put(outcome.document.bytes, now)
        if (asset) cache.assets.rememberUrl(item.imageUrl, asset.id, now)
        else warnings.push(`image ${item.imageUrl} is not a PNG, JPEG, WebP or GIF; skipped`)
      } else if (!outcome.ok) {
        warnings.push(`image ${item.imageUrl}: ${outcome.error.message}`)
      }
    }
    result.push(asset ? { ...item, imageAssetId: asset.id } : item)
  }
  return result
}
