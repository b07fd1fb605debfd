import Parser from 'rss-parser'
import { imageCandidates } from './rss-images.js'
import { attributesOf, type RawItem, rawNodes, textOf } from './xml-nodes.js'

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with rss-parser. rss-parser finds the items wherever
 * the format keeps them; the fields themselves are read from the raw XML nodes (customFields with
 * keepArray), because its own mapping drops what a kiosk needs: Atom text types, a second
 * enclosure, media:*, link elements without href, isPermaLink.
 */
export interface FeedEntry {
  /** HTML: text the feed marked as plain text is escaped, so the shared sanitiser keeps it literal. */
  title?: string
  summary?: string
  content?: string
  /** As in the feed: may be relative. */
  link?: string
  /** guid, Atom id or rdf:about. */
  id?: string
  /** Raw date strings, most authoritative first. */
  published: string[]
  updated: string[]
  /** Image URLs in order of preference, deduplicated, possibly relative. */
  images: string[]
}

export interface ParsedFeed {
  /** The channel's or feed's web page. */
  link?: string
  language?: string
  entries: FeedEntry[]
}

export type FeedReadResult =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; problem: 'malformed'; reason: string; line?: number; column?: number }
  | { ok: false; problem: 'not-a-feed'; rootElement?: string; reason: string }

const PUBLISHED_FIELDS = [
  'pubDate',
  'atom-published',
  'issued',
  'dc:date',
  'dcterms:issued',
  'created',
  'dcterms:created',
]
const UPDATED_FIELDS = ['atom-updated', 'modified', 'dcterms:modified']
const RAW_FIELDS = [
  ...['title', 'dc:title', 'link', 'guid', 'id', 'description', 'dc:description', 'summary', 'content'],
  ...['content:encoded', 'enclosure', 'media:content', 'media:thumbnail', 'media:group'],
  ...PUBLISHED_FIELDS,
  ...UPDATED_FIELDS,
]

// rss-parser runs `new Date(published).toISOString()` on Atom dates, which throws on the first
// German or broken date and loses the whole feed; renamed, they reach us untouched.
const renameAtomDates = (name: string) => (name === 'published' || name === 'updated' ? `atom-${name}` : name)

/** Parses prepared (repaired) feed XML. Never throws: problems come back as values. */
export async function readFeed(xml: string): Promise<FeedReadResult> {
  const rootElement = rootElementOf(xml)
  if ((rootElement === 'rss' || rootElement === 'rdf:RDF') && !/<channel[\s>/]/.test(xml)) {
    return {
      ok: false,
      problem: 'not-a-feed',
      rootElement,
      reason: `its <${rootElement}> element has no <channel>`,
    }
  }
  const parser = new Parser<Record<string, unknown>, RawItem>({
    defaultRSS: 2,
    xml2js: { tagNameProcessors: [renameAtomDates] },
    customFields: { item: RAW_FIELDS.map((field) => [field, `raw:${field}`, { keepArray: true }]) },
  })
  let output: Awaited<ReturnType<typeof parser.parseString>>
  try {
    output = await parser.parseString(xml)
  } catch (error) {
    return describeError(error, rootElement)
  }
  const format = rootElement === 'feed' ? 'atom' : 'rss'
  const feed: ParsedFeed = { entries: output.items.map((item) => readEntry(item as RawItem, format)) }
  const link = typeof output.link === 'string' ? output.link.trim() : undefined
  if (link) feed.link = link
  const language = typeof output.language === 'string' ? output.language.trim() : ''
  if (/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(language)) feed.language = language
  return { ok: true, feed }
}

function readEntry(item: RawItem, format: 'rss' | 'atom'): FeedEntry {
  const defaultType = format === 'atom' ? 'text' : 'html'
  const title = firstText(item, ['raw:title', 'raw:dc:title'], defaultType)
  const description = firstText(item, ['raw:description', 'raw:dc:description'], 'html')
  const atomSummary = firstText(item, ['raw:summary'], defaultType)
  // An RSS item with both <summary> and <description> uses the description as its full text.
  const content =
    firstText(item, ['raw:content:encoded'], 'html') ??
    firstText(item, ['raw:content'], defaultType, (node) => attributesOf(node).src === undefined) ??
    (atomSummary ? description : undefined)
  const summary = atomSummary ?? description
  const entry: FeedEntry = {
    published: dates(item, PUBLISHED_FIELDS),
    updated: dates(item, UPDATED_FIELDS),
    images: imageCandidates(item, [content, summary]),
  }
  if (title !== undefined) entry.title = title
  if (summary !== undefined) entry.summary = summary
  if (content !== undefined) entry.content = content
  const link = format === 'atom' ? atomLink(item) : rssLink(item)
  if (link) entry.link = link
  const id = textOf(rawNodes(item, format === 'atom' ? 'raw:id' : 'raw:guid')[0])?.trim() || rdfAbout(item)
  if (id) entry.id = id
  return entry
}

