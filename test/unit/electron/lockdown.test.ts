import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  isAllowedNavigation,
  isBlockedShortcut,
  type KeyInput,
  lockDownApp,
  lockDownSession,
  lockDownWebContents,
} from '../../../main/electron/lockdown.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import {
  app,
  FakeDownloadItem,
  FakeEvent,
  FakeSession,
  FakeWebContents,
  Menu,
  powerSaveBlocker,
  resetFakeElectron,
  session,
} from './fake-electron.js'

vi.mock('electron', () => import('./fake-electron.js'))

const PLAYER = 'http://127.0.0.1:8080'
type Contents = Parameters<typeof lockDownWebContents>[0]
type Session = Parameters<typeof lockDownSession>[0]

function key(fields: Partial<KeyInput>): KeyInput {
  return { key: '', code: '', control: false, meta: false, alt: false, shift: false, ...fields }
}

describe('isAllowedNavigation', () => {
  it('allows the player origin only, compared as parsed origins', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8080/', PLAYER)).toBe(true)
    expect(isAllowedNavigation('http://127.0.0.1:8080/admin/?x=1#y', PLAYER)).toBe(true)
    expect(isAllowedNavigation('https://example.org/', PLAYER)).toBe(false)
    expect(isAllowedNavigation('http://127.0.0.1:8080.evil.example/', PLAYER)).toBe(false)
    expect(isAllowedNavigation('http://127.0.0.1:80800/', PLAYER)).toBe(false)
    expect(isAllowedNavigation('http://127.0.0.1:8081/', PLAYER)).toBe(false)
    expect(isAllowedNavigation('https://127.0.0.1:8080/', PLAYER)).toBe(false)
    expect(isAllowedNavigation('http://user@127.0.0.1:8080@evil.example/', PLAYER)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', PLAYER)).toBe(false)
    expect(isAllowedNavigation('javascript:alert(1)', PLAYER)).toBe(false)
    expect(isAllowedNavigation('not a url', PLAYER)).toBe(false)
  })

  it('allows nothing before the core is up', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8080/', undefined)).toBe(false)
  })
})

describe('isBlockedShortcut', () => {
  it.each([
    ['F5', key({ key: 'F5', code: 'F5' })],
    ['Ctrl+R', key({ key: 'r', code: 'KeyR', control: true })],
    ['Ctrl+Shift+R', key({ key: 'R', code: 'KeyR', control: true, shift: true })],
    ['Ctrl+Shift+I', key({ key: 'I', code: 'KeyI', control: true, shift: true })],
    ['Cmd+Alt+I', key({ key: 'i', code: 'KeyI', meta: true, alt: true })],
    ['Ctrl+Shift+J', key({ key: 'J', code: 'KeyJ', control: true, shift: true })],
    ['F12', key({ key: 'F12', code: 'F12' })],
    ['Ctrl+W', key({ key: 'w', code: 'KeyW', control: true })],
    ['Ctrl+Q', key({ key: 'q', code: 'KeyQ', control: true })],
    ['Cmd+Q', key({ key: 'q', code: 'KeyQ', meta: true })],
    ['Alt+F4', key({ key: 'F4', code: 'F4', alt: true })],
    ['F11', key({ key: 'F11', code: 'F11' })],
    ['Ctrl++ (US)', key({ key: '=', code: 'Equal', control: true })],
    ['Ctrl++ (German layout)', key({ key: '+', code: 'BracketRight', control: true })],
    ['Ctrl+- (German layout)', key({ key: '-', code: 'Slash', control: true })],
    ['Ctrl+0', key({ key: '0', code: 'Digit0', control: true })],
    ['Ctrl+numpad +', key({ key: '+', code: 'NumpadAdd', control: true })],
    ['Alt+Left (back)', key({ key: 'ArrowLeft', code: 'ArrowLeft', alt: true })],
    ['browser back key', key({ key: 'BrowserBack', code: 'BrowserBack' })],
    ['Ctrl+P', key({ key: 'p', code: 'KeyP', control: true })],
  ])('swallows %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true)
  })

  it.each([
    ['a', key({ key: 'a', code: 'KeyA' })],
    ['Shift+A', key({ key: 'A', code: 'KeyA', shift: true })],
    ['Enter', key({ key: 'Enter', code: 'Enter' })],
    ['Space', key({ key: ' ', code: 'Space' })],
    ['ArrowLeft', key({ key: 'ArrowLeft', code: 'ArrowLeft' })],
    ['+', key({ key: '+', code: 'BracketRight' })],
    ['0', key({ key: '0', code: 'Digit0' })],
    ['Ctrl+C', key({ key: 'c', code: 'KeyC', control: true })],
    ['F1', key({ key: 'F1', code: 'F1' })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false)
  })
})

