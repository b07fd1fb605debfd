import { decodeBytes } from '../fetch/charset.js'
import { HTML_ENTITIES } from './html-entities.js'

/**
 * Feeds in the wild are rarely well-formed XML. Before the strict parser sees a feed, this pass
 * fixes what a mature feed reader tolerates, without ever guessing content:
 * - BOM and blank lines before `<?xml`, and the DOCTYPE (never expanded, never fetched);
 * - HTML entities (`&nbsp;`, `&auml;`) outside CDATA become numeric references, a bare `&`
 *   becomes `&amp;`, and `&#150;`-style windows-1252 references become the characters meant;
 * - a `<` that cannot start markup (`Kosten < 5 €`) becomes `&lt;`;
 * - markup inside a text element (Atom xhtml, naked HTML in a description) is wrapped in CDATA
 *   and marked `type="html"`, because the XML-to-object step would lose the order of mixed text;
 * - a body that ends inside the root's end tag (`</rss`) gets its `>`.
 * One linear scan; the input is already limited to the source's maxBytes.
 */
export interface RepairedXml {
  xml: string
  /** Lines dropped before the document, to report parser line numbers against the original. */
  lineOffset: number
  /** Named references neither XML nor HTML define: kept as literal text. */
  unknownEntities: string[]
}

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])
const TEXT_ELEMENTS = new Set([
  'title',
  'subtitle',
  'tagline',
  'summary',
  'description',
  'content',
  'encoded',
])
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"'<]|"[^"<]*"|'[^'<]*')*)>/y
const REFERENCE = /&(?:#(\d+);|#[xX]([0-9a-fA-F]+);|([A-Za-z][\w.-]*);)?/g

interface OpenTextElement {
  name: string
  /** Index in the output where its start tag sits. */
  start: number
  attributes: string
  /** Nested elements of the same name, so the right end tag closes it. */
  depth: number
  hasMarkup: boolean
  /** The content as an HTML string (CDATA sections escaped). */
  html: string[]
}

export function repairFeedXml(input: string): RepairedXml {
  const leading = /^[\uFEFF\s]*/.exec(input)?.[0] ?? ''
  const text = closeTruncatedEndTag(input.slice(leading.length))
  const unknown = new Set<string>()
  const out: string[] = []
  let open: OpenTextElement | undefined

  const emit = (xml: string, html = xml) => {
    out.push(xml)
    open?.html.push(html)
  }

  let index = 0
  while (index < text.length) {
    const lt = text.indexOf('<', index)
    if (lt === -1) {
      emit(fixReferences(text.slice(index), unknown))
      break
    }
    if (lt > index) emit(fixReferences(text.slice(index, lt), unknown))

    if (text.startsWith('<![CDATA[', lt)) {
      const end = endOf(text, ']]>', lt + 9)
      const section = text.slice(lt, end)
      emit(section, escapeHtml(section.slice(9, section.endsWith(']]>') ? -3 : undefined)))
      index = end
      continue
    }
    if (text.startsWith('<!--', lt) || text.startsWith('<?', lt)) {
      const end = endOf(text, text[lt + 1] === '!' ? '-->' : '?>', lt + 2)
      if (open) open.hasMarkup = true
      emit(text.slice(lt, end))
      index = end
      continue
    }
    if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
      const end = endOfDoctype(text, lt + 9)
      // Keep its line breaks so parser line numbers still match the original.
      out.push(text.slice(lt, end).replace(/[^\n]+/g, ''))
      index = end
      continue
    }

    TAG.lastIndex = lt
    const tag = TAG.exec(text)
    if (!tag) {
      // A broken tag stays broken (the parser reports it); a lone `<` in text is just text.
      emit(/[A-Za-z_/!?]/.test(text[lt + 1] ?? '') ? '<' : '&lt;')
      index = lt + 1
      continue
    }
    index = TAG.lastIndex
    const [, slash, name = '', rawAttributes = ''] = tag
    const attributes = fixReferences(rawAttributes, unknown)
    const markup = `<${slash}${name}${attributes}>`
    const selfClosing = attributes.endsWith('/')

    if (slash) {
      if (open && name === open.name && open.depth === 0) {
        out.push(markup)
        if (open.hasMarkup) rewriteAsHtml(out, open)
        open = undefined
        continue
      }
      if (open) {
        if (name === open.name) open.depth--
        open.hasMarkup = true
      }
      emit(markup)
      continue
    }
    if (open) {
      open.hasMarkup = true
      if (name === open.name && !selfClosing) open.depth++
      emit(markup)
      continue
    }
    out.push(markup)
    if (!selfClosing && isTextElement(name)) {
      open = { name, start: out.length - 1, attributes, depth: 0, hasMarkup: false, html: [] }
    }
  }

  return { xml: out.join(''), lineOffset: countLines(leading), unknownEntities: [...unknown] }
}

/** Replaces the element's content by one CDATA section holding it as HTML. */
function rewriteAsHtml(out: string[], element: OpenTextElement): void {
  const end = out.pop()!
  out.length = element.start
  const attributes = element.attributes.replace(/\s(?:type|mode)\s*=\s*(?:"[^"]*"|'[^']*')/g, '')
  const html = element.html.join('').replaceAll(']]>', ']]]]><![CDATA[>')
  out.push(`<${element.name}${attributes} type="html"><![CDATA[${html}]]>${end}`)
}

function isTextElement(name: string): boolean {
  const colon = name.indexOf(':')
  const local = name.slice(colon + 1)
  if (!TEXT_ELEMENTS.has(local)) return false
  // media:content is a container of media:title and media:thumbnail, not text.
  return local !== 'content' || colon === -1 || name.startsWith('atom:')
}

function fixReferences(text: string, unknown: Set<string>): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return numericReference(Number.parseInt(decimal, 10))
    if (hex !== undefined) return numericReference(Number.parseInt(hex, 16))
    if (name === undefined) return '&amp;'
    if (XML_PREDEFINED.has(name)) return match
    const code = HTML_ENTITIES.get(name)
    if (code !== undefined) return `&#${code};`
    unknown.add(name)
    return `&amp;${name};`
  })
}

function numericReference(code: number): string {
  // Windows-1252 text converted by hand sends `&#150;` for a dash; browsers read it that way too.
  if (code >= 0x80 && code <= 0x9f) {
    return `&#${decodeBytes(Uint8Array.of(code), 'text/plain; charset=windows-1252').text.codePointAt(0)};`
  }
  const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff)
  if (!valid || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) return ''
  return `&#${code};`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function endOf(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from)
  return at === -1 ? text.length : at + terminator.length
}

/** The end of `<!DOCTYPE …>`, including an internal subset with quoted `>` and `]`. */
function endOfDoctype(text: string, from: number): number {
  let quote = ''
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const char = text[i]
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '[') depth++
    else if (char === ']') depth--
    else if (char === '>' && depth <= 0) return i + 1
  }
  return text.length
}

function closeTruncatedEndTag(text: string): string {
  // A body cut off inside the root's end tag still holds every item.
  const tail = /<\/([A-Za-z_][\w.:-]*)\s*$/.exec(text.slice(-300))
  return tail ? `${text.slice(0, text.length - tail[0].length)}</${tail[1]}>` : text
}

function countLines(text: string): number {
  let lines = 0
  for (const char of text) if (char === '\n') lines++
  return lines
}
