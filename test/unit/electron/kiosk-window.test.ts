import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createKioskWindow, hardenedWebPreferences, isDevMode } from '../../../main/electron/kiosk-window.js'
import { BrowserWindow, resetFakeElectron } from './fake-electron.js'

vi.mock('electron', () => import('./fake-electron.js'))

describe('kiosk window', () => {
  beforeEach(() => {
    resetFakeElectron()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('has exactly the hardened webPreferences: sandboxed, isolated, no Node, no preload', () => {
    createKioskWindow(false)
    const window = BrowserWindow.instances[0]!
    expect(window.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    })
    expect(window.options.webPreferences).not.toHaveProperty('preload')
  })

  it('is a black, frameless, full-screen kiosk window, hidden until it has painted', () => {
    createKioskWindow(false)
    expect(BrowserWindow.instances[0]!.options).toMatchObject({
      fullscreen: true,
      kiosk: true,
      frame: false,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      show: false,
    })
  })

  it('shows itself when ready to show, or after a while if the first load never paints', () => {
    createKioskWindow(false, 5000)
    const ready = BrowserWindow.instances[0]!
    ready.emit('ready-to-show')
    expect(ready.show).toHaveBeenCalledTimes(1)

    createKioskWindow(false, 5000)
    const late = BrowserWindow.instances[1]!
    vi.advanceTimersByTime(4999)
    expect(late.show).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(late.show).toHaveBeenCalledTimes(1)
  })

  it('allows DevTools only with INFOMONITOR_DEV=1', () => {
    expect(isDevMode({})).toBe(false)
    expect(isDevMode({ INFOMONITOR_DEV: 'true' })).toBe(false)
    expect(isDevMode({ INFOMONITOR_DEV: '1' })).toBe(true)
    expect(hardenedWebPreferences(true).devTools).toBe(true)
    expect(hardenedWebPreferences(true)).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
  })
})
