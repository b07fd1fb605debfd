import { app, type Input, Menu, powerSaveBlocker, type Session, session, type WebContents } from 'electron'
import type { Logger } from '../util/logger.js'

/** Blocked attempts, for the log and the status: each is a sign of a bug or an attack. */
export type Incident = 'navigation' | 'redirect' | 'window-open' | 'webview' | 'permission' | 'download'

export interface LockdownOptions {
  log: Logger
  dev: boolean
  /** The player's origin (`http://127.0.0.1:8080`); undefined until the core is up: nothing may load. */
  allowedOrigin(): string | undefined
  onIncident?(incident: Incident, detail: string): void
}

/**
 * Whether a navigation stays on the player. Compares parsed origins: a prefix test would let
 * `http://127.0.0.1:8080.evil.example` or `http://127.0.0.1:80800` through.
 */
export function isAllowedNavigation(url: string, allowedOrigin: string | undefined): boolean {
  if (!allowedOrigin) return false
  try {
    return new URL(url).origin === allowedOrigin
  } catch {
    return false
  }
}

export type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>

const ALWAYS_BLOCKED = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
])
// With Ctrl (or Cmd): reload, close, quit, print, save, open, view source, new window/tab, zoom.
const BLOCKED_WITH_CONTROL = new Set([
  'KeyR',
  'KeyW',
  'KeyQ',
  'F4',
  'KeyP',
  'KeyS',
  'KeyO',
  'KeyU',
  'KeyN',
  'KeyT',
  'Equal',
  'Minus',
  'Digit0',
  'NumpadAdd',
  'NumpadSubtract',
  'Numpad0',
])
// Zoom keys by what they type, whatever the layout (on a German keyboard "+" is BracketRight).
const ZOOM_KEYS = new Set(['+', '-', '=', '0'])
const DEVTOOLS_WITH_CONTROL_SHIFT = new Set(['KeyI', 'KeyJ', 'KeyC'])
const BLOCKED_WITH_ALT = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home'])

/**
 * The shortcuts a passer-by with a keyboard (or a stuck key) could use to reload, open
 * DevTools, close, zoom or leave full screen. Matched by physical key (`code`) like
 * element-desktop does, plus the typed key for zoom. Everything else passes.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (ALWAYS_BLOCKED.has(input.code) || ALWAYS_BLOCKED.has(input.key)) return true
  const control = input.control || input.meta
  if (control && input.shift && DEVTOOLS_WITH_CONTROL_SHIFT.has(input.code)) return true
  if (control && input.alt && input.code === 'KeyI') return true
  if (control && (BLOCKED_WITH_CONTROL.has(input.code) || ZOOM_KEYS.has(input.key))) return true
  if (input.alt && BLOCKED_WITH_ALT.has(input.code)) return true
  return false
}

const HIDE_CURSOR_CSS = '*{cursor:none !important}'

/** Navigation, pop-ups, webviews, shortcuts and the cursor, for one web contents. */
export function lockDownWebContents(contents: WebContents, options: LockdownOptions): void {
  const { log } = options
  const incident = (kind: Incident, detail: string) => {
    log.warn({ incident: kind, url: detail }, `blocked ${kind}`)
    options.onIncident?.(kind, detail)
  }
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, options.allowedOrigin())) return
    event.preventDefault()
    incident('navigation', event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAllowedNavigation(event.url, options.allowedOrigin())) return
    event.preventDefault()
    incident('navigation', event.url)
  })
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(event.url, options.allowedOrigin())) return
    event.preventDefault()
    incident('redirect', event.url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    incident('window-open', url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event, _preferences, params) => {
    event.preventDefault()
    incident('webview', params.src ?? '')
  })
  if (options.dev) return
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault()
  })
  contents.on('dom-ready', () => {
    contents
      .insertCSS(HIDE_CURSOR_CSS)
      .catch((error: Error) => log.warn({ error: error.message }, 'cannot hide the cursor'))
  })
}

/** Every permission request and check is denied, devices too; downloads are cancelled. */
export function lockDownSession(ses: Session, options: Pick<LockdownOptions, 'log' | 'onIncident'>): void {
  const incident = (kind: Incident, detail: string) => {
    options.log.warn({ incident: kind, detail }, `blocked ${kind}`)
    options.onIncident?.(kind, detail)
  }
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    incident('permission', permission)
    callback(false)
  })
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.on('will-download', (event, item) => {
    event.preventDefault()
    item.cancel()
    incident('download', item.getURL())
  })
}

/**
 * App-wide lockdown; call once the app is ready and before any window exists: no menu, the
 * display kept awake, and every web contents and the default session locked down as it is
 * created. Returns the power-save blocker's id.
 */
export function lockDownApp(options: LockdownOptions): number {
  Menu.setApplicationMenu(null)
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, options))
  lockDownSession(session.defaultSession, options)
  return powerSaveBlocker.start('prevent-display-sleep')
}
