import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { kioskAppOptions, runKioskApp } from '../../../main/electron/kiosk-app.js'
import { RELAUNCH_EXIT_CODE } from '../../../main/shell/electron-app-process.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import { tempDir } from '../../helpers/temp-dir.js'
import {
  app,
  BrowserWindow,
  FakeEvent,
  forked,
  Menu,
  powerSaveBlocker,
  resetFakeElectron,
} from './fake-electron.js'

vi.mock('electron', () => import('./fake-electron.js'))

describe('kioskAppOptions', () => {
  it('reads --config and --now from the command line, before the environment', () => {
    expect(
      kioskAppOptions(['electron', '.', '--config=/etc/im.yaml', '--now', '2026-12-24T18:00+01:00'], {
        INFOMONITOR_CONFIG: '/other.yaml',
        INFOMONITOR_SUPERVISED: '1',
      }),
    ).toMatchObject({
      configFile: '/etc/im.yaml',
      now: '2026-12-24T18:00+01:00',
      supervised: true,
      dev: false,
    })
    expect(
      kioskAppOptions(['electron', '.'], { INFOMONITOR_CONFIG: '/other.yaml', INFOMONITOR_DEV: '1' }),
    ).toMatchObject({
      configFile: '/other.yaml',
      dev: true,
      supervised: false,
    })
  })

  it('defaults to the bundled demo config', () => {
    expect(kioskAppOptions([], {}).configFile).toMatch(/kiosk-config[/\\]examples[/\\]demo\.yaml$/)
  })
})

describe('runKioskApp', () => {
  let dir: ReturnType<typeof tempDir>
  let config: string

  beforeEach(() => {
    vi.useFakeTimers()
    resetFakeElectron()
    dir = tempDir()
    app.userData = join(dir.path, 'user-data')
    config = join(dir.path, 'config.yaml')
    writeFileSync(config, 'monitor:\n  id: test\n  name: Schmölln\n')
  })
  afterEach(() => {
    vi.useRealTimers()
    dir.remove()
  })

  async function run(options: Partial<Parameters<typeof runKioskApp>[0]> = {}) {
    const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }
    const result = await runKioskApp(
      { configFile: config, dev: false, supervised: false, ...options },
      captureLogger().log,
    )
    // The app listens for SIGINT/SIGTERM to quit; drop those so tests do not pile them up.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal))
        if (!before[signal].includes(listener)) process.off(signal, listener)
    }
    return result
  }

  it('locks down, shows the safe slide with the town name, starts the core, then shows the player', async () => {
    const kiosk = await run()
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null)
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep')
    const window = BrowserWindow.instances[0]!
    const safeSlide = window.webContents.loadFile.mock.calls[0]![0]
    expect(safeSlide).toBe(join(app.userData, 'safe-slide.html'))

    const core = forked[0]!
    expect(core.modulePath).toMatch(/core-entry\.js$/)
    expect(core.options.env).toMatchObject({ INFOMONITOR_CONFIG: config })
    core.emit('message', { type: 'ready', url: 'http://127.0.0.1:8080/' })
    expect(window.webContents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:8080/')

    // The lockdown knows the player's origin now.
    const away = new FakeEvent({ url: 'https://example.org/' })
    window.webContents.emit('will-navigate', away, away.url)
    const home = new FakeEvent({ url: 'http://127.0.0.1:8080/?x' })
    window.webContents.emit('will-navigate', home, home.url)
    expect(away.preventDefault).toHaveBeenCalled()
    expect(home.preventDefault).not.toHaveBeenCalled()
    expect(kiosk?.core.status().url).toBe('http://127.0.0.1:8080/')
  })

  it('quits when another kiosk already runs', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false)
    expect(await run()).toBeUndefined()
    expect(app.quit).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
  })

  it('opens the window again when all windows were closed', async () => {
    await run()
    app.emit('window-all-closed')
    expect(BrowserWindow.instances).toHaveLength(1)
    BrowserWindow.instances[0]!.destroy()
    app.emit('window-all-closed')
    expect(BrowserWindow.instances).toHaveLength(2)
  })

  it('after 3 GPU crashes relaunches without hardware acceleration, and starts so next time', async () => {
    await run({ supervised: true })
    for (let index = 0; index < 3; index++)
      app.emit('child-process-gone', new FakeEvent(), { type: 'GPU', reason: 'crashed', exitCode: 1 })
    expect(app.exit).toHaveBeenCalledWith(RELAUNCH_EXIT_CODE)
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled()

    resetFakeElectron()
    await run()
    expect(app.disableHardwareAcceleration).toHaveBeenCalled()
  })

  it('relaunches by itself when not supervised', async () => {
    await run()
    for (let index = 0; index < 3; index++)
      app.emit('child-process-gone', new FakeEvent(), { type: 'GPU', reason: 'crashed', exitCode: 1 })
    expect(app.relaunch).toHaveBeenCalled()
    expect(app.exit).toHaveBeenCalledWith(0)
  })

  it('stops the core before quitting', async () => {
    await run()
    const core = forked[0]!
    core.postMessage.mockImplementation((message: { type: string }) => {
      if (message.type === 'stop') queueMicrotask(() => core.emit('exit', 0))
    })
    const event = new FakeEvent()
    app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0))
    expect(core.postMessage).toHaveBeenCalledWith({ type: 'stop' })
  })

  it('gives a packaged app on the demo config a writable cache dir', async () => {
    app.isPackaged = true
    const demo = kioskAppOptions([], {}).configFile
    await run({ configFile: demo })
    expect(forked[0]!.options.env).toMatchObject({ INFOMONITOR_CACHE_DIR: join(app.userData, 'cache') })
  })
})
