import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app } from 'electron'
import { loadConfigFile } from '../../kiosk-config/config-loader.js'
import { DEMO_CONFIG_PATH } from '../cli/cli-context.js'
import { RELAUNCH_EXIT_CODE } from '../shell/electron-app-process.js'
import type { Logger } from '../util/logger.js'
import { CoreProcess } from './core-process.js'
import { ElectronShell } from './electron-shell.js'
import { GpuCrashWatch, softwareRenderingRequired } from './gpu-fallback.js'
import { isDevMode } from './kiosk-window.js'
import { lockDownApp } from './lockdown.js'
import { writeSafeSlide } from './safe-slide.js'

export interface KioskAppOptions {
  configFile: string
  /** A virtual clock's start (ISO time), like the CLI's --now. */
  now?: string
  playerPort?: string
  cacheDir?: string
  dev: boolean
  /** Started by `infomonitor start`, which restarts it: relaunch by exiting, not by app.relaunch(). */
  supervised: boolean
}

/** `--config=<file>` / `--now=<iso>` on the command line win over INFOMONITOR_CONFIG / INFOMONITOR_NOW. */
export function kioskAppOptions(argv: readonly string[], env: NodeJS.ProcessEnv): KioskAppOptions {
  const flag = (name: string): string | undefined => {
    const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))
    if (index < 0) return undefined
    const arg = argv[index]!
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1]
  }
  const now = flag('now') ?? env.INFOMONITOR_NOW
  return {
    configFile: flag('config') ?? env.INFOMONITOR_CONFIG ?? DEMO_CONFIG_PATH,
    ...(now ? { now } : {}),
    ...(env.INFOMONITOR_PLAYER_PORT ? { playerPort: env.INFOMONITOR_PLAYER_PORT } : {}),
    ...(env.INFOMONITOR_CACHE_DIR ? { cacheDir: env.INFOMONITOR_CACHE_DIR } : {}),
    dev: isDevMode(env),
    supervised: env.INFOMONITOR_SUPERVISED === '1',
  }
}

export interface KioskApp {
  shell: ElectronShell
  core: CoreProcess
}

/**
 * The Electron app's lifecycle: one instance, GPU fallback, app-wide lockdown, the window on
 * the safe slide until the core (in a utility process) is ready, then the player; on quit the
 * core is stopped first. Nothing here quits on an error: it logs and recovers.
 */
export async function runKioskApp(options: KioskAppOptions, log: Logger): Promise<KioskApp | undefined> {
  if (!app.requestSingleInstanceLock()) {
    log.warn('another InfoMonitor kiosk is running on this display; quitting')
    app.quit()
    return undefined
  }
  const userData = app.getPath('userData')
  const build = `${app.getVersion()}+electron-${process.versions.electron}`
  const markerFile = join(userData, 'gpu-fallback.json')
  const softwareRendering = softwareRenderingRequired(markerFile, build, log)
  if (softwareRendering) {
    log.warn('the GPU process kept crashing with this build; running without hardware acceleration')
    app.disableHardwareAcceleration()
  }
  const gpu = new GpuCrashWatch({
    markerFile,
    build,
    log,
    softwareRendering,
    relaunch: () => relaunch(options.supervised),
  })
  app.on('child-process-gone', (_event, details) => gpu.record(details))

  let shell: ElectronShell | undefined
  let quitting = false
  // Without this listener Electron quits when its last window closes; a kiosk opens it again.
  app.on('window-all-closed', () => {
    if (quitting) return
    log.warn('the kiosk window was closed; opening it again')
    shell?.ensureWindow()
  })

  await app.whenReady()
  lockDownApp({ log, dev: options.dev, allowedOrigin: () => shell?.origin })
  const kioskShell = new ElectronShell({
    log,
    dev: options.dev,
    safeSlidePath: writeSafeSlide(userData, townName(options.configFile)),
  })
  shell = kioskShell
  kioskShell.showSafeSlide()

  const core = new CoreProcess({
    entry: fileURLToPath(new URL('./core-entry.js', import.meta.url)),
    env: coreEnvironment(options, userData),
    log,
    onReady: (url) => void kioskShell.start(url),
    shell: { screenshot: () => kioskShell.screenshot(), status: () => kioskShell.status() },
  })
  core.start()

  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    quitting = true
    log.info('quitting: stopping the core')
    void Promise.all([core.stop(), kioskShell.stop()]).finally(() => app.exit(0))
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit())
  return { shell: kioskShell, core }
}

function coreEnvironment(options: KioskAppOptions, userData: string): Record<string, string> {
  const env: Record<string, string> = { INFOMONITOR_CONFIG: options.configFile }
  if (options.now) env.INFOMONITOR_NOW = options.now
  if (options.playerPort) env.INFOMONITOR_PLAYER_PORT = options.playerPort
  if (options.cacheDir) env.INFOMONITOR_CACHE_DIR = options.cacheDir
  // The packaged app is read-only (AppImage, asar): the demo's relative cache dir cannot be used.
  else if (app.isPackaged && options.configFile === DEMO_CONFIG_PATH)
    env.INFOMONITOR_CACHE_DIR = join(userData, 'cache')
  return env
}

function townName(configFile: string): string {
  const loaded = loadConfigFile(configFile)
  return loaded.ok ? loaded.config.monitor.name : 'InfoMonitor'
}

function relaunch(supervised: boolean): void {
  if (supervised) {
    app.exit(RELAUNCH_EXIT_CODE)
    return
  }
  app.relaunch()
  app.exit(0)
}