describe('lockDownWebContents', () => {
  let contents: FakeWebContents
  let captured: ReturnType<typeof captureLogger>
  const incidents: string[] = []

  beforeEach(() => {
    resetFakeElectron()
    incidents.length = 0
    contents = new FakeWebContents()
    captured = captureLogger()
    lockDownWebContents(contents as unknown as Contents, {
      log: captured.log,
      dev: false,
      allowedOrigin: () => PLAYER,
      onIncident: (kind, detail) => incidents.push(`${kind} ${detail}`),
    })
  })

  it('prevents and logs a navigation to https://example.org', () => {
    const event = new FakeEvent({ url: 'https://example.org/', isMainFrame: true })
    contents.emit('will-navigate', event, event.url)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(incidents).toEqual(['navigation https://example.org/'])
    expect(captured.lines).toContainEqual(
      expect.objectContaining({ msg: 'blocked navigation', url: 'https://example.org/', level: 40 }),
    )
  })

  it('lets the player page navigate within its own origin', () => {
    const event = new FakeEvent({ url: `${PLAYER}/?reload=1`, isMainFrame: true })
    contents.emit('will-navigate', event, event.url)
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(incidents).toEqual([])
  })

  it('prevents a look-alike origin that a prefix test would let through', () => {
    const event = new FakeEvent({ url: 'http://127.0.0.1:8080.evil.example/', isMainFrame: true })
    contents.emit('will-navigate', event, event.url)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('prevents redirects and sub-frame navigations away from the player', () => {
    const redirect = new FakeEvent({ url: 'https://example.org/landing' })
    contents.emit('will-redirect', redirect, redirect.url)
    const frame = new FakeEvent({ url: 'https://example.org/frame', isMainFrame: false })
    contents.emit('will-frame-navigate', frame)
    expect(redirect.preventDefault).toHaveBeenCalled()
    expect(frame.preventDefault).toHaveBeenCalled()
    expect(incidents).toEqual([
      'redirect https://example.org/landing',
      'navigation https://example.org/frame',
    ])
  })

  it('denies window.open and logs it', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/popup' })).toEqual({ action: 'deny' })
    expect(captured.lines).toContainEqual(
      expect.objectContaining({ msg: 'blocked window-open', url: 'https://example.org/popup' }),
    )
  })

  it('prevents a <webview> from attaching', () => {
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org/' })
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('swallows F5 and Ctrl+Shift+I but lets normal keys through', () => {
    const f5 = new FakeEvent()
    contents.emit('before-input-event', f5, key({ key: 'F5', code: 'F5' }))
    const devtools = new FakeEvent()
    contents.emit('before-input-event', devtools, key({ key: 'I', code: 'KeyI', control: true, shift: true }))
    const letter = new FakeEvent()
    contents.emit('before-input-event', letter, key({ key: 'a', code: 'KeyA' }))
    expect(f5.preventDefault).toHaveBeenCalled()
    expect(devtools.preventDefault).toHaveBeenCalled()
    expect(letter.preventDefault).not.toHaveBeenCalled()
  })

  it('hides the cursor on every page', () => {
    contents.emit('dom-ready')
    expect(contents.insertCSS).toHaveBeenCalledWith('*{cursor:none !important}')
  })

  it('keeps shortcuts and the cursor in dev mode, but not navigation', () => {
    const dev = new FakeWebContents()
    lockDownWebContents(dev as unknown as Contents, {
      log: captured.log,
      dev: true,
      allowedOrigin: () => PLAYER,
    })
    const f5 = new FakeEvent()
    dev.emit('before-input-event', f5, key({ key: 'F5', code: 'F5' }))
    dev.emit('dom-ready')
    const away = new FakeEvent({ url: 'https://example.org/' })
    dev.emit('will-navigate', away, away.url)
    expect(f5.preventDefault).not.toHaveBeenCalled()
    expect(dev.insertCSS).not.toHaveBeenCalled()
    expect(away.preventDefault).toHaveBeenCalled()
  })

  it('allows no navigation at all before the core is up', () => {
    const early = new FakeWebContents()
    lockDownWebContents(early as unknown as Contents, {
      log: captured.log,
      dev: false,
      allowedOrigin: () => undefined,
    })
    const event = new FakeEvent({ url: `${PLAYER}/` })
    early.emit('will-navigate', event, event.url)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('lockDownSession', () => {
  it('denies every permission request and check, and device access', () => {
    const ses = new FakeSession()
    const captured = captureLogger()
    lockDownSession(ses as unknown as Session, { log: captured.log })
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'fullscreen',
    ]) {
      const callback = vi.fn()
      ses.permissionRequestHandler?.({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(ses.permissionCheckHandler?.({}, permission, PLAYER, {})).toBe(false)
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
    expect(captured.messages().filter((msg) => msg === 'blocked permission')).toHaveLength(8)
  })

  it('cancels every download', () => {
    const ses = new FakeSession()
    lockDownSession(ses as unknown as Session, { log: captureLogger().log })
    const event = new FakeEvent()
    const item = new FakeDownloadItem('http://127.0.0.1:8080/file.zip')
    ses.emit('will-download', event, item, {})
    expect(event.preventDefault).toHaveBeenCalled()
    expect(item.cancel).toHaveBeenCalled()
  })
})

describe('lockDownApp', () => {
  beforeEach(() => resetFakeElectron())

  it('removes the menu, keeps the display awake and locks down every new web contents and the session', () => {
    const id = lockDownApp({ log: captureLogger().log, dev: false, allowedOrigin: () => PLAYER })
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null)
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep')
    expect(id).toBe(7)
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled()

    const contents = new FakeWebContents()
    app.emit('web-contents-created', new FakeEvent(), contents)
    const event = new FakeEvent({ url: 'https://example.org/' })
    contents.emit('will-navigate', event, event.url)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
  })
})
