/** A small RSS 2.0 feed with the given item titles, as a town CMS would send it. */
export function rssFeed(
  titles: readonly string[],
  options: { encoding?: string; link?: string } = {},
): string {
  const items = titles
    .map(
      (title, index) => `
    <item>
      <title>${title}</title>
      <link>${options.link ?? 'https://www.schmoelln.de/aktuelles'}/${index + 1}</link>
      <guid isPermaLink="false">news-${index + 1}</guid>
      <pubDate>Fri, 20 Nov 2026 10:00:00 +0100</pubDate>
      <description>Meldung ${index + 1} der Stadtverwaltung.</description>
    </item>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="${options.encoding ?? 'UTF-8'}"?>
<rss version="2.0">
  <channel>
    <title>Stadt Schmölln – Aktuelles</title>
    <link>https://www.schmoelln.de/aktuelles</link>
    <description>Neuigkeiten aus dem Rathaus</description>${items}
  </channel>
</rss>`
}

export interface RssItemFixture {
  guid: string
  /** Inserted as written: escape it yourself, or pass markup on purpose (untrusted-content tests). */
  title: string
  description?: string
  link?: string
  /** An image by URL, as `<enclosure>`. */
  enclosure?: string
  /** Defaults to an hour ago, so the item is current whenever the test runs. */
  published?: Date
}

/** An RSS 2.0 feed of the given items, each fully under the test's control. */
export function rssFeedOf(items: readonly RssItemFixture[]): string {
  const entries = items
    .map(
      (item) => `
    <item>
      <title>${item.title}</title>
      <link>${item.link ?? `https://www.schmoelln.de/aktuelles/${item.guid}`}</link>
      <guid isPermaLink="false">${item.guid}</guid>
      <pubDate>${(item.published ?? new Date(Date.now() - 3_600_000)).toUTCString()}</pubDate>
      <description>${item.description ?? 'Die Stadtverwaltung informiert.'}</description>${
        item.enclosure ? `\n      <enclosure url="${item.enclosure}" length="1000" type="image/jpeg" />` : ''
      }
    </item>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Stadt Schmölln – Aktuelles</title>
    <link>https://www.schmoelln.de/aktuelles</link>
    <description>Neuigkeiten aus dem Rathaus</description>${entries}
  </channel>
</rss>`
}
