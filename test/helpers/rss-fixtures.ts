/** A small RSS 2.0 feed with the given item titles, as a town CMS would send it. */
export function rssFeed(titles: readonly string[], options: { encoding?: string; link?: string } = {}): string {
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
