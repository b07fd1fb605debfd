import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { repairFeedXml } from '../../../content-sources/rss/xml-repair.js'

const repaired = (xml: string) => repairFeedXml(xml).xml

describe('repairFeedXml', () => {
  it('turns HTML entities into numeric references outside CDATA and comments only', () => {
    expect(repaired('<t>&auml;&nbsp;<![CDATA[&auml; & <b>]]><!-- &nbsp; & --></t>')).toBe(
      '<t>&#228;&#160;<![CDATA[&auml; & <b>]]><!-- &nbsp; & --></t>',
    )
  })

  it('escapes a bare & in text and attributes but keeps real references', () => {
    expect(repaired('<a href="?a=1&b=2&amp;c=3">x & y &amp; &#38; &#x26; &lt; &apos;</a>')).toBe(
      '<a href="?a=1&amp;b=2&amp;c=3">x &amp; y &amp; &#38; &#38; &lt; &apos;</a>',
    )
  })

  it('drops references to characters XML cannot hold', () => {
    expect(repaired('<t>a&#0;b&#xD800;c&#1114112;d</t>')).toBe('<t>abcd</t>')
  })

  it('reports entities it does not know and keeps them as text', () => {
    const result = repairFeedXml('<t>&lol9; &copy;</t>')
    expect(result.xml).toBe('<t>&amp;lol9; &#169;</t>')
    expect(result.unknownEntities).toEqual(['lol9'])
  })

  it('drops a DOCTYPE with an internal subset but keeps its line breaks', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "]>">\n<!ENTITY b SYSTEM "file:///etc/passwd">\n]>\n<rss/>'
    const result = repaired(xml)
    expect(result).not.toContain('ENTITY')
    expect(result.split('\n')).toHaveLength(xml.split('\n').length)
    expect(result.endsWith('<rss/>')).toBe(true)
  })

  it('counts the blank lines it strips before the declaration', () => {
    const result = repairFeedXml('\uFEFF\n\n  <?xml version="1.0"?><rss/>')
    expect(result.xml).toBe('<?xml version="1.0"?><rss/>')
    expect(result.lineOffset).toBe(2)
  })

  it('wraps markup inside a text element as HTML, in document order', () => {
    expect(repaired('<description>Die <b>Hauptstraße</b> ist <![CDATA[<gesperrt>]]></description>')).toBe(
      '<description type="html"><![CDATA[Die <b>Hauptstraße</b> ist &lt;gesperrt&gt;]]></description>',
    )
  })

  it('replaces an Atom type when it wraps xhtml, and keeps ]]> inside the content intact', () => {
    expect(repaired('<title type="xhtml" xml:lang="de"><div>a]]>b</div></title>')).toBe(
      '<title xml:lang="de" type="html"><![CDATA[<div>a]]]]><![CDATA[>b</div>]]></title>',
    )
  })

  it('leaves text elements without markup and media:content containers alone', () => {
    const xml =
      '<title>Plain &amp; simple</title><media:content url="a.jpg"><media:title>x</media:title></media:content>'
    expect(repaired(xml)).toBe(xml)
  })

  it('escapes a < that cannot start markup but leaves broken tags to the parser', () => {
    expect(repaired('<t>a < b, 3<4</t><broken')).toBe('<t>a &lt; b, 3&lt;4</t><broken')
  })

  it('closes a root end tag cut off before its >', () => {
    expect(repaired('<rss><channel/></rss\n')).toBe('<rss><channel/></rss>')
  })

  it('is idempotent', () => {
    const piece = fc.constantFrom(
      '<title>',
      '</title>',
      '<description>',
      '</description>',
      '<b>',
      '</b>',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '&',
      '&nbsp;',
      '&#150;',
      '&foo;',
      '<',
      '>',
      '"',
      '<!DOCTYPE x [',
      ']>',
      '<a href="?a=1&b">',
      'ä',
      ' ',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 30 }), (parts) => {
        const once = repaired(parts.join(''))
        expect(repaired(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })

  it('stays linear on pathological input', () => {
    const started = performance.now()
    for (const evil of ['<a "'.repeat(250_000), '<'.repeat(1_000_000), `<title>${'<b>'.repeat(300_000)}`]) {
      repaired(evil)
    }
    expect(performance.now() - started).toBeLessThan(3000)
  })
})
