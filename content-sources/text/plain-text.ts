import { Parser } from 'htmlparser2'

/** Elements whose content is never text for a reader. */
const SKIPPED = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'noscript',
  'template',
  'head',
  'select',
  'textarea',
  'button',
])
/** Elements that break a line before and after. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'blockquote',
  'pre',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'figure',
  'figcaption',
  'hr',
])

// Control characters other than tab and newline never belong on a screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g

/**
 * Turns untrusted feed text that may contain HTML (tags, entities, scripts) into plain text fit
 * for a text node: tags dropped, script and style content dropped, entities decoded, whitespace
 * collapsed as a browser would, paragraphs and line breaks kept as newlines. Nothing it returns
 * can be markup, because the screen renders text nodes only.
 */
export function toPlainText(input: string | null | undefined, options: { multiline?: boolean } = {}): string {
  if (input === null || input === undefined) return ''
  const text = looksLikeHtml(input) ? htmlToText(input) : input
  return normaliseWhitespace(text.replace(CONTROL_CHARACTERS, ''), options.multiline ?? true)
}

/** A single line: titles, names, places. */
export function toPlainLine(input: string | null | undefined): string {
  return toPlainText(input, { multiline: false })
}

/** Cuts at a word boundary and adds an ellipsis; never mid-word. */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength - 1)
  const lastSpace = cut.search(/\s\S*$/)
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

function looksLikeHtml(text: string): boolean {
  return /<[a-zA-Z!/][^>]*>|&[#a-zA-Z0-9]+;/.test(text)
}

/**
 * A streaming pass with htmlparser2 (the tolerant tokenizer behind cheerio and sanitize-html):
 * text nodes only, whitespace inside them collapsed, line breaks from block elements and <br>.
 */
function htmlToText(html: string): string {
  let text = ''
  let skipping = 0
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++
        else if (skipping > 0) return
        else if (name === 'br') text += '\n'
        else if (name === 'li') text += '\n• '
        else if (BLOCKS.has(name)) text += '\n\n'
        else if (name === 'td' || name === 'th') text += ' '
      },
      ontext(chunk) {
        if (skipping === 0) text += chunk.replace(/[ \t\r\n\f]+/g, ' ')
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1)
        else if (skipping === 0 && BLOCKS.has(name)) text += '\n\n'
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  )
  parser.write(html)
  parser.end()
  return text
}

function normaliseWhitespace(text: string, multiline: boolean): string {
  if (!multiline) return text.replace(/\s+/g, ' ').trim()
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
