import { convert } from 'html-to-text'

const HTML_TO_TEXT = {
  wordwrap: false as const,
  decodeEntities: true,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable' },
    { selector: 'ul', options: { itemPrefix: '• ' } },
  ],
}

// Control characters other than tab and newline never belong on a screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g

/**
 * Turns untrusted feed text that may contain HTML (tags, entities, scripts) into plain text fit
 * for a text node: tags dropped, entities decoded, whitespace collapsed, paragraphs kept as
 * single newlines. Nothing it returns can be markup, because the screen renders text nodes only.
 */
export function toPlainText(input: string | null | undefined, options: { multiline?: boolean } = {}): string {
  if (input === null || input === undefined) return ''
  const text = looksLikeHtml(input) ? convert(input, HTML_TO_TEXT) : input
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

function normaliseWhitespace(text: string, multiline: boolean): string {
  if (!multiline) return text.replace(/\s+/g, ' ').trim()
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
