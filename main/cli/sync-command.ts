import type { Command } from 'commander'
import type { SyncReport } from '../sync/source-sync.js'
import { clockFrom, type GlobalOptions, type Output, requireConfig } from './cli-context.js'
import { EXIT } from './exit-codes.js'
import { openRuntime } from './runtime.js'
import { waitForShutdown } from './serve-command.js'

export function registerSyncCommand(program: Command, output: Output): void {
  program
    .command('sync')
    .description('fetch every source into the cache (--once: one round, then exit)')
    .option('--once', 'sync every source once and exit: 0 all succeeded, 1 any failed')
    .action(async (options: { once?: boolean }) => {
      const globals = program.opts<GlobalOptions>()
      const loaded = requireConfig(globals)
      const once = options.once === true
      const runtime = await openRuntime(loaded.config, clockFrom(globals), { quiet: once, cron: !once })
      try {
        if (once) {
          const reports = await runtime.scheduler.syncAll()
          for (const report of reports) output.out(progressLine(report))
          const failed = reports.filter((report) => report.outcome === 'failed').length
          output.out(
            `${reports.length - failed} of ${reports.length} sources synced${failed ? `, ${failed} failed` : ''}`,
          )
          process.exitCode = failed > 0 ? EXIT.failed : EXIT.ok
          return
        }
        await runtime.scheduler.syncAll()
        output.out(`syncing ${loaded.config.sources.length} sources on their schedules; Ctrl+C to stop`)
        await waitForShutdown()
      } finally {
        await runtime.close()
      }
    })
}

export function progressLine(report: SyncReport): string {
  const ms = `${Math.round(report.durationMs)} ms`
  if (report.error)
    return `✗ ${report.sourceId}: ${report.error.code}: ${report.error.message} (${ms}; last good items kept)`
  const change = report.change
    ? ` (+${report.change.added} ~${report.change.updated} -${report.change.removed})`
    : ''
  const warnings = report.warnings.length > 0 ? `, ${report.warnings.length} warnings` : ''
  return `✓ ${report.sourceId}: ${report.outcome}, ${report.itemCount} items${change}${warnings} (${ms})`
}