/**
 * Reads a text construct as HTML. Atom says how to read it (`type`, Atom 0.3 `mode`); RSS text
 * is HTML by custom. Plain text is escaped, so `&lt;blink&gt;` shows as `<blink>`, not as a tag.
 */
function readText(node: unknown, defaultType: 'text' | 'html'): string | undefined {
  const raw = textOf(node)
  if (raw === undefined) return undefined
  const attributes = attributesOf(node)
  const type = (attributes.type ?? '').trim().toLowerCase()
  const mode = (attributes.mode ?? '').trim().toLowerCase()
  if (mode === 'base64' || isBinaryType(type)) {
    return Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8')
  }
  if (mode === 'escaped' || type === 'html' || type === 'text/html') return raw
  if (type === 'text' || type === 'text/plain' || type.includes('xhtml') || defaultType === 'text') {
    return raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  }
  return raw
}

function isBinaryType(type: string): boolean {
  return type.includes('/') && !type.startsWith('text/') && !type.endsWith('xml')
}

function firstText(
  item: RawItem,
  fields: readonly string[],
  defaultType: 'text' | 'html',
  accept: (node: unknown) => boolean = () => true,
): string | undefined {
  for (const field of fields) {
    for (const node of rawNodes(item, field)) {
      if (!accept(node)) continue
      const text = readText(node, defaultType)
      if (text?.trim()) return text
    }
  }
  return undefined
}

function rssLink(item: RawItem): string | undefined {
  for (const node of rawNodes(item, 'raw:link')) {
    const link = (textOf(node) ?? attributesOf(node).href)?.trim()
    if (link) return link
  }
  // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
  const guid = rawNodes(item, 'raw:guid')[0]
  const value = textOf(guid)?.trim()
  if (value && attributesOf(guid).isPermaLink !== 'false' && /^https?:\/\//i.test(value)) return value
  return undefined
}

/** The alternate link (`rel="alternate"` or no rel), an HTML one first; its href, else its text. */
function atomLink(item: RawItem): string | undefined {
  const alternates = rawNodes(item, 'raw:link').filter(
    (node) => (attributesOf(node).rel ?? 'alternate').trim() === 'alternate',
  )
  const html = alternates.filter((node) => /html/i.test(attributesOf(node).type ?? 'text/html'))
  for (const node of [...html, ...alternates]) {
    const link = (attributesOf(node).href ?? textOf(node))?.trim()
    if (link) return link
  }
  return undefined
}

function rdfAbout(item: RawItem): string | undefined {
  const about = item['rdf:about']
  return typeof about === 'string' && about.trim() ? about.trim() : undefined
}

function dates(item: RawItem, fields: readonly string[]): string[] {
  return fields.flatMap((field) =>
    rawNodes(item, `raw:${field}`).flatMap((node) => textOf(node)?.trim() || []),
  )
}

function rootElementOf(xml: string): string | undefined {
  const prolog = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(xml)?.[0] ?? ''
  return /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(prolog.length))?.[1]
}

function describeError(error: unknown, rootElement: string | undefined): FeedReadResult {
  const message = error instanceof Error ? error.message : String(error)
  const position = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(message)
  if (position) {
    return {
      ok: false,
      problem: 'malformed',
      reason: position[1]!.replace(/\.$/, ''),
      line: Number(position[2]) + 1,
      column: Number(position[3]),
    }
  }
  if (message === 'Unable to parse XML.') {
    return { ok: false, problem: 'malformed', reason: 'no root element' }
  }
  const reason =
    rootElement && !['rss', 'rdf:RDF', 'feed'].includes(rootElement)
      ? `its root element is <${rootElement}>, not <rss>, <rdf:RDF> or <feed>`
      : `its structure could not be read (${message})`
  return rootElement
    ? { ok: false, problem: 'not-a-feed', rootElement, reason }
    : { ok: false, problem: 'not-a-feed', reason }
}
