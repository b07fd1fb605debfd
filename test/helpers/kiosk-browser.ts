import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, chromium, type Page } from 'playwright-core'
import { type LoadedConfig, parseConfigText } from '../../kiosk-config/config-loader.js'
import { KioskCore } from '../../main/core/kiosk-core.js'
import { HEADLESS_CHROMIUM_ARGS } from '../../main/shell/chromium-flags.js'
import { type Clock, systemClock } from '../../main/util/clock.js'
import { silentLogger } from '../../main/util/logger.js'
import { packagePath } from '../../main/util/package-root.js'

/**
 * The end-to-end tests' browser: always Debian's Chromium, never a downloaded one. When it is
 * missing the tests fail loudly (CI installs it first); they never skip.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_ARGS = HEADLESS_CHROMIUM_ARGS
export const SCREENSHOT_DIR = packagePath('test-results', 'screenshots')
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: the end-to-end tests need Debian's Chromium (apt-get install -y chromium)`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 })
}

/** A config from YAML text, with its cache in `cacheDir`. */
export function configFrom(text: string, cacheDir: string): LoadedConfig {
  const loaded = parseConfigText(`${text}\ncache:\n  dir: ${JSON.stringify(cacheDir)}\n`, 'yaml', cacheDir)
  if (!loaded.ok) throw new Error(`test config is invalid: ${JSON.stringify(loaded.problems)}`)
  return loaded
}

/**
 * The embedded demo config (kiosk-config/examples/demo.yaml) with its cache in `cacheDir`. Its
 * core serves the demo feeds on 127.0.0.1:18079, so files using it run one after another.
 */
export function demoConfig(cacheDir: string): LoadedConfig {
  const file = packagePath('kiosk-config', 'examples', 'demo.yaml')
  const loaded = parseConfigText(readFileSync(file, 'utf8'), 'yaml', packagePath('kiosk-config', 'examples'))
  if (!loaded.ok) throw new Error(`demo.yaml is invalid: ${JSON.stringify(loaded.problems)}`)
  loaded.config.cache.dir = cacheDir
  return loaded
}

/** A real core on free ports (player and admin). */
export function startCore(loaded: LoadedConfig, clock: Clock = systemClock): Promise<KioskCore> {
  return KioskCore.start({ loaded, clock, log: silentLogger(), playerPort: 0, adminPort: 0 })
}

/** What a passer-by sees now, read from the page (the slide kind marker is `article[data-kind]`). */
export interface ShownSlide {
  /** `window.__infomonitor.slideKey()`: 'fallback' on the fallback slide. */
  key: string | undefined
  rotations: number
  /** The kind marker of the current slide (not the one fading out). */
  kind: string | undefined
  /** The current slide's headline as drawn (may end in "…" when shortened). */
  title: string | undefined
  /** `interrupt`, `rotation` or `fallback`. */
  mode: string | undefined
  /** The "Stand: …" line, when shown. */
  staleBadge: string | undefined
  /** How many slide frames are in the DOM (two during a crossfade). */
  frames: number
}

const SHOWN_SLIDE = `(() => {
  const frame = document.querySelector('.slide-frame:not([inert])')
  const article = frame && frame.querySelector('article[data-kind]')
  const title = frame && frame.querySelector('h1')
  const kiosk = document.querySelector('.kiosk')
  const badge = document.querySelector('.stale-badge')
  const api = window.__infomonitor
  return {
    key: api ? api.slideKey() : undefined,
    rotations: api ? api.rotations() : 0,
    kind: article ? article.dataset.kind : undefined,
    title: title ? title.textContent : undefined,
    mode: kiosk ? kiosk.dataset.mode : undefined,
    staleBadge: badge ? badge.textContent : undefined,
    frames: document.querySelectorAll('.slide-frame').length,
  }
})()`

export interface KioskPage {
  page: Page
  /** Console errors and uncaught exceptions, as they happened. */
  problems: string[]
  /**
   * Requests to a host other than the player's that got as far as the network (where they are
   * refused, so nothing leaves the machine even if the page tried).
   */
  offHost: string[]
  /** Every request the page began to another host, with how it failed (e.g. refused by the CSP). */
  offHostAttempts: { url: string; failure?: string }[]
  shown(): Promise<ShownSlide>
  close(): Promise<void>
}

export interface KioskPageOptions {
  width: number
  height: number
  /** `?speed=N`: slide durations divided by N. */
  speed?: number
}

/**
 * Opens the kiosk page in its own browser context at the given screen size. Requests to any
 * other host are recorded and refused (nothing may leave the machine even if the page tried).
 */
export async function openKiosk(
  browser: Browser,
  playerUrl: string,
  options: KioskPageOptions,
): Promise<KioskPage> {
  const origin = new URL(playerUrl).origin
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    locale: 'de-DE',
  })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const problems: string[] = []
  const offHost: string[] = []
  const offHostAttempts: { url: string; failure?: string }[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) offHostAttempts.push({ url: request.url() })
  })
  page.on('requestfailed', (request) => {
    const attempt = offHostAttempts.find((entry) => entry.url === request.url() && !entry.failure)
    if (attempt) attempt.failure = request.failure()?.errorText ?? 'failed'
  })
  // Only what the page's own checks (the CSP) let through reaches this handler.
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      offHost.push(route.request().url())
      return route.abort('blockedbyclient')
    },
  )
  const url = new URL(playerUrl)
  if (options.speed !== undefined) url.searchParams.set('speed', String(options.speed))
  await page.goto(url.href)
  return {
    page,
    problems,
    offHost,
    offHostAttempts,
    shown: () => page.evaluate(SHOWN_SLIDE) as Promise<ShownSlide>,
    close: () => context.close(),
  }
}

/**
 * Polls `probe` every `intervalMs` until it returns something other than undefined/false, at
 * most `timeoutMs`; resolves with that value and how long it took. `what` names it in the failure.
 */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  intervalMs = 50,
): Promise<{ value: T; ms: number }> {
  const started = Date.now()
  const deadline = started + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return { value, ms: Date.now() - started }
    if (Date.now() >= deadline) break
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

/** The folder for screenshots kept as test artefacts. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return `${SCREENSHOT_DIR}/${name}.png`
}
