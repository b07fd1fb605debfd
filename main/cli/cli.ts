import { Command, CommanderError } from 'commander'
import { VERSION } from '../version.js'
import { type Output, processOutput } from './cli-context.js'
import { registerConfigCommands } from './config-commands.js'
import { CliExit, EXIT } from './exit-codes.js'
import { registerInspectCommand } from './inspect-command.js'
import { registerItemsCommand } from './items-command.js'
import { registerRemoteCommand } from './remote-command.js'
import { registerServeCommand } from './serve-command.js'
import { registerStartCommand } from './start-command.js'
import { registerSyncCommand } from './sync-command.js'
import { registerTokenCommand } from './token-command.js'

export function createProgram(output: Output = processOutput): Command {
  const program = new Command('infomonitor')
    .description("InfoMonitor: the town's street display. Feeds in, a calm screen out.")
    .version(VERSION)
    .option('--config <file>', 'kiosk config (YAML or JSON); default: the bundled demo config')
    .option(
      '--now <iso-time>',
      'run on a virtual clock that starts at this instant (e.g. 2026-12-24T18:00+01:00)',
    )
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => output.out(text.trimEnd()),
      writeErr: (text) => output.err(text.trimEnd()),
    })
    .exitOverride()
  registerConfigCommands(program, output)
  registerSyncCommand(program, output)
  registerItemsCommand(program, output)
  registerInspectCommand(program, output)
  registerServeCommand(program, output)
  registerTokenCommand(program, output)
  registerStartCommand(program, output)
  registerRemoteCommand(program, output)
  for (const command of program.commands) command.exitOverride()
  return program
}

/** Runs the CLI and returns its exit code; the caller decides whether to exit the process. */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  process.exitCode = undefined
  try {
    await createProgram(output).parseAsync(argv as string[], { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message) output.err(error.message)
      return error.code
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    // A database locked by another process, a disk that is full: said plainly, no stack trace.
    output.err(`infomonitor: ${(error as Error).message}`)
    return EXIT.failed
  } finally {
    process.exitCode = undefined
  }
}
