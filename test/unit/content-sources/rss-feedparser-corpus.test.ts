import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDrafts, rssSource } from '../../../content-sources/rss/rss-source.js'
import { safeHttpUrl } from '../../../content-sources/text/safe-url.js'
import { testMonitor, testSource } from '../../helpers/configs.js'

// Python feedparser's conformance feeds: every file must come back as items or a typed failure,
// and where feedparser states the first entry's title or link, we must read the same.
const CORPUS = '/work/shared/corpora/feedparser'
const FEED_URL = 'http://example.com/feed.xml'
const EXPECTED_FAILURES = ['EmptyBody', 'NotAFeed', 'MalformedXml']

/** Files where our reading differs from feedparser's on purpose, with the reason. */
const DIFFERENT_ON_PURPOSE: Record<string, string> = {
  'wellformed/atom/entry_updated_multiple_values.xml':
    'two <updated> in one entry: feedparser keeps the last, we the first',
  'wellformed/rss/item_description_and_summary.xml':
    'feedparser takes whichever of <description>/<summary> comes first; xml2js keeps no order, we take <summary>',
  'wellformed/rss/item_description_not_a_doctype.xml':
    '<item> directly under <rss>, no <channel>: we report NotAFeed',
  'wellformed/rss/item_description_not_a_doctype2.xml':
    '<item> directly under <rss>, no <channel>: we report NotAFeed',
}

const files = listXml(CORPUS).map((path) => relative(CORPUS, path))
const context = {
  source: testSource('rss', { url: FEED_URL }),
  monitor: testMonitor(),
  now: new Date('2026-01-01T10:00:00Z'),
}

describe('RssSource on the feedparser corpus', () => {
  it('has the corpus in place', () => {
    expect(files.length).toBeGreaterThan(800)
  })

  for (const file of files) {
    it(`reads ${file} to items or a typed failure`, async () => {
      const result = await rssSource.parse(
        { url: FEED_URL, bytes: readFileSync(join(CORPUS, file)) },
        context,
      )
      if (!result.ok) expect(EXPECTED_FAILURES).toContain(result.error.code)
    })
  }

  const expectations = files.flatMap((file) => {
    const expectation = firstEntryExpectation(readFileSync(join(CORPUS, file), 'latin1'))
    return expectation && !DIFFERENT_ON_PURPOSE[file] ? [{ file, ...expectation }] : []
  })

  it('lists exceptions only for corpus files', () => {
    for (const file of Object.keys(DIFFERENT_ON_PURPOSE)) expect(files).toContain(file)
  })

  it('finds the first-entry expectations', () => {
    expect(
      expectations.filter(({ field }) => field === 'title' || field === 'link').length,
    ).toBeGreaterThanOrEqual(40)
    expect(expectations.length).toBeGreaterThanOrEqual(75)
  })

  for (const { file, field, value } of expectations) {
    it(`reads the first entry's ${field} of ${file} as feedparser does`, async () => {
      const document = { url: FEED_URL, bytes: readFileSync(join(CORPUS, file)) }
      // Items with nothing to show are dropped by the shared rules; the fields are read all the same.
      const read = await readDrafts(document, context)
      expect(read.ok).toBe(true)
      if (!read.ok) return
      const draft = read.drafts[0]
      if (field === 'link') {
        expect(safeHttpUrl(draft?.url, read.baseUrl)).toBe(new URL(value).href)
        return
      }
      if (field === 'published' || field === 'updated') {
        expect((field === 'published' ? draft?.validFrom : draft?.updatedAt)?.toISOString()).toBe(value)
        return
      }
      const result = await rssSource.parse(document, context)
      const item = result.ok ? result.items[0] : undefined
      expect(field === 'title' ? item?.title : item?.summary).toBe(plainEquivalent(value))
    })
  }
})

