import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { KioskCore } from '../core/kiosk-core.js'
import { findChromium, parseWindowSize } from '../shell/chromium-flags.js'
import { ChromiumShell } from '../shell/chromium-shell.js'
import { ElectronAppProcess } from '../shell/electron-app-process.js'
import type { KioskShell } from '../shell/shell.js'
import { chooseShell, findElectronBinary, hasDisplay, type ShellRequest } from '../shell/shell-choice.js'
import { createLogger } from '../util/logger.js'
import { PACKAGE_ROOT } from '../util/package-root.js'
import { clockFrom, configPath, type GlobalOptions, type Output, requireConfig } from './cli-context.js'
import { CliExit, EXIT } from './exit-codes.js'

interface StartOptions {
  shell: ShellRequest
  chromium?: string
  headless?: boolean
  port?: string
  windowSize?: string
}

export function registerStartCommand(program: Command, output: Output): void {
  program
    .command('start')
    .description(
      'run the monitor: the core and a full-screen shell (Electron, else system Chromium, else none)',
    )
    .addOption(
      new Option('--shell <shell>', 'which shell shows the player')
        .choices(['auto', 'electron', 'chromium', 'none'])
        .default('auto'),
    )
    .option(
      '--chromium <path>',
      'Chromium executable (default: /usr/bin/chromium, chromium-browser or google-chrome)',
    )
    .option('--headless', 'Chromium without a window, GPU or sandbox (tests, CI)')
    .option('--window-size <WxH>', 'Chromium window size, e.g. 1920x1080 (with --headless)')
    .option('--port <port>', 'player port (default: player.port of the config; 0 = any free port)')
    .action(async (options: StartOptions) => {
      const globals = program.opts<GlobalOptions>()
      const loaded = requireConfig(globals)
      const clock = clockFrom(globals)
      const port = parsePort(options.port)
      const windowSize = options.windowSize === undefined ? undefined : parseWindowSize(options.windowSize)
      if (options.windowSize !== undefined && !windowSize) {
        throw new CliExit(
          EXIT.usage,
          `--window-size: "${options.windowSize}" is not WIDTHxHEIGHT (e.g. 1920x1080)`,
        )
      }
      if (options.chromium !== undefined && !existsSync(options.chromium)) {
        throw new CliExit(EXIT.usage, `--chromium: ${options.chromium} does not exist`)
      }
      const headless = options.headless ?? false
      const choice = chooseShell(
        options.shell,
        {
          electron: findElectronBinary(),
          chromium: options.chromium ?? findChromium(),
          display: hasDisplay(),
        },
        { headless },
      )
      if (!choice.ok) throw new CliExit(EXIT.usage, choice.message)
      const log = createLogger()
      // Listen before starting anything: a stop requested mid-start still ends Chromium and core.
      const shutdown = shutdownRequested()
      try {
        if (choice.shell === 'electron') {
          // The core runs inside Electron (a utility process), exactly as in the packaged app.
          const env: NodeJS.ProcessEnv = {
            ...process.env,
            INFOMONITOR_CONFIG: resolve(configPath(globals)),
            INFOMONITOR_SUPERVISED: '1',
            ...(globals.now ? { INFOMONITOR_NOW: globals.now } : {}),
            ...(port !== undefined ? { INFOMONITOR_PLAYER_PORT: String(port) } : {}),
          }
          delete env.ELECTRON_RUN_AS_NODE
          const electron = new ElectronAppProcess({ binary: choice.binary, appDir: PACKAGE_ROOT, env, log })
          electron.start()
          output.out(`shell: electron (${choice.binary})`)
          await Promise.race([shutdown.requested, electron.quit])
          await electron.stop()
          return
        }

        const core = await KioskCore.start({
          loaded,
          clock,
          log,
          ...(port !== undefined ? { playerPort: port } : {}),
        })
        output.out(`player: ${core.playerUrl}`)
        if (core.adminUrl) output.out(`admin:  ${core.adminUrl.replace(/\/api\/v1$/, '')}/admin`)
        let shell: KioskShell | undefined
        if (choice.shell === 'chromium') {
          const chromium = new ChromiumShell({
            executable: choice.executable,
            userDataDir: join(loaded.config.cache.dir, 'chromium-profile'),
            log,
            headless,
            ...(windowSize ? { windowSize } : {}),
          })
          shell = chromium
          await chromium.start(core.playerUrl)
          core.shell = {
            kind: 'chromium',
            screenshot: () => chromium.screenshot(),
            status: () => chromium.status(),
          }
          output.out(`shell: chromium (${choice.executable})`)
        } else {
          output.out(`shell: none (${choice.note})`)
        }
        await shutdown.requested
        core.shell = undefined
        await shell?.stop()
        await core.stop()
      } finally {
        shutdown.done()
      }
    })
}

/**
 * SIGINT/SIGTERM ask for a clean stop. Further signals while stopping are ignored: Ctrl+C reaches
 * the whole process group and `npm start` forwards it too, and a second one must not kill the
 * CLI before Chromium and the core are down.
 */
function shutdownRequested(): { requested: Promise<void>; done(): void } {
  let onSignal: () => void = () => {}
  const requested = new Promise<void>((resolve) => {
    onSignal = () => resolve()
  })
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    requested,
    done() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliExit(EXIT.usage, `--port: "${text}" is not a port number`)
  return port
}
