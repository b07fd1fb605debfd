import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ElectronShell } from '../../../main/electron/electron-shell.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import { BrowserWindow, FakeEvent, PNG_BYTES, resetFakeElectron } from './fake-electron.js'

vi.mock('electron', () => import('./fake-electron.js'))

const SAFE = '/tmp/safe-slide.html'

describe('ElectronShell', () => {
  let shell: ElectronShell

  beforeEach(() => {
    vi.useFakeTimers()
    resetFakeElectron()
    shell = new ElectronShell({
      log: captureLogger().log,
      dev: false,
      safeSlidePath: SAFE,
      recovery: { probeIntervalMs: 0 },
    })
  })
  afterEach(async () => {
    await shell.stop()
    vi.useRealTimers()
  })

  it('shows the safe slide until the core is up, then the player', async () => {
    shell.showSafeSlide()
    const window = BrowserWindow.instances[0]!
    expect(window.webContents.loadFile).toHaveBeenCalledWith(SAFE)
    expect(shell.origin).toBeUndefined()
    await shell.start('http://127.0.0.1:8080/')
    expect(window.webContents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:8080/')
    expect(shell.origin).toBe('http://127.0.0.1:8080')
    expect(BrowserWindow.instances).toHaveLength(1)
  })

  it('keeps the page when a restarted core reports the same URL, and follows a new one', async () => {
    await shell.start('http://127.0.0.1:8080/')
    const contents = BrowserWindow.instances[0]!.webContents
    await shell.start('http://127.0.0.1:8080/')
    expect(contents.loadURL).toHaveBeenCalledTimes(1)
    await shell.start('http://127.0.0.1:8081/')
    expect(contents.loadURL).toHaveBeenLastCalledWith('http://127.0.0.1:8081/')
    expect(shell.origin).toBe('http://127.0.0.1:8081')
  })

  it('reloads a crashed renderer and reports it in status()', async () => {
    await shell.start('http://127.0.0.1:8080/')
    const contents = BrowserWindow.instances[0]!.webContents
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 })
    vi.advanceTimersByTime(1000)
    expect(contents.loadURL).toHaveBeenCalledTimes(2)
    expect(shell.status()).toMatchObject({
      shell: 'electron',
      running: true,
      restarts: 1,
      recoveries: 1,
      lastReason: 'renderer crashed',
      url: 'http://127.0.0.1:8080/',
    })
  })

  it('takes screenshots with capturePage()', async () => {
    await shell.start('http://127.0.0.1:8080/')
    expect(await shell.screenshot()).toEqual(PNG_BYTES)
    expect(BrowserWindow.instances[0]!.webContents.capturePage).toHaveBeenCalled()
  })

  it('opens the window again if it was closed', async () => {
    await shell.start('http://127.0.0.1:8080/')
    BrowserWindow.instances[0]!.destroy()
    expect(shell.status().running).toBe(false)
    shell.ensureWindow()
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(BrowserWindow.instances[1]!.webContents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:8080/')
  })

  it('has nothing to capture once stopped', async () => {
    await shell.start('http://127.0.0.1:8080/')
    await shell.stop()
    expect(BrowserWindow.instances[0]!.destroyed).toBe(true)
    await expect(shell.screenshot()).rejects.toThrow('no window')
  })
})
