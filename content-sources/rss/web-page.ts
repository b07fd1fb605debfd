import { htmlAttribute } from './html-tags.js'

/**
 * A feed URL that answers with a web page is the most common setup mistake: the town's news page
 * instead of its feed, or a consent wall. Recognise it, and find the feed the page announces.
 */
export function looksLikeWebPage(text: string): boolean {
  const start = text.replace(/^(?:[\uFEFF\s]|<!--[\s\S]*?-->)*/, '').slice(0, 20)
  return /^<!doctype\s+html|^<html[\s>]/i.test(start)
}

/** The href of the page's `<link rel="alternate" type="application/rss+xml">` (or Atom), absolute. */
export function announcedFeed(html: string, pageUrl: string): string | undefined {
  const links = [...html.slice(0, 200_000).matchAll(/<link\b[^>]*>/gi)].map(([tag]) => ({
    rel: htmlAttribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [],
    type: htmlAttribute(tag, 'type')?.toLowerCase() ?? '',
    href: htmlAttribute(tag, 'href'),
  }))
  const feeds = links.filter((link) => link.rel.includes('alternate') && link.href)
  const best =
    feeds.find((link) => link.type.startsWith('application/rss+xml')) ??
    feeds.find((link) => /^application\/(?:atom|rdf)\+xml/.test(link.type))
  if (!best?.href) return undefined
  try {
    return new URL(best.href, pageUrl).href
  } catch {
    return best.href
  }
}
