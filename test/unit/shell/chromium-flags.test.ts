import { describe, expect, it } from 'vitest'
import {
  chromiumFlags,
  devToolsEndpointFrom,
  findChromium,
  parseWindowSize,
} from '../../../main/shell/chromium-flags.js'

const BASE = {
  url: 'http://127.0.0.1:8080/',
  userDataDir: '/var/cache/infomonitor/chromium-profile',
  debuggingPort: 0,
}

describe('chromiumFlags', () => {
  it('has every flag a kiosk needs', () => {
    const flags = chromiumFlags(BASE)
    expect(flags).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:8080/',
        '--user-data-dir=/var/cache/infomonitor/chromium-profile',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-translate',
        '--disable-features=Translate,MediaRouter',
        '--noerrdialogs',
        '--disable-session-crashed-bubble',
        '--disable-infobars',
        '--autoplay-policy=no-user-gesture-required',
        '--check-for-update-interval=31536000',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
        '--remote-debugging-address=127.0.0.1',
        '--remote-debugging-port=0',
      ]),
    )
  })

  it('keeps the sandbox and the GPU outside headless mode', () => {
    const flags = chromiumFlags(BASE)
    expect(flags).not.toContain('--no-sandbox')
    expect(flags).not.toContain('--headless')
    expect(flags).not.toContain('--disable-gpu')
    expect(chromiumFlags({ ...BASE, noSandbox: true })).toContain('--no-sandbox')
  })

  it('runs headless for tests: no window, GPU or sandbox, a fixed window size', () => {
    const flags = chromiumFlags({
      ...BASE,
      headless: true,
      windowSize: { width: 1920, height: 1080 },
      debuggingPort: 9333,
    })
    expect(flags).toEqual(
      expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1920,1080']),
    )
    expect(flags).toContain('--remote-debugging-port=9333')
  })

  it('merges extra --disable-features with its own, since Chromium honours only the last one', () => {
    const flags = chromiumFlags({
      ...BASE,
      extraArgs: ['--disable-features=Vulkan,Translate', '--enable-features=VaapiVideoDecoder', '--lang=de'],
    })
    expect(flags.filter((flag) => flag.startsWith('--disable-features='))).toEqual([
      '--disable-features=Translate,MediaRouter,Vulkan',
    ])
    expect(flags).toContain('--enable-features=VaapiVideoDecoder')
    expect(flags.at(-1)).toBe('--lang=de')
  })

  it('refuses anything but an http(s) URL for the app window', () => {
    expect(() => chromiumFlags({ ...BASE, url: 'file:///etc/passwd' })).toThrow(/not an http/)
    expect(() => chromiumFlags({ ...BASE, url: 'javascript:alert(1)' })).toThrow(/not an http/)
  })
})

describe('findChromium', () => {
  it('takes the first candidate that exists', () => {
    const present = new Set(['/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
    expect(findChromium(undefined, (path) => present.has(path))).toBe('/usr/bin/chromium-browser')
    expect(findChromium(['/opt/a', '/opt/b'], (path) => path === '/opt/b')).toBe('/opt/b')
    expect(findChromium(undefined, () => false)).toBeUndefined()
  })
})

describe('parseWindowSize', () => {
  it('reads WxH and W,H', () => {
    expect(parseWindowSize('1920x1080')).toEqual({ width: 1920, height: 1080 })
    expect(parseWindowSize('1080,1920')).toEqual({ width: 1080, height: 1920 })
    expect(parseWindowSize('big')).toBeUndefined()
    expect(parseWindowSize('1920')).toBeUndefined()
  })
})

describe('devToolsEndpointFrom', () => {
  it("finds the endpoint in Chromium's stderr line", () => {
    expect(
      devToolsEndpointFrom('DevTools listening on ws://127.0.0.1:40747/devtools/browser/8acc2c04-60bf'),
    ).toBe('ws://127.0.0.1:40747/devtools/browser/8acc2c04-60bf')
    expect(
      devToolsEndpointFrom('[1121/211913.232445:ERROR:dbus/bus.cc:405] Failed to connect to the bus'),
    ).toBeUndefined()
  })
})
