// Shared by the RSS adapter's tests: parse a feed as the sync would, and build small feeds.
import { readFileSync } from 'node:fs'
import type { ContentItem } from '../../../content-sources/content-item.js'
import { rssSource } from '../../../content-sources/rss/rss-source.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import { testMonitor, testSource } from '../../helpers/configs.js'

export const NOW = new Date('2026-11-21T10:00:00Z')
export const DAY_MS = 24 * 60 * 60 * 1000
export const FEED_URL = 'https://www.schmoelln.de/aktuelles/feed.xml'

export interface ParseOptions {
  url?: string
  contentType?: string
  source?: Record<string, unknown>
}

export async function parse(body: string | Buffer, options: ParseOptions = {}): Promise<SourceResult> {
  const url = options.url ?? FEED_URL
  const document = { url, bytes: typeof body === 'string' ? Buffer.from(body, 'utf8') : body }
  if (options.contentType) Object.assign(document, { contentType: options.contentType })
  const context = { source: testSource('rss', { url, ...options.source }), monitor: testMonitor(), now: NOW }
  return rssSource.parse(document, context)
}

export async function items(body: string | Buffer, options: ParseOptions = {}): Promise<ContentItem[]> {
  const result = await parse(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result.items
}

export async function first(body: string | Buffer, options: ParseOptions = {}): Promise<ContentItem> {
  const [item] = await items(body, options)
  if (!item) throw new Error('expected at least one item')
  return item
}

export function rss(itemXml: string, channelExtra = '<link>https://www.schmoelln.de/</link>'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Stadt Schmölln</title>${channelExtra}<description>Aktuelles</description>
${itemXml}
</channel></rss>`
}

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/rss/${name}`, import.meta.url))
