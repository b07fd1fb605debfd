import type { Command } from 'commander'
import { loadConfigFile } from '../../kiosk-config/config-loader.js'
import { kioskConfigJsonSchema } from '../../kiosk-config/json-schema.js'
import { configPath, describeProblems, type GlobalOptions, type Output } from './cli-context.js'
import { EXIT } from './exit-codes.js'

export function registerConfigCommands(program: Command, output: Output): void {
  const config = program.command('config').description('check a kiosk config or print its JSON Schema')

  config
    .command('validate [file]')
    .description('validate a config file (default: --config, else the demo config); lists every problem')
    .action((file: string | undefined) => {
      const target = file ?? configPath(program.opts<GlobalOptions>())
      const result = loadConfigFile(target)
      if (result.ok) {
        output.out(
          `${target}: valid (${result.config.sources.length} sources, monitor "${result.config.monitor.id}")`,
        )
        return
      }
      output.err(describeProblems(target, result.problems))
      process.exitCode = EXIT.failed
    })

  config
    .command('schema')
    .description('print the JSON Schema of the config (for editors and CI)')
    .action(() => output.out(JSON.stringify(kioskConfigJsonSchema(), null, 2)))
}
