import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchDocument } from '../../../content-sources/fetch/http-fetch.js'
import { rssSource } from '../../../content-sources/rss/rss-source.js'
import { renderDemoTemplate } from '../../../main/demo/demo-feed-template.js'
import { testMonitor, testSource } from '../../helpers/configs.js'
import { FixtureServer } from '../../helpers/fixture-server.js'
import { DAY_MS, first, fixture, items, NOW, parse, rss } from './rss-test-kit.js'

describe('RssSource', () => {
  describe('charsets', () => {
    it('reads ISO-8859-1 declared only in the XML prolog', async () => {
      const xml = rss('<item><title>Straßensperrung Hauptstraße</title></item>').replace(
        'encoding="utf-8"',
        'encoding="ISO-8859-1"',
      )
      const item = await first(Buffer.from(xml, 'latin1'))
      expect(item.title).toBe('Straßensperrung Hauptstraße')
    })

    it('reads windows-1252 quotes and the euro sign labelled ISO-8859-1 in the HTTP header', async () => {
      const xml = rss('<item><title>\u201EParken am Markt\u201C kostet ab Januar 1 \u20AC</title></item>')
      const item = await first(Buffer.from(encodeWindows1252(xml)), {
        contentType: 'application/rss+xml; charset=ISO-8859-1',
      })
      expect(item.title).toBe('„Parken am Markt“ kostet ab Januar 1 €')
    })

    it('reads UTF-8 with a byte order mark and a blank line before the declaration', async () => {
      const body = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`\n${rss('<item><title>Straßensperrung Hauptstraße – 5 €</title></item>')}`),
      ])
      const item = await first(body)
      expect(item.title).toBe('Straßensperrung Hauptstraße – 5 €')
    })

    it('reads UTF-8 bytes from a feed that declares ISO-8859-1', async () => {
      const xml = rss('<item><title>Grüße aus Schmölln: Weihnachtsmarkt öffnet</title></item>').replace(
        'encoding="utf-8"',
        'encoding="ISO-8859-1"',
      )
      const item = await first(Buffer.from(xml, 'utf8'))
      expect(item.title).toBe('Grüße aus Schmölln: Weihnachtsmarkt öffnet')
      expect(item.title).not.toMatch(/Ã|\uFFFD/)
    })
  })

  describe('entities and ampersands', () => {
    it('reads HTML entities outside CDATA', async () => {
      const item = await first(
        rss(`<item><title>Gr&uuml;&szlig;e&nbsp;aus Schm&ouml;lln&hellip;</title>
          <description>Der Stra&szlig;enbau &ndash; &bdquo;endlich fertig&ldquo; &euro;</description></item>`),
      )
      expect(item.title).toBe('Grüße aus Schmölln…')
      expect(item.summary).toBe('Der Straßenbau – „endlich fertig“ €')
    })

    it('keeps a feed with bare ampersands in a link and a title', async () => {
      const item = await first(
        rss(
          '<item><title>Bau & Verkehr</title><link>https://www.schmoelln.de/index.php?id=5&type=9818</link></item>',
        ),
      )
      expect(item.title).toBe('Bau & Verkehr')
      expect(item.url).toBe('https://www.schmoelln.de/index.php?id=5&type=9818')
    })

    it('reads windows-1252 numeric references as the characters meant', async () => {
      const item = await first(rss('<item><title>Markt &#150; Bahnhof &#132;neu&#147;</title></item>'))
      expect(item.title).toBe('Markt – Bahnhof „neu“')
    })

    it('keeps undefined entities as literal text and says so', async () => {
      const result = await parse(rss('<item><title>Preis &euro; &foo; heute</title></item>'))
      expect(result.ok && result.items[0]?.title).toBe('Preis € &foo; heute')
      expect(result.ok && result.warnings.join()).toContain('&foo;')
    })

    it('keeps the word order of HTML written into a description without escaping', async () => {
      const item = await first(
        rss(
          '<item><title>Sperrung</title><description><p>Die <b>Hauptstraße</b> ist ab <i>Montag</i> gesperrt.</p></description></item>',
        ),
      )
      expect(item.summary).toBe('Die Hauptstraße ist ab Montag gesperrt.')
    })

    it('reads a lone < in text as text', async () => {
      const item = await first(rss('<item><title>Temperaturen < 0 Grad erwartet</title></item>'))
      expect(item.title).toBe('Temperaturen < 0 Grad erwartet')
    })
  })

  describe('links and images', () => {
    it('resolves relative links and images against the channel link', async () => {
      const item = await first(
        rss(`<item><title>Neue Spielgeräte</title><link>aktuelles/detail/spielplatz</link>
          <enclosure url="fileadmin/bilder/spielplatz.jpg" type="image/jpeg" length="0"/></item>`),
        { url: 'https://www.schmoelln.de/index.php?id=12&type=9818' },
      )
      expect(item.url).toBe('https://www.schmoelln.de/aktuelles/detail/spielplatz')
      expect(item.imageUrl).toBe('https://www.schmoelln.de/fileadmin/bilder/spielplatz.jpg')
    })

    it('resolves against the feed URL when the feed is served from another host', async () => {
      const item = await first(
        rss(
          '<item><title>Demo</title><enclosure url="/demo-feeds/images/markt.jpg" type="image/jpeg"/></item>',
        ),
        { url: 'http://127.0.0.1:8080/demo-feeds/stadt-news.xml' },
      )
      expect(item.imageUrl).toBe('http://127.0.0.1:8080/demo-feeds/images/markt.jpg')
    })

    it('takes the guid as link when it is a permalink and there is no link', async () => {
      const permalink = await first(
        rss('<item><title>A</title><guid>https://www.schmoelln.de/a</guid></item>'),
      )
      const notPermalink = await first(
        rss('<item><title>B</title><guid isPermaLink="false">https://www.schmoelln.de/b</guid></item>'),
      )
      expect(permalink.url).toBe('https://www.schmoelln.de/a')
      expect(notPermalink.url).toBeUndefined()
    })

    it('takes an image enclosure, also one without a type, and skips audio', async () => {
      const [typed, untyped] = await items(
        rss(`<item><title>Podcast</title><enclosure url="https://www.schmoelln.de/folge1.mp3" type="audio/mpeg"/>
             <enclosure url="https://www.schmoelln.de/folge1.png" type="image/png"/></item>
           <item><title>Ohne Typ</title><enclosure url="https://www.schmoelln.de/bild.JPG?v=2"/></item>`),
      )
      expect(typed?.imageUrl).toBe('https://www.schmoelln.de/folge1.png')
      expect(untyped?.imageUrl).toBe('https://www.schmoelln.de/bild.JPG?v=2')
    })

    it('takes the image from media:content, else from media:thumbnail', async () => {
      const [content, thumbnail] = await items(
        rss(`<item><title>Video und Bild</title>
             <media:content url="https://www.schmoelln.de/film.mp4" medium="video"/>
             <media:content url="https://www.schmoelln.de/foto.webp" medium="image"/></item>
           <item><title>Nur Vorschau</title><media:group>
             <media:content url="https://www.schmoelln.de/film.mp4" type="video/mp4"/>
             <media:thumbnail url="https://www.schmoelln.de/vorschau.jpg"/></media:group></item>`),
      )
      expect(content?.imageUrl).toBe('https://www.schmoelln.de/foto.webp')
      expect(thumbnail?.imageUrl).toBe('https://www.schmoelln.de/vorschau.jpg')
    })

    it('takes the first real <img> of the content, not a tracking pixel', async () => {
      const item = await first(
        rss(`<item><title>Bild im Text</title><description><![CDATA[<p>Kurz</p>]]></description>
          <content:encoded><![CDATA[<img src="https://stats.example.com/p.gif" width="1" height="1">
            <p>Text</p><img src="data:image/gif;base64,R0lGOD" data-src="/fileadmin/bild.jpg"><img src="/x.jpg">]]></content:encoded></item>`),
      )
      expect(item.imageUrl).toBe('https://www.schmoelln.de/fileadmin/bild.jpg')
    })
  })

  describe('dates', () => {
    it('reads a German RFC 822 date', async () => {
      const item = await first(
        rss('<item><title>A</title><pubDate>Mo, 23 Okt 2017 14:10:00 +0200</pubDate></item>'),
      )
      expect(item.validFrom).toBe('2017-10-23T12:10:00.000Z')
      expect(item.updatedAt).toBe('2017-10-23T12:10:00.000Z')
    })

    it('reads English dates on every weekday', async () => {
      const days = ['Sat, 21', 'Sun, 22', 'Mon, 23', 'Tue, 24', 'Wed, 25', 'Thu, 26', 'Fri, 27']
      const feed = rss(
        days
          .map((day) => `<item><title>${day}</title><pubDate>${day} Nov 2026 08:00:00 GMT</pubDate></item>`)
          .join(''),
      )
      const read = await items(feed)
      expect(read.map((item) => item.validFrom)).toEqual(
        days.map((day) => `2026-11-${day.slice(-2)}T08:00:00.000Z`),
      )
    })

    it('shows news from publication until maxAgeDays later', async () => {
      const item = await first(
        rss('<item><title>A</title><pubDate>Thu, 19 Nov 2026 14:30:00 +0100</pubDate></item>'),
        {
          source: { maxAgeDays: 10 },
        },
      )
      expect(item.validFrom).toBe('2026-11-19T13:30:00.000Z')
      expect(item.validUntil).toBe('2026-11-29T13:30:00.000Z')
    })

    it('keeps a future publication date as the start of a scheduled item', async () => {
      const item = await first(
        rss('<item><title>A</title><pubDate>Tue, 01 Dec 2026 06:00:00 +0100</pubDate></item>'),
      )
      expect(item.validFrom).toBe('2026-12-01T05:00:00.000Z')
    })

    it('counts an undated or unreadable date from when it was first seen', async () => {
      const [undated, garbage] = await items(
        rss('<item><title>A</title></item><item><title>B</title><pubDate>demnächst</pubDate></item>'),
      )
      for (const item of [undated, garbage]) {
        expect(item?.validFrom).toBe(NOW.toISOString())
        expect(item?.validUntil).toBe(new Date(NOW.getTime() + 30 * DAY_MS).toISOString())
      }
    })
  })

  describe('identity', () => {
    it('keys items on guid, then link, then a stable hash', async () => {
      const feed = rss(`<item><title>A</title><guid isPermaLink="false">news-7</guid></item>
        <item><title>B</title><link>/aktuelles/b</link></item>
        <item><title>C</title></item>`)
      const [byGuid, byLink, byHash] = await items(feed)
      const again = await items(feed)
      expect(byGuid?.id).toBe('test-rss:news-7')
      expect(byLink?.id).toBe('test-rss:https://www.schmoelln.de/aktuelles/b')
      expect(byHash?.id).toMatch(/^test-rss:[0-9a-f]{20}$/)
      expect(again[2]?.id).toBe(byHash?.id)
    })

    it('names an untitled item by the start of its text', async () => {
      const item = await first(
        rss('<item><description>&lt;p&gt;Heute &amp;lt;b&amp;gt; kein Markt.&lt;/p&gt;</description></item>'),
      )
      expect(item.title).toBe('Heute <b> kein Markt.')
    })
  })

  describe('TYPO3 tx_news feed', () => {
    it('reads the items with trimmed text, guid ids and decoded teasers', async () => {
      const read = await items(fixture('typo3-news.xml'), {
        url: 'https://www.schmoelln.de/aktuelles?type=9818',
      })
      expect(read.map((item) => item.id)).toEqual([
        'test-rss:news-123',
        'test-rss:news-122',
        'test-rss:news-121',
      ])
      const [closure, gazette, museum] = read
      expect(closure?.title).toBe('Vollsperrung der Sommeritzer Straße ab 23. November')
      expect(closure?.url).toBe(
        'https://www.schmoelln.de/aktuelles/detail/vollsperrung-der-sommeritzer-strasse-ab-23-november',
      )
      expect(closure?.summary).toContain('bittet um "Verständnis und Rücksicht".')
      expect(closure?.body).toContain('Die Umleitung erfolgt über die Bahnhofstraße.')
      expect(closure?.kind).toBe('news')
      expect(closure?.language).toBe('de-DE')
      expect(museum?.validFrom).toBe('2026-11-16T15:45:00.000Z')
      expect(museum?.body).toBeUndefined()
      expect(gazette?.validFrom).toBe('2026-11-17T08:00:00.000Z')
    })

    it('takes one image from the double enclosure and resolves /fileadmin/ images in the text', async () => {
      const [closure, gazette, museum] = await items(fixture('typo3-news.xml'), {
        url: 'https://www.schmoelln.de/aktuelles?type=9818',
      })
      expect(closure?.imageUrl).toBe(
        'https://www.schmoelln.de/fileadmin/user_upload/Aktuelles/2026/sommeritzer-strasse.jpg',
      )
      expect(gazette?.imageUrl).toBe(
        'https://www.schmoelln.de/fileadmin/_processed_/a/3/csm_amtsblatt-titel_5f1c2e.jpg',
      )
      expect(museum?.imageUrl).toBeUndefined()
    })
  })

  describe('Atom', () => {
    it('reads entries with typed text, the alternate link and published/updated dates', async () => {
      const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Landratsamt Altenburger Land</title>
  <link href="https://www.altenburgerland.de/"/>
  <id>urn:uuid:5d1a</id><updated>2026-11-20T08:00:00Z</updated>
  <entry>
    <title type="text">Winterdienst: Streupflicht &lt;ab 7 Uhr&gt;</title>
    <link rel="self" href="https://www.altenburgerland.de/api/1"/>
    <link rel="alternate" type="text/html" href="/aktuelles/winterdienst"/>
    <link rel="enclosure" type="image/jpeg" href="/bilder/streufahrzeug.jpg"/>
    <id>tag:altenburgerland.de,2026:winterdienst</id>
    <published>2026-11-18T07:00:00+01:00</published>
    <updated>2026-11-20T09:15:00+01:00</updated>
    <summary type="html">&lt;p&gt;Die Streupflicht gilt &lt;b&gt;werktags&lt;/b&gt; ab 7 Uhr.&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die Streupflicht gilt <b>werktags</b> ab 7 Uhr, an Sonn- und Feiertagen ab 9 Uhr. Gehwege sind auf 1,50 m Breite zu räumen.</p></div></content>
  </entry>
</feed>`
      const item = await first(atom, { url: 'https://www.altenburgerland.de/feed.atom' })
      expect(item.id).toBe('test-rss:tag:altenburgerland.de,2026:winterdienst')
      expect(item.title).toBe('Winterdienst: Streupflicht <ab 7 Uhr>')
      expect(item.url).toBe('https://www.altenburgerland.de/aktuelles/winterdienst')
      expect(item.imageUrl).toBe('https://www.altenburgerland.de/bilder/streufahrzeug.jpg')
      expect(item.summary).toBe('Die Streupflicht gilt werktags ab 7 Uhr.')
      expect(item.body).toBe(
        'Die Streupflicht gilt werktags ab 7 Uhr, an Sonn- und Feiertagen ab 9 Uhr. Gehwege sind auf 1,50 m Breite zu räumen.',
      )
      expect(item.validFrom).toBe('2026-11-18T06:00:00.000Z')
      expect(item.updatedAt).toBe('2026-11-20T08:15:00.000Z')
    })

    it('keeps the feed when an entry has a date rss-parser cannot read', async () => {
      const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><title>Erstens</title><published>Mo, 23 Okt 2017 14:10:00 +0200</published></entry>
        <entry><title>Zweitens</title><updated>bald</updated></entry></feed>`
      const [german, unreadable] = await items(atom)
      expect(german?.validFrom).toBe('2017-10-23T12:10:00.000Z')
      expect(unreadable?.validFrom).toBe(NOW.toISOString())
    })
  })

  describe('demo feed', () => {
    const server = new FixtureServer()
    beforeAll(() => server.start())
    afterAll(() => server.stop())

    it('serves current Schmölln news with images next to the feed when rendered and fetched', async () => {
      const template = readFileSync(
        new URL('../../../kiosk-config/demo-feeds/stadt-news.xml', import.meta.url),
        'utf8',
      )
      server.route('/stadt-news.xml', {
        headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
        body: renderDemoTemplate(template, NOW),
      })
      const fetched = await fetchDocument({
        url: server.url('/stadt-news.xml'),
        timeoutMs: 5000,
        maxBytes: 1 << 20,
      })
      if (!fetched.ok || fetched.notModified) throw new Error('demo feed not fetched')
      const result = await rssSource.parse(fetched.document, {
        source: testSource('rss', { url: server.url('/stadt-news.xml') }),
        monitor: testMonitor(),
        now: NOW,
      })
      if (!result.ok) throw new Error(result.error.message)
      expect(result.warnings).toEqual([])
      expect(result.items).toHaveLength(7)
      for (const item of result.items) {
        expect(item.id).toMatch(/^test-rss:news-\d+$/)
        expect(item.url).toMatch(/^https:\/\/www\.schmoelln\.de\/aktuelles\/detail\//)
        expect(new Date(item.validFrom).getTime()).toBeLessThan(NOW.getTime())
        expect(new Date(item.validUntil!).getTime()).toBeGreaterThan(NOW.getTime())
        expect(item.summary.length).toBeGreaterThan(80)
        expect(item.body).toBeDefined()
      }
      expect(result.items.flatMap((item) => item.imageUrl ?? [])).toEqual([
        server.url('/images/weihnachtsmarkt.jpg'),
        server.url('/images/knopfmuseum.jpg'),
        server.url('/images/winterdienst.jpg'),
      ])
      expect(result.items.map((item) => item.title)).toContain(
        'Schmöllner Weihnachtsmarkt auf dem Markt eröffnet',
      )
      expect(JSON.stringify(result.items)).not.toMatch(/\{\{|&[a-z]+;|\uFFFD/)
    })
  })

  it('keeps the newest items when the feed has more than maxItems', async () => {
    const feed = rss(
      [5, 20, 1, 12, 9]
        .map(
          (day) => `<item><title>Tag ${day}</title><pubDate>${day} Nov 2026 12:00:00 +0100</pubDate></item>`,
        )
        .join(''),
    )
    const result = await parse(feed, { source: { maxItems: 2 } })
    expect(result.ok && result.items.map((item) => item.title)).toEqual(['Tag 20', 'Tag 12'])
  })
})

function encodeWindows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '\u201E': 0x84, '\u201C': 0x93, '\u20AC': 0x80, '\u2013': 0x96 }
  return Uint8Array.from([...text].map((char) => special[char] ?? char.charCodeAt(0)))
}