describe('RssSource on the feedparser entity cases', () => {
  // These cases put the entity into the channel title, which is not an item: we move the title
  // text, untouched, into an item and expect feedparser's reading of it.
  const cases = files
    .filter((file) => file.startsWith('entities/'))
    .flatMap((file) => {
      const text = readFileSync(join(CORPUS, file), 'latin1')
      const expected = /Expect:\s*feed\['title'\] == (.*)/.exec(text)?.[1]
      const title = /<title>([\s\S]*?)<\/title>/.exec(text)?.[1]
      const value = expected === undefined ? undefined : pythonString(expected)
      return value === undefined || title === undefined ? [] : [{ file, title, value }]
    })

  it('finds the entity cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(250)
  })

  for (const { file, title, value } of cases) {
    it(`reads the entity in ${file} as feedparser does`, async () => {
      const xml = `<rss version="2.0"><channel><title>t</title><item><title>${title}</title></item></channel></rss>`
      const result = await rssSource.parse({ url: FEED_URL, bytes: Buffer.from(xml) }, context)
      // The screen collapses runs of white space, &nbsp; and &emsp; included.
      expect(result.ok && result.items[0]?.title).toBe(value.replace(/\s+/g, ' '))
    })
  }
})

function listXml(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return listXml(path)
    return entry.name.endsWith('.xml') ? [path] : []
  })
}

type Field = 'title' | 'link' | 'summary' | 'published' | 'updated'

const ENTRY_FIELD: Record<string, Field> = {
  title: 'title',
  "title_detail']['value": 'title',
  link: 'link',
  summary: 'summary',
  description: 'summary',
  published_parsed: 'published',
  updated_parsed: 'updated',
}
const EXPECT =
  /Expect:.*?entries\[0\](?:\['(title|title_detail'\]\['value|link|summary|description|published_parsed|updated_parsed)'\]|\.(title|link))\s*==\s*(?:entries\[1\]\S*\s*==\s*)?/

/** `Expect: entries[0]['title'] == '…'` and its kin, with the Python value decoded. */
function firstEntryExpectation(text: string): { field: Field; value: string } | undefined {
  const header = /<!--([\s\S]*?)-->/.exec(text)?.[1] ?? ''
  const match = EXPECT.exec(header)
  if (!match) return undefined
  const field = ENTRY_FIELD[match[1] ?? match[2] ?? '']!
  const rest = header.slice(match.index + match[0].length)
  const value = field === 'published' || field === 'updated' ? pythonTimeTuple(rest) : pythonString(rest)
  return value === undefined ? undefined : { field, value }
}

/** `(2003, 12, 31, 10, 14, 55, 2, 365, 0)`, a UTC struct_time, as an ISO instant. */
function pythonTimeTuple(source: string): string | undefined {
  const parts = /^\((\d+), (\d+), (\d+), (\d+), (\d+), (\d+),/.exec(source)?.slice(1).map(Number)
  if (!parts) return undefined
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second)).toISOString()
}

function pythonString(source: string): string | undefined {
  const open = /^u?('''|"""|'|")/.exec(source)
  if (!open) return undefined
  const quote = open[1]!
  let index = open[0].length
  let value = ''
  while (index < source.length) {
    if (source.startsWith(quote, index)) return value
    const char = source[index]!
    if (char !== '\\') {
      value += char
      index++
      continue
    }
    const next = source[index + 1] ?? ''
    const hex = next === 'u' ? 4 : next === 'x' ? 2 : next === 'U' ? 8 : 0
    if (hex > 0) {
      value += String.fromCodePoint(Number.parseInt(source.slice(index + 2, index + 2 + hex), 16))
      index += 2 + hex
      continue
    }
    value += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[next] ?? next
    index += 2
  }
  return undefined
}

/**
 * feedparser keeps sanitised HTML in titles; we keep plain text. Paired tags go, entities are
 * decoded; an unpaired `<blink>` is text (feedparser's plain-text titles), so it stays.
 */
function plainEquivalent(html: string): string {
  let text = html.replace(/<br\s*\/?>/gi, '\n')
  for (let previous = ''; previous !== text; ) {
    previous = text
    text = text.replace(/<([a-z][\w]*)\b[^>]*>([\s\S]*?)<\/\1>/gi, '$2')
  }
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim()
}
