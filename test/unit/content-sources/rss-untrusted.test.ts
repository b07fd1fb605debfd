import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, rss } from './rss-test-kit.js'

describe('RssSource', () => {
  describe('untrusted content', () => {
    it('never lets script, event handlers or javascript: links through', async () => {
      const result = await parse(
        rss(`<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Stadtfest</title>
          <link>javascript:alert(document.cookie)</link>
          <enclosure url="javascript:alert(2)" type="image/png"/>
          <description><![CDATA[<p onclick="x()">Programm<script>steal()</script><img src=x onerror="alert(3)"><iframe src="https://evil.example/"></iframe></p>]]></description></item>`),
      )
      const item = result.ok ? result.items[0] : undefined
      expect(item?.title).toBe('Stadtfest')
      expect(item?.summary).toBe('Programm')
      expect(JSON.stringify(item)).not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i)
      expect(item?.url).toBeUndefined()
    })

    it('does not expand entities from a DOCTYPE (billion laughs)', async () => {
      const lols = Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
      ).join('\n')
      const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol0 "lol">
${lols}
]>
<rss version="2.0"><channel><title>t</title><link>https://www.schmoelln.de/</link>
<item><title>Achtung &lol9;</title></item></channel></rss>`
      const started = performance.now()
      const result = await parse(xml)
      expect(performance.now() - started).toBeLessThan(1000)
      const text = result.ok ? JSON.stringify(result.items) : result.error.message
      expect(text).not.toContain('lollol')
    })

    it('does not read files named by an external entity (XXE)', async () => {
      const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
<rss version="2.0"><channel><title>t</title><link>https://www.schmoelln.de/</link>
<item><title>Datei: &xxe; &web;</title></item></channel></rss>`
      const result = await parse(xml)
      expect(JSON.stringify(result)).not.toContain('root:')
      expect(result.ok && result.items[0]?.title).toBe('Datei: &xxe; &web;')
    })

    it('does not let element names pollute object prototypes', async () => {
      await parse(
        rss(
          '<item><title>A</title><__proto__><polluted>yes</polluted></__proto__><constructor>x</constructor></item>',
        ),
      )
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })

    it('returns items or a typed failure for any input, never an exception', async () => {
      const fragment = fc.constantFrom(
        '<item>',
        '</item>',
        '<title>',
        '</title>',
        '<![CDATA[',
        ']]>',
        '&',
        '&nbsp;',
        '&#150;',
        '<',
        '>',
        '<description>',
        '</description>',
        '<b>',
        '</b>',
        '<!--',
        '-->',
        'Schmölln',
        ' ',
        '\n',
        '<pubDate>',
        '</pubDate>',
        'Mo, 23 Okt 2017',
        '<enclosure url="x.jpg"/>',
        '<link>',
        '</link>',
        '"',
        "'",
        '<!DOCTYPE x [',
      )
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 40 }), async (parts) => {
          const result = await parse(rss(parts.join('')))
          if (!result.ok) expect(['MalformedXml', 'NotAFeed', 'EmptyBody']).toContain(result.error.code)
        }),
        { numRuns: 300 },
      )
    })
  })

  describe('failures', () => {
    it('reports an empty or blank body as EmptyBody', async () => {
      for (const body of ['', '  \r\n\t ', '\uFEFF\n']) {
        const result = await parse(body)
        expect(result.ok ? 'ok' : result.error.code).toBe('EmptyBody')
      }
    })

    it('reports a web page as NotAFeed and names the feed it announces', async () => {
      const html = `<!DOCTYPE html><html lang="de"><head><title>Schmölln</title>
        <link rel="stylesheet" href="/typo3conf/ext/site/main.css">
        <link rel="alternate" type="application/rss+xml" title="Aktuelles" href="/aktuelles?type=9818&amp;L=0">
        </head><body><p>Willkommen</p></body></html>`
      const result = await parse(html, { url: 'https://www.schmoelln.de/aktuelles' })
      expect(result.ok ? 'ok' : result.error.code).toBe('NotAFeed')
      expect(result.ok ? '' : result.error.message).toContain('web page')
      expect(result.ok ? '' : result.error.message).toContain(
        'https://www.schmoelln.de/aktuelles?type=9818&L=0',
      )
    })

    it('tells how to find the feed when the web page announces none', async () => {
      const result = await parse('\n<html><head><title>Cookie-Hinweis</title></head><body></body></html>')
      expect(result.ok ? 'ok' : result.error.code).toBe('NotAFeed')
      expect(result.ok ? '' : result.error.message).toContain(
        '<link rel="alternate" type="application/rss+xml"',
      )
    })

    it('reports XML that is not a feed as NotAFeed', async () => {
      const result = await parse('<?xml version="1.0"?><kml><Document/></kml>')
      expect(result.ok ? 'ok' : result.error.code).toBe('NotAFeed')
      expect(result.ok ? '' : result.error.message).toContain('<kml>')
    })

    it('reports malformed XML with the parser message and line', async () => {
      const result = await parse(
        '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Kaputt</titel>\n</channel></rss>',
      )
      expect(result.ok ? 'ok' : result.error.code).toBe('MalformedXml')
      expect(result.ok ? '' : result.error.message).toMatch(/close tag.*line 4/i)
    })

    it('reports a body cut off mid-item as MalformedXml', async () => {
      const result = await parse(rss('<item><title>Halb</title></item>').slice(0, -40))
      expect(result.ok ? 'ok' : result.error.code).toBe('MalformedXml')
    })
  })
})
