import { dirname, resolve } from 'node:path'
import { type LoadedConfig, parseConfigText } from '../../kiosk-config/config-loader.js'
import type { Logger } from '../util/logger.js'
import type { ConfigVersions } from './config-versions.js'

export const FILE_ACTOR = 'file'

/**
 * Which config the monitor runs at startup. A config pushed through the admin API is stored in
 * state.db and wins over the file, until an operator edits the file: a file whose content
 * differs from the last version seeded from it becomes the next version.
 */
export function resolveStartupConfig(
  fromFile: LoadedConfig,
  versions: ConfigVersions,
  log: Logger,
  now: Date,
): { loaded: LoadedConfig; version: number } {
  const latest = versions.latest()
  const lastSeeded = versions.latestBy(FILE_ACTOR)
  if (!latest || lastSeeded?.hash !== fromFile.hash) {
    const version = versions.append({
      text: fromFile.text,
      format: fromFile.format,
      hash: fromFile.hash,
      appliedBy: FILE_ACTOR,
      at: now,
    })
    return { loaded: fromFile, version: version.version }
  }
  if (latest.hash === fromFile.hash) return { loaded: fromFile, version: latest.version }
  const baseDir = fromFile.file ? dirname(resolve(fromFile.file)) : process.cwd()
  const stored = parseConfigText(latest.text, latest.format, baseDir)
  if (!stored.ok) {
    log.error(
      { version: latest.version, problems: stored.problems },
      'stored config no longer valid; running the config file instead',
    )
    return { loaded: fromFile, version: lastSeeded.version }
  }
  return { loaded: { ...stored, ...(fromFile.file ? { file: fromFile.file } : {}) }, version: latest.version }
}
