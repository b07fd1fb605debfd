import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { findChromium } from '../../../main/shell/chromium-flags.js'
import { packagePath } from '../../../main/util/package-root.js'
import { cli } from '../../helpers/cli.js'
import { ensureRendererBuilt } from '../../helpers/kiosk-page.js'
import { tempDir } from '../../helpers/temp-dir.js'

const CHROMIUM = findChromium()

/** Runs a script as its own process (from the TypeScript sources, whatever dist/ holds). */
function run(
  script: string,
  args: string[],
): {
  child: ChildProcess
  lines: string[]
  errors: string[]
  waitFor(pattern: RegExp, ms: number): Promise<string>
} {
  const child = spawn(process.execPath, [packagePath(script), ...args], {
    env: {
      ...process.env,
      INFOMONITOR_FROM_SOURCE: '1',
      INFOMONITOR_LOG_LEVEL: 'warn',
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const wake of waiters) wake()
  })
  const errors: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line))
  return {
    child,
    lines,
    errors,
    waitFor(pattern, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find((candidate) => pattern.test(candidate))
          if (!line) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(line)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no line matching ${pattern} within ${ms} ms; got ${JSON.stringify(lines)}`))
        }, ms)
        waiters.add(check)
        check()
      })
    },
  }
}

function exitOf(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not exit within ${ms} ms`)), ms)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

/** Processes whose command line mentions `text` (our unique temp folder), Linux only. */
function processesMentioning(text: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return found
}

describe('infomonitor start', () => {
  const dir = tempDir('infomonitor-start-')
  const config = join(dir.path, 'config.yaml')

  beforeAll(() => {
    ensureRendererBuilt()
    writeFileSync(
      config,
      [
        'monitor:',
        '  id: start-test',
        '  name: Schmölln',
        'cache:',
        `  dir: ${JSON.stringify(join(dir.path, 'cache'))}`,
        'admin:',
        "  listen: '127.0.0.1:0'",
      ].join('\n'),
    )
  })
  afterAll(() => {
    // A failed test may have left the CLI or its Chromium running: end exactly those.
    for (const pid of processesMentioning(dir.path)) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    dir.remove()
  })

  it('refuses a shell it cannot run, saying what to do', async () => {
    const electron = await cli('--config', config, 'start', '--shell', 'electron')
    expect(electron.code).toBe(2)
    expect(electron.stderr).toMatch(/--shell electron/)
    const chromium = await cli(
      '--config',
      config,
      'start',
      '--shell',
      'chromium',
      '--chromium',
      join(dir.path, 'no-such-chromium'),
    )
    expect(chromium).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') })
    const size = await cli('--config', config, 'start', '--shell', 'none', '--window-size', 'large')
    expect(size).toMatchObject({ code: 2, stderr: expect.stringContaining('--window-size') })
    const shell = await cli('--config', config, 'start', '--shell', 'firefox')
    expect(shell.code).toBe(2)
  })

  it.skipIf(!CHROMIUM)('runs the core and headless Chromium, and stops both on SIGTERM', async () => {
    const started = run('bin/infomonitor.mjs', [
      '--config',
      config,
      'start',
      '--shell',
      'chromium',
      '--headless',
      '--port',
      '0',
    ])
    try {
      const url = (await started.waitFor(/^player: /, 30_000)).slice('player: '.length)
      await started.waitFor(/^shell: chromium \(/, 30_000)
      const health = await fetch(new URL('/api/health', url))
      expect(health.ok).toBe(true)
      const log = () => started.errors.join('\n')
      // Under load the first Chromium may need a second attempt; it is there within seconds.
      await vi.waitFor(
        () =>
          expect(
            processesMentioning(join(dir.path, 'cache', 'chromium-profile')).length,
            log(),
          ).toBeGreaterThan(0),
        { timeout: 10_000, interval: 200 },
      )
      started.child.kill('SIGTERM')
      expect(await exitOf(started.child, 15_000), log()).toBe(0)
      expect(processesMentioning(join(dir.path, 'cache', 'chromium-profile'))).toEqual([])
    } finally {
      started.child.kill('SIGKILL')
    }
  })

  it('npm start (scripts/start.mjs) without a display or browser window prints the player URL; Ctrl+C stops it', async () => {
    const started = run('scripts/start.mjs', ['--config', config, '--port', '0'])
    try {
      await started.waitFor(/^player: http:\/\/127\.0\.0\.1:\d+\/$/, 30_000)
      await started.waitFor(/^shell: none \(no display/, 30_000)
      started.child.kill('SIGINT')
      expect(await exitOf(started.child, 15_000)).toBe(0)
    } finally {
      started.child.kill('SIGKILL')
    }
  })

  it.skipIf(!CHROMIUM)(
    'npm start -- --headless picks system Chromium when Electron is not installed',
    async () => {
      const started = run('scripts/start.mjs', ['--config', config, '--port', '0', '--headless'])
      try {
        await started.waitFor(/^shell: (chromium|electron) /, 30_000)
        started.child.kill('SIGTERM')
        expect(await exitOf(started.child, 15_000), started.errors.join('\n')).toBe(0)
      } finally {
        started.child.kill('SIGKILL')
      }
    },
  )
})
