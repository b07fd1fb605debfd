import type { Command } from 'commander'
import { KioskCore } from '../core/kiosk-core.js'
import { createLogger } from '../util/logger.js'
import { clockFrom, type GlobalOptions, type Output, requireConfig } from './cli-context.js'
import { CliExit, EXIT } from './exit-codes.js'

export function registerServeCommand(program: Command, output: Output): void {
  program
    .command('serve')
    .description(
      'run the core without a shell: sync schedule and player endpoint (127.0.0.1 only); prints the player URL',
    )
    .option('--port <port>', 'player port (default: player.port of the config; 0 = any free port)')
    .action(async (options: { port?: string }) => {
      const globals = program.opts<GlobalOptions>()
      const loaded = requireConfig(globals)
      const port = options.port === undefined ? undefined : Number(options.port)
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new CliExit(EXIT.usage, `--port: "${options.port}" is not a port number`)
      }
      const core = await KioskCore.start({
        loaded,
        clock: clockFrom(globals),
        log: createLogger(),
        ...(port !== undefined ? { playerPort: port } : {}),
      })
      output.out(`player: ${core.playerUrl}`)
      if (core.adminUrl) output.out(`admin:  ${core.adminUrl.replace(/\/api\/v1$/, '')}/admin`)
      await waitForShutdown()
      await core.stop()
    })
}

export function waitForShutdown(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
}
