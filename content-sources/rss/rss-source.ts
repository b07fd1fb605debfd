import { decodeBytes } from '../fetch/charset.js'
import type { FetchedDocument } from '../fetch/http-fetch.js'
import { buildItems, type ItemDraft } from '../item-builder.js'
import type { ParseContext, SourceAdapter } from '../source-adapter.js'
import { failure, type SourceFailureCode, type SourceResult } from '../source-result.js'
import { parseLooseDate } from '../text/dates.js'
import { toPlainLine, truncateAtWord } from '../text/plain-text.js'
import { safeHttpUrl } from '../text/safe-url.js'
import { type FeedEntry, type FeedReadResult, type ParsedFeed, readFeed } from './feed-reader.js'
import { announcedFeed, looksLikeWebPage } from './web-page.js'
import { repairFeedXml } from './xml-repair.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** RSS 0.9x/1.0/2.0 and Atom: the town's news. */
export const rssSource: SourceAdapter<'rss'> = {
  type: 'rss',
  accept:
    'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
  requestUrl: (source) => source.url,
  async parse(document, context) {
    try {
      const read = await readDrafts(document, context)
      if (!read.ok) return read
      return buildItems(read.drafts, { ...context, baseUrl: read.baseUrl }, read.warnings)
    } catch (error) {
      // Only a bug gets here; the sync must still get a value, not an exception.
      const reason = error instanceof Error ? error.message : String(error)
      return failure(
        'InvalidContent',
        `Reading the feed at ${document.url} failed unexpectedly (${reason}). This is a bug in InfoMonitor's RSS reader; please report it with the feed.`,
      )
    }
  },
}

export type DraftsResult = { ok: true; drafts: ItemDraft[]; baseUrl: string; warnings: string[] } | Failed

/** The adapter up to the shared rules: what the feed says, as drafts, and the base for its URLs. */
export async function readDrafts(
  document: FetchedDocument,
  context: ParseContext<'rss'>,
): Promise<DraftsResult> {
  const { url } = document
  const text = decodeBytes(document.bytes, document.contentType).text.replace(/^\uFEFF/, '')
  if (text.trim() === '') {
    return fail(
      'EmptyBody',
      `${url} answered with an empty document. Open it in a browser: the feed may be switched off or the server failing.`,
    )
  }
  if (looksLikeWebPage(text)) return fail('NotAFeed', webPageMessage(text, url))
  if (!text.trimStart().startsWith('<')) {
    const start = JSON.stringify(text.trim().slice(0, 20))
    return fail(
      'NotAFeed',
      `${url} does not serve XML (it starts with ${start}), so it is not an RSS or Atom feed. Check the URL.`,
    )
  }

  const repaired = repairFeedXml(text)
  const read = await readFeed(repaired.xml)
  if (!read.ok) return readFailure(read, url, text, repaired.lineOffset)

  const warnings: string[] = []
  if (repaired.unknownEntities.length > 0) {
    const names = repaired.unknownEntities.slice(0, 5).map((name) => `&${name};`)
    warnings.push(`undefined entities kept as literal text: ${names.join(' ')}`)
  }
  const baseUrl = baseUrlFor(read.feed, url)
  const drafts = read.feed.entries.map((entry) => toDraft(entry, read.feed, context, baseUrl))
  // Town CMS feeds often carry every item ever written: the cap keeps the newest.
  if (drafts.length > context.source.maxItems) drafts.sort((a, b) => time(b.validFrom) - time(a.validFrom))
  return { ok: true, drafts, baseUrl, warnings }
}

function toDraft(
  entry: FeedEntry,
  feed: ParsedFeed,
  context: ParseContext<'rss'>,
  baseUrl: string,
): ItemDraft {
  const zone = context.monitor.timezone
  const updated = firstDate(entry.updated, zone)
  // Undated items count from when they were first seen: now, for this parse.
  const validFrom = firstDate(entry.published, zone) ?? updated ?? context.now
  const summary = entry.summary ?? entry.content ?? ''
  const draft: ItemDraft = {
    title: entry.title?.trim() ? entry.title : titleFrom(summary),
    summary,
    validFrom,
    validUntil: new Date(validFrom.getTime() + context.source.maxAgeDays * DAY_MS),
    updatedAt: updated ?? validFrom,
  }
  if (entry.content && entry.content.length > (entry.summary?.length ?? 0)) draft.body = entry.content
  if (entry.link) draft.url = entry.link
  const nativeId = entry.id ?? safeHttpUrl(entry.link, baseUrl)
  if (nativeId) draft.nativeId = nativeId
  const image = entry.images
    .map((candidate) => safeHttpUrl(candidate, baseUrl))
    .find((candidate) => candidate)
  if (image) draft.imageUrl = image
  if (feed.language) draft.language = feed.language
  return draft
}

/** An untitled item (RSS allows it) is named by the start of its text, escaped: it is plain already. */
function titleFrom(summary: string): string {
  return truncateAtWord(toPlainLine(summary), 120).replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

function firstDate(values: readonly string[], zone: string): Date | undefined {
  for (const value of values) {
    const date = parseLooseDate(value, zone)
    if (date && !Number.isNaN(date.getTime())) return date
  }
  return undefined
}

/**
 * Relative links resolve against the site's own address, which the channel link names (TYPO3
 * writes `fileadmin/…` relative to the site root). A copy of the feed served from another host,
 * such as the demo feeds or a mirror, keeps its own URL as base.
 */
function baseUrlFor(feed: ParsedFeed, documentUrl: string): string {
  const channel = safeHttpUrl(feed.link)
  if (!channel) return documentUrl
  const documentHost = URL.canParse(documentUrl) ? new URL(documentUrl) : undefined
  if (!documentHost || !/^https?:$/.test(documentHost.protocol)) return channel
  return siteHost(new URL(channel).hostname) === siteHost(documentHost.hostname) ? channel : documentUrl
}

function siteHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '')
}

type Failed = Extract<SourceResult, { ok: false }>

function fail(code: SourceFailureCode, message: string): Failed {
  return { ok: false, error: { code, message } }
}

function readFailure(
  read: Exclude<FeedReadResult, { ok: true }>,
  url: string,
  text: string,
  lineOffset: number,
): Failed {
  if (read.problem === 'malformed') {
    const where = read.line === undefined ? '' : ` at line ${read.line + lineOffset}, column ${read.column}`
    return fail(
      'MalformedXml',
      `The feed at ${url} is not well-formed XML: ${read.reason}${where}. Its publisher has to fix it; the W3C feed validator (validator.w3.org/feed) shows the spot.`,
    )
  }
  if (read.rootElement?.toLowerCase() === 'html') return fail('NotAFeed', webPageMessage(text, url))
  return fail(
    'NotAFeed',
    `${url} is not an RSS or Atom feed: ${read.reason}. Check that the URL is the feed itself.`,
  )
}

function webPageMessage(html: string, url: string): string {
  const feed = announcedFeed(html, url)
  const hint = feed
    ? `The page names its feed: ${feed}. Use that URL for this source.`
    : 'Look in the page source for <link rel="alternate" type="application/rss+xml" href="…"> and use its href, or ask the site\'s editors for the feed address.'
  return `${url} serves a web page (HTML), not an RSS or Atom feed. ${hint}`
}

function time(date: Date | undefined): number {
  return date?.getTime() ?? 0
}
