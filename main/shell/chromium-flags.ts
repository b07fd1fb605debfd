import { existsSync } from 'node:fs'

/** Where distributions put Chromium (Debian/Raspberry Pi OS, Ubuntu, Google's package). */
/**
 * A headless Chromium that renders pages for the core (admin previews, screenshots without a
 * shell) and for tests: no sandbox (it runs as root in containers), no GPU, and none of the
 * background traffic a closed network refuses.
 */
export const HEADLESS_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
] as const

/** The first Chromium that exists, or undefined. */
export function findChromium(
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  return candidates.find((path) => exists(path))
}

export interface ChromiumFlagOptions {
  /** The player URL: loopback http only. */
  url: string
  /** A profile of our own (never the desktop user's): crash state, cache and locks stay ours. */
  userDataDir: string
  /** 0 lets Chromium pick a free port; it prints it on stderr ("DevTools listening on ..."). */
  debuggingPort: number
  /** For tests and CI: no window, no GPU, no sandbox (the sandbox refuses to run as root). */
  headless?: boolean
  /** Without a sandbox outside headless mode, e.g. in a container running as root. */
  noSandbox?: boolean
  windowSize?: { width: number; height: number }
  /** Appended last; --disable-features/--enable-features are merged with ours, not replaced. */
  extraArgs?: readonly string[]
}

const DISABLED_FEATURES = ['Translate', 'MediaRouter']

/**
 * The command line of a kiosk Chromium: full screen on one page, no browser UI, no prompts,
 * bubbles, updates, sync or background traffic, media that may play on its own, and a DevTools
 * endpoint on loopback for the watchdog and screenshots.
 */
export function chromiumFlags(options: ChromiumFlagOptions): string[] {
  const url = new URL(options.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`not an http(s) URL: ${options.url}`)
  const extra = options.extraArgs ?? []
  const disabled = mergeFeatureList(DISABLED_FEATURES, extra, '--disable-features=')
  const enabled = mergeFeatureList([], extra, '--enable-features=')
  const flags = [
    '--kiosk',
    `--app=${url.href}`,
    `--user-data-dir=${options.userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    `--disable-features=${disabled.join(',')}`,
    ...(enabled.length > 0 ? [`--enable-features=${enabled.join(',')}`] : []),
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    // Newer Chromium replaced the flag above with this one; both are harmless where unknown.
    '--hide-crash-restore-bubble',
    '--disable-infobars',
    '--autoplay-policy=no-user-gesture-required',
    '--check-for-update-interval=31536000',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    // No keyring on a kiosk: without this, Chromium may stop and ask to unlock one.
    '--password-store=basic',
    // The page is the only thing on screen; it must never be throttled as if hidden.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--remote-debugging-address=127.0.0.1',
    `--remote-debugging-port=${options.debuggingPort}`,
  ]
  if (options.headless) flags.push('--headless', '--no-sandbox', '--disable-gpu')
  else if (options.noSandbox) flags.push('--no-sandbox')
  if (options.windowSize) flags.push(`--window-size=${options.windowSize.width},${options.windowSize.height}`)
  flags.push(
    ...extra.filter((arg) => !arg.startsWith('--disable-features=') && !arg.startsWith('--enable-features=')),
  )
  return flags
}

// Chromium honours only the last --disable-features (or --enable-features) it is given.
function mergeFeatureList(ours: readonly string[], extra: readonly string[], prefix: string): string[] {
  const merged = new Set(ours)
  for (const arg of extra) {
    if (!arg.startsWith(prefix)) continue
    for (const feature of arg.slice(prefix.length).split(',')) if (feature) merged.add(feature)
  }
  return [...merged]
}

/** Parses `--window-size`-style `1920x1080` or `1920,1080`. */
export function parseWindowSize(text: string): { width: number; height: number } | undefined {
  const match = /^(\d{2,5})[x,](\d{2,5})$/.exec(text.trim())
  if (!match) return undefined
  return { width: Number(match[1]), height: Number(match[2]) }
}

/** The browser's DevTools WebSocket URL from Chromium's stderr line "DevTools listening on ws://...". */
export function devToolsEndpointFrom(line: string): string | undefined {
  return /DevTools listening on (ws:\/\/\S+)/.exec(line)?.[1]
}
