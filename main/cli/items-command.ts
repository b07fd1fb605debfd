import type { Command } from 'commander'
import { DateTime } from 'luxon'
import { type ContentItem, ContentKindSchema } from '../../content-sources/content-item.js'
import { ContentCache } from '../cache/content-cache.js'
import { clockFrom, type GlobalOptions, type Output, requireConfig } from './cli-context.js'
import { CliExit, EXIT } from './exit-codes.js'

export function registerItemsCommand(program: Command, output: Output): void {
  program
    .command('items')
    .description('list the cached items that may be shown at --now (default: now)')
    .option('--kind <kind>', `only this kind (${ContentKindSchema.options.join(', ')})`)
    .option('--all', 'every cached item, shown or not')
    .option('--json', 'a JSON array of ContentItems (ISO-8601 UTC times)')
    .action((options: { kind?: string; all?: boolean; json?: boolean }) => {
      const globals = program.opts<GlobalOptions>()
      const kind = options.kind === undefined ? undefined : ContentKindSchema.safeParse(options.kind)
      if (kind && !kind.success) {
        throw new CliExit(
          EXIT.usage,
          `--kind: "${options.kind}" is not one of ${ContentKindSchema.options.join(', ')}`,
        )
      }
      const { config } = requireConfig(globals)
      const now = clockFrom(globals).now()
      const cache = ContentCache.open(config.cache.dir)
      try {
        const query = kind?.success ? { kind: kind.data } : {}
        const items = options.all ? cache.items.all(query) : cache.items.showable(now, query)
        if (options.json) output.out(JSON.stringify(items, null, 2))
        else printTable(items, config.monitor.timezone, output)
      } finally {
        cache.close()
      }
    })
}

function printTable(items: readonly ContentItem[], zone: string, output: Output): void {
  if (items.length === 0) {
    output.out('no items')
    return
  }
  const local = (iso: string | undefined) =>
    iso ? DateTime.fromISO(iso, { zone }).toFormat('dd.MM. HH:mm') : ''
  for (const item of items) {
    const when = item.startsAt ? `${local(item.startsAt)}${item.endsAt ? `–${local(item.endsAt)}` : ''}` : ''
    output.out(
      [
        item.kind.padEnd(9),
        item.priority.padEnd(6),
        when.padEnd(25),
        item.title.slice(0, 80),
        `[${item.sourceId}]`,
      ].join('  '),
    )
  }
  output.out(`${items.length} items`)
}
