import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron'

/** INFOMONITOR_DEV=1 allows DevTools and the browser shortcuts; never set it on a street display. */
export function isDevMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.INFOMONITOR_DEV === '1'
}

/**
 * The renderer is a web page served by the core over loopback: it gets no Node, no preload
 * and no Electron API, runs sandboxed and context-isolated, and may not load insecure content.
 */
export function hardenedWebPreferences(dev: boolean): WebPreferences {
  return {
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
    devTools: dev,
    autoplayPolicy: 'no-user-gesture-required',
    // The page is the only thing on screen: never throttle its timers and animations.
    backgroundThrottling: false,
  }
}

export function kioskWindowOptions(dev: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'InfoMonitor',
    fullscreen: true,
    kiosk: true,
    frame: false,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    show: false,
    webPreferences: hardenedWebPreferences(dev),
  }
}

/**
 * The one full-screen window. It stays hidden (black) until the first paint, so no white flash
 * shows; if the first load never paints, it is shown anyway after `showAfterMs`, so the
 * screen is never left to the desktop.
 */
export function createKioskWindow(dev: boolean, showAfterMs = 5000): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(dev))
  const show = () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show()
  }
  window.once('ready-to-show', show)
  setTimeout(show, showAfterMs).unref()
  return window
}
