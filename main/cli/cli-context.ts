import {
  type ConfigProblem,
  formatProblem,
  type LoadedConfig,
  loadConfigFile,
} from '../../kiosk-config/config-loader.js'
import { type Clock, clockStartingAt, systemClock } from '../util/clock.js'
import { packagePath } from '../util/package-root.js'
import { CliExit, EXIT } from './exit-codes.js'

/** The embedded default: bundled demo feeds served locally, realistic content with no network. */
export const DEMO_CONFIG_PATH = packagePath('kiosk-config', 'examples', 'demo.yaml')

export interface GlobalOptions {
  config?: string
  now?: string
}

export interface Output {
  out(line: string): void
  err(line: string): void
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}

export function configPath(options: GlobalOptions): string {
  return options.config ?? DEMO_CONFIG_PATH
}

/** `--now` starts a virtual clock at that instant; it then runs on at real speed. */
export function clockFrom(options: GlobalOptions): Clock {
  if (options.now === undefined) return systemClock
  const start = new Date(options.now)
  if (Number.isNaN(start.getTime())) {
    throw new CliExit(
      EXIT.usage,
      `--now: "${options.now}" is not an ISO-8601 time (e.g. 2026-12-24T18:00:00+01:00)`,
    )
  }
  return clockStartingAt(start)
}

/** Loads the config a command needs; a config it cannot start with is a usage error (exit 2). */
export function requireConfig(options: GlobalOptions): LoadedConfig {
  const file = configPath(options)
  const result = loadConfigFile(file)
  if (result.ok) return result
  throw new CliExit(EXIT.usage, describeProblems(file, result.problems))
}

export function describeProblems(file: string, problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  return [`${file}: ${count}`, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n')
}
