import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { packagePath } from '../../main/util/package-root.js'

/** The newest modification time of any file under these folders. */
function newestMtime(folders: readonly string[]): number {
  let newest = 0
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  for (const folder of folders) walk(folder)
  return newest
}

/**
 * Builds the pages (kiosk and admin) when dist/renderer/admin is missing or older than its
 * sources, so an end-to-end test never runs against a stale page. CI builds on `npm ci`, so
 * there this finds the build fresh and does nothing.
 */
export function ensureAdminPageBuilt(): void {
  const built = packagePath('dist', 'renderer', 'admin', 'index.html')
  let builtAt = 0
  try {
    builtAt = statSync(built).mtimeMs
  } catch {
    // Not built yet.
  }
  const sources = newestMtime([packagePath('renderer'), packagePath('contracts')])
  if (builtAt > sources) return
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: packagePath(),
    stdio: 'inherit',
    timeout: 180_000,
  })
}
