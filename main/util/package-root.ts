import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(folder, 'package.json')
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'infomonitor'
    ) {
      return folder
    }
    const parent = dirname(folder)
    if (parent === folder) throw new Error('infomonitor: cannot find the package root (package.json)')
    folder = parent
  }
}

/**
 * The installed package's folder, the same whether this code runs from TypeScript sources
 * (tests, development) or from dist/ (an installed CLI, the packaged app).
 */
export const PACKAGE_ROOT = findPackageRoot()

export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts)
}
