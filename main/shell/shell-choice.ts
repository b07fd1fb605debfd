import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../util/package-root.js'
import type { ShellKind } from './shell.js'

export type ShellRequest = 'auto' | ShellKind

export interface ShellProbe {
  /** The Electron executable, when its binary and our compiled Electron entry are both there. */
  electron: string | undefined
  /** The Chromium to use (from --chromium or the usual places), when it exists. */
  chromium: string | undefined
  /** A screen to show a window on (always true outside Linux). */
  display: boolean
}

export type ShellChoice =
  | { ok: true; shell: 'electron'; binary: string }
  | { ok: true; shell: 'chromium'; executable: string }
  | { ok: true; shell: 'none'; note: string }
  | { ok: false; message: string }

/**
 * Which shell `infomonitor start` runs. `auto` prefers Electron (the product), then system
 * Chromium, then none (the core alone, URL printed). An explicit choice that cannot work is a
 * usage error with what to do, never a silent fallback.
 */
export function chooseShell(
  request: ShellRequest,
  probe: ShellProbe,
  options: { headless: boolean },
): ShellChoice {
  const canShow = probe.display || options.headless
  switch (request) {
    case 'none':
      return { ok: true, shell: 'none', note: 'asked for' }
    case 'electron':
      if (!probe.electron) {
        return {
          ok: false,
          message:
            "--shell electron: Electron's binary is not installed (node_modules/electron/dist) or dist/ is not built; " +
            'install with network access (npm ci), run `npm run build`, or use --shell chromium',
        }
      }
      if (!probe.display)
        return { ok: false, message: '--shell electron: no display (set DISPLAY or WAYLAND_DISPLAY)' }
      return { ok: true, shell: 'electron', binary: probe.electron }
    case 'chromium':
      if (!probe.chromium) {
        return {
          ok: false,
          message:
            '--shell chromium: no Chromium found; install it (apt install chromium) or pass --chromium <path>',
        }
      }
      if (!canShow)
        return {
          ok: false,
          message: '--shell chromium: no display (set DISPLAY or WAYLAND_DISPLAY, or use --headless)',
        }
      return { ok: true, shell: 'chromium', executable: probe.chromium }
    case 'auto':
      if (probe.electron && probe.display && !options.headless)
        return { ok: true, shell: 'electron', binary: probe.electron }
      if (probe.chromium && canShow) return { ok: true, shell: 'chromium', executable: probe.chromium }
      return {
        ok: true,
        shell: 'none',
        note: !canShow
          ? 'no display (set DISPLAY or WAYLAND_DISPLAY, or use --headless)'
          : 'neither Electron nor Chromium is installed; open the player URL in a browser',
      }
  }
}

/**
 * The Electron executable, without triggering Electron's lazy download (requiring the
 * `electron` package would start one when the binary is missing): path.txt names it inside
 * node_modules/electron/dist. Also needs our compiled entry, which Electron runs.
 */
export function findElectronBinary(
  root = PACKAGE_ROOT,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const packageDir = join(root, 'node_modules', 'electron')
  const pathFile = join(packageDir, 'path.txt')
  if (!exists(pathFile) || !exists(join(root, 'dist', 'main', 'electron', 'main.js'))) return undefined
  let relative: string
  try {
    relative = readFileSync(pathFile, 'utf8').trim()
  } catch {
    return undefined
  }
  if (!relative) return undefined
  const binary = join(packageDir, 'dist', relative)
  return exists(binary) ? binary : undefined
}

/** Whether there is a screen to open a window on. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform !== 'linux') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}
