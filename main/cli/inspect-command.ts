import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Command } from 'commander'
import { type FetchedDocument, fetchDocument } from '../../content-sources/fetch/http-fetch.js'
import { adapterFor } from '../../content-sources/registry.js'
import type { SourceAdapter } from '../../content-sources/source-adapter.js'
import type { SourceFailure, SourceResult } from '../../content-sources/source-result.js'
import type { MonitorConfig } from '../../kiosk-config/schema/monitor.js'
import { type SourceConfig, SourceSchema, type SourceType } from '../../kiosk-config/schema/sources.js'
import { clockFrom, type GlobalOptions, type Output, requireConfig } from './cli-context.js'
import { CliExit, EXIT } from './exit-codes.js'

const TYPES = SourceSchema.options.map((option) => option.shape.type.value)
const INSPECT_LIMITS = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024 }

export function registerInspectCommand(program: Command, output: Output): void {
  program
    .command('inspect <inputs...>')
    .description('show what InfoMonitor makes of feeds (files or URLs), without storing anything')
    .option('--type <type>', `the input's format (${TYPES.join(', ')}); guessed when absent`)
    .option('--source <id>', "read the inputs with a configured source's settings (type, field mapping, …)")
    .option('--json', 'one JSON line per input: {"input", "items", "error"}')
    .action(async (inputs: string[], options: { type?: string; source?: string; json?: boolean }) => {
      const globals = program.opts<GlobalOptions>()
      if (options.type !== undefined && !TYPES.includes(options.type as SourceType)) {
        throw new CliExit(EXIT.usage, `--type: "${options.type}" is not one of ${TYPES.join(', ')}`)
      }
      const { config } = requireConfig(globals)
      const template =
        options.source === undefined
          ? undefined
          : config.sources.find((source) => source.id === options.source)
      if (options.source !== undefined && !template) {
        const known = config.sources.map((source) => source.id).join(', ')
        throw new CliExit(EXIT.usage, `--source: no source "${options.source}" in the config (${known})`)
      }
      const now = clockFrom(globals).now()
      let failures = 0
      for (const input of inputs) {
        const result = await inspectInput(
          input,
          options.type as SourceType | undefined,
          config.monitor,
          now,
          template,
        )
        if (!result.ok) failures++
        if (options.json) {
          output.out(
            JSON.stringify({
              input,
              items: result.ok ? result.items : [],
              error: result.ok ? null : result.error,
            }),
          )
        } else {
          printResult(input, result, output)
        }
      }
      process.exitCode = failures > 0 ? EXIT.failed : EXIT.ok
    })
}

export async function inspectInput(
  input: string,
  type: SourceType | undefined,
  monitor: MonitorConfig,
  now: Date,
  template?: SourceConfig,
): Promise<SourceResult> {
  const isUrl = /^https?:\/\//i.test(input)
  const loaded = isUrl ? await fetchInput(input) : await readInput(input)
  if ('code' in loaded) return { ok: false, error: loaded }
  const resolvedType = template?.type ?? type ?? guessType(input, loaded.bytes)
  if (!resolvedType) {
    return {
      ok: false,
      error: {
        code: 'InvalidContent',
        message: `Cannot tell the format of ${input}; pass --type (${TYPES.join(', ')}).`,
      },
    }
  }
  const source: SourceConfig = SourceSchema.parse({
    ...(resolvedType === 'geojson' || resolvedType === 'csv' ? { fields: { title: 'title' } } : {}),
    ...template,
    id: template?.id ?? 'inspect',
    type: resolvedType,
    url: isUrl ? input : loaded.url,
  })
  const adapter = adapterFor(resolvedType) as SourceAdapter<SourceType>
  const result = await adapter.parse(loaded, {
    source: source as never,
    monitor,
    now,
    ...(isUrl ? { fetchMore: (url: string) => fetchDocument({ url, ...INSPECT_LIMITS }) } : {}),
  })
  // A local file is parsed under a stand-in URL; messages name the file.
  if (!result.ok && !isUrl) result.error.message = result.error.message.replaceAll(loaded.url, input)
  return result
}

async function fetchInput(url: string): Promise<FetchedDocument | SourceFailure> {
  const outcome = await fetchDocument({ url, ...INSPECT_LIMITS })
  if (!outcome.ok) return outcome.error
  if (outcome.notModified) return { code: 'HttpError', message: `Unexpected 304 from ${url}` }
  return outcome.document
}

async function readInput(file: string): Promise<FetchedDocument | SourceFailure> {
  try {
    return { url: `http://localhost/${encodeURIComponent(basename(file))}`, bytes: await readFile(file) }
  } catch (error) {
    return {
      code: 'InputNotFound',
      message: `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    }
  }
}

/** By extension first, then by a look at the content. */
export function guessType(name: string, bytes: Buffer): SourceType | undefined {
  const byExtension: Record<string, SourceType> = {
    '.xml': 'rss',
    '.rss': 'rss',
    '.atom': 'rss',
    '.rdf': 'rss',
    '.ics': 'ical',
    '.ical': 'ical',
    '.geojson': 'geojson',
    '.csv': 'csv',
    '.jsonld': 'jsonld',
    '.html': 'jsonld',
    '.htm': 'jsonld',
  }
  const extension = extname(name.split('?')[0]!).toLowerCase()
  if (byExtension[extension]) return byExtension[extension]
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (head.startsWith('BEGIN:VCALENDAR')) return 'ical'
  if (head.startsWith('<')) return /<script[^>]+ld\+json/i.test(head) ? 'jsonld' : 'rss'
  if (/"FeatureCollection"|"Feature"/.test(head)) return 'geojson'
  if (/"@context"|"@graph"|"@type"/.test(head)) return 'jsonld'
  if (/"payload"\s*:/.test(head) || /"i18nTitle"/.test(head)) return 'nina'
  if (/"weather"\s*:/.test(head)) return 'brightsky'
  return undefined
}

function printResult(input: string, result: SourceResult, output: Output): void {
  if (!result.ok) {
    output.out(`${input}: ✗ ${result.error.code}: ${result.error.message}`)
    return
  }
  output.out(
    `${input}: ${result.items.length} items${result.warnings.length ? `, ${result.warnings.length} warnings` : ''}`,
  )
  for (const item of result.items)
    output.out(`  ${item.kind.padEnd(9)} ${item.title}${item.startsAt ? `  (${item.startsAt})` : ''}`)
  for (const warning of result.warnings) output.out(`  ! ${warning}`)
}
