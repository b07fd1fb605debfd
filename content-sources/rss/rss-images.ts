import { htmlAttribute } from './html-tags.js'
import { attributesOf, type RawItem, rawNodes } from './xml-nodes.js'

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i

/**
 * An item's image URLs, best first and each once: image enclosures (TYPO3 sends the same
 * picture twice, the second with `lenght`), Atom enclosure links, media:content and
 * media:thumbnail (also inside media:group), then the first real `<img>` of the content and of
 * the description. URLs may still be relative; the caller resolves and filters them.
 */
export function imageCandidates(item: RawItem, htmlSources: readonly (string | undefined)[]): string[] {
  const found = new Set<string>()
  const add = (url: string | undefined) => {
    const trimmed = url?.trim()
    if (trimmed) found.add(trimmed)
  }

  for (const node of rawNodes(item, 'raw:enclosure')) {
    const { url, type } = attributesOf(node)
    if (url && isImage(url, type)) add(url)
  }
  for (const node of rawNodes(item, 'raw:link')) {
    const { rel, href, type } = attributesOf(node)
    if (rel === 'enclosure' && href && isImage(href, type)) add(href)
  }

  const groups = rawNodes(item, 'raw:media:group')
  const media = [
    ...rawNodes(item, 'raw:media:content'),
    ...groups.flatMap((group) => rawNodes(group, 'media:content')),
  ]
  for (const node of media) {
    const { url, type, medium } = attributesOf(node)
    if (url && (medium ? medium === 'image' : isImage(url, type))) add(url)
  }
  const thumbnails = [
    ...rawNodes(item, 'raw:media:thumbnail'),
    ...[...media, ...groups].flatMap((node) => rawNodes(node, 'media:thumbnail')),
  ]
  for (const node of thumbnails) add(attributesOf(node).url)

  for (const html of htmlSources) add(html ? firstImage(html) : undefined)
  return [...found]
}

function isImage(url: string, type: string | undefined): boolean {
  return type?.trim() ? /^image\//i.test(type.trim()) : IMAGE_PATH.test(url.trim())
}

/** The first `<img>` that is a picture, not a tracking pixel or a lazy-loading placeholder. */
function firstImage(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    if (/\s(?:width|height)\s*=\s*["']?[01](?:px)?["'\s/>]/i.test(tag)) continue
    const source = [htmlAttribute(tag, 'src'), htmlAttribute(tag, 'data-src')].find(
      (url) => url && !/^data:/i.test(url),
    )
    if (source) return source
  }
  return undefined
}
