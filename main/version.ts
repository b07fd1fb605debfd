import { readFileSync } from 'node:fs'
import { packagePath } from './util/package-root.js'

/** The software version, as reported by `--version` and the status API. */
export const VERSION: string = (
  JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }
).version
