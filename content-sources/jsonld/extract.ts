import type { SourceFailureCode } from '../source-result.js'

export type Extracted =
  | { ok: true; roots: unknown[]; warnings: string[] }
  | { ok: false; code: Extract<SourceFailureCode, 'MalformedJson' | 'InvalidContent'>; message: string }

const SCRIPT_BLOCK =
  /<script\b[^>]*?\btype\s*=\s*["']?\s*application\/ld\+json\b[^>]*>([\s\S]*?)<\/script\s*>/gi
const MAX_BLOCKS = 200

/**
 * The JSON-LD documents in a response: the JSON itself, or every
 * `<script type="application/ld+json">` block of an HTML page. A page often has several
 * blocks and some of them broken; the broken ones become warnings, the others are used.
 */
export function extractJsonLd(text: string, url: string): Extracted {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (!start.startsWith('<')) {
    const parsed = parseJson(start)
    if (parsed.ok) return { ok: true, roots: [parsed.value], warnings: [] }
    return {
      ok: false,
      code: 'MalformedJson',
      message: `${url} is neither JSON-LD nor HTML: ${parsed.error}.`,
    }
  }
  const roots: unknown[] = []
  const warnings: string[] = []
  let blocks = 0
  for (const match of start.matchAll(SCRIPT_BLOCK)) {
    if (++blocks > MAX_BLOCKS) {
      warnings.push(`only the first ${MAX_BLOCKS} JSON-LD blocks were read`)
      break
    }
    const parsed = parseJson(unwrapScript(match[1] ?? ''))
    if (parsed.ok) roots.push(parsed.value)
    else warnings.push(`JSON-LD block ${blocks} is not valid JSON and was skipped: ${parsed.error}`)
  }
  if (blocks === 0) {
    return {
      ok: false,
      code: 'InvalidContent',
      message: `${url} is an HTML page without <script type="application/ld+json"> blocks; there is nothing to read.`,
    }
  }
  if (roots.length === 0) {
    return {
      ok: false,
      code: 'MalformedJson',
      message: `None of the ${blocks} JSON-LD blocks in ${url} is valid JSON.`,
    }
  }
  return { ok: true, roots, warnings }
}

/** CMSs wrap script content in HTML comments or CDATA sections to please old parsers. */
function unwrapScript(content: string): string {
  return content
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '')
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}
