/** A realistic RSS 2.0 feed of `count` town news items (German text, HTML descriptions, images). */
export function largeRssFeed(count: number): string {
  const items: string[] = []
  for (let index = 0; index < count; index++) {
    const day = 1 + (index % 28)
    items.push(`
    <item>
      <title>Meldung ${index}: Bauarbeiten in der Sommeritzer Straße &amp; Umleitung über den Brückenplatz</title>
      <link>https://www.schmoelln.de/aktuelles/meldung-${index}</link>
      <guid isPermaLink="false">news-${index}</guid>
      <pubDate>Mon, ${String(day).padStart(2, '0')} Nov 2026 10:${String(index % 60).padStart(2, '0')}:00 +0100</pubDate>
      <description><![CDATA[<p>Die Stadtverwaltung informiert: Ab Montag wird die <b>Sommeritzer Straße</b> zwischen Markt und Bahnhof saniert.
      Anlieger erreichen ihre Grundstücke über die Ronneburger Straße.</p><p>Weitere Informationen im Bürgerbüro,
      Markt 1, Telefon 034491 760.</p><img src="/fileadmin/bilder/baustelle-${index}.jpg" alt="">]]></description>
      <enclosure url="/fileadmin/bilder/baustelle-${index}.jpg" length="12345" type="image/jpeg"/>
    </item>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Stadt Schmölln</title><link>https://www.schmoelln.de/</link>
<description>Aktuelles</description>${items.join('')}</channel></rss>`
}
