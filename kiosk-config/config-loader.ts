import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, extname, isAbsolute, resolve } from 'node:path'
import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { type KioskConfig, KioskConfigSchema } from './schema/kiosk-config.js'

export interface ConfigProblem {
  /** Where, as a user would write it: `sources[2].schedule`. */
  path: string
  /** 1-based line in the file, when it is known. */
  line?: number
  message: string
}

export interface LoadedConfig {
  ok: true
  config: KioskConfig
  text: string
  format: 'yaml' | 'json'
  /** SHA-256 of the text: identical files are the same version. */
  hash: string
  file?: string
}

export type LoadResult = LoadedConfig | { ok: false; problems: ConfigProblem[]; file?: string }

export function loadConfigFile(file: string): LoadResult {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return {
      ok: false,
      file,
      problems: [
        {
          path: '(file)',
          message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        },
      ],
    }
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml'
  const result = parseConfigText(text, format, dirname(resolve(file)))
  return { ...result, file }
}

/**
 * Parses and validates a config. Every problem is reported, each with its path and (because
 * JSON is YAML too, for both formats) its line. Relative `cache.dir` resolves against `baseDir`.
 */
export function parseConfigText(text: string, format: 'yaml' | 'json', baseDir: string): LoadResult {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        path: '(syntax)',
        line: error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line,
        message: `${format === 'json' ? 'JSON' : 'YAML'} syntax error: ${error.message.split('\n')[0]}`,
      })),
    }
  }
  const parsed = KioskConfigSchema.safeParse(document.toJS() ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((issue) => describeIssue(issue, document, lineCounter)),
    }
  }
  const config = parsed.data
  const cacheDir = process.env.INFOMONITOR_CACHE_DIR ?? config.cache.dir
  config.cache.dir = isAbsolute(cacheDir) ? cacheDir : resolve(baseDir, cacheDir)
  return { ok: true, config, text, format, hash: createHash('sha256').update(text).digest('hex') }
}

/** `['sources', 2, 'schedule']` → `sources[2].schedule`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.path}${problem.line ? ` (line ${problem.line})` : ''}: ${problem.message}`
}

function describeIssue(issue: z.core.$ZodIssue, document: Document, lines: LineCounter): ConfigProblem[] {
  const path = issue.path as PropertyKey[]
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...path, key]),
      ...lineOf(document, lines, path, key),
      message: `unknown key "${key}" (check the spelling; see \`infomonitor config schema\`)`,
    }))
  }
  return [{ path: formatPath(path), ...lineOf(document, lines, path), message: humanMessage(issue) }]
}

function humanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required'
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return 'unknown source type (one of rss, ical, geojson, csv, nina, brightsky, jsonld)'
  }
  return issue.message
}

/** The line of the value at `path` (or of `key` inside it), falling back to the nearest parent. */
function lineOf(
  document: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): { line?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true)
    if (!node || typeof node !== 'object') continue
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key)
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined
      if (range) return { line: lines.linePos(range[0]).line }
    }
    const range = (node as { range?: [number, number, number] }).range
    if (range) return { line: lines.linePos(range[0]).line }
  }
  return {}
}
