import { existsSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { HEADLESS_CHROMIUM_ARGS } from '../shell/chromium-flags.js'
import type { Logger } from '../util/logger.js'

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** Ready means: the page has drawn its first frame, every image has loaded and fonts are in. */
const PAGE_READY = `(() => {
  const app = document.getElementById('app')
  if (!app || app.childElementCount === 0 || !window.__infomonitor) return false
  if (document.fonts.status !== 'loaded') return false
  return [...document.images].every((image) => image.complete)
})()`
const SLIDE_READY = `(() => window.__infomonitor && window.__infomonitor.slideKey() !== undefined)()`

export interface Viewport {
  width: number
  height: number
}

export type CaptureResult =
  | { ok: true; png: Buffer }
  | { ok: false; code: 'NoBrowser' | 'Busy' | 'RenderTimeout' | 'RenderFailed'; message: string }

export interface PageRendererOptions {
  log: Logger
  executablePath?: string
  /** Whole capture, from launch to PNG. */
  timeoutMs?: number
  /** The browser is closed after this long without a capture, to give the kiosk its memory back. */
  idleCloseMs?: number
  maxConcurrent?: number
}

/**
 * Renders pages of the player endpoint to PNG in a headless system Chromium: admin previews and
 * the screenshot when no shell is attached. One browser, launched on first use and reused; each
 * capture gets a fresh context. Every step is bounded by a timeout, and failures are values.
 */
export class PageRenderer {
  private browser: Promise<Browser> | undefined
  private idleTimer: NodeJS.Timeout | undefined
  private running = 0
  private readonly waiting: (() => void)[] = []
  private closed = false
  private readonly executablePath: string
  private readonly timeoutMs: number
  private readonly idleCloseMs: number
  private readonly maxConcurrent: number

  constructor(private readonly options: PageRendererOptions) {
    this.executablePath = options.executablePath ?? process.env.INFOMONITOR_CHROMIUM ?? DEFAULT_CHROMIUM
    this.timeoutMs = options.timeoutMs ?? 20_000
    this.idleCloseMs = options.idleCloseMs ?? 5 * 60_000
    this.maxConcurrent = options.maxConcurrent ?? 2
  }

  available(): boolean {
    return !this.closed && existsSync(this.executablePath)
  }

  /**
   * A PNG of `url` at `viewport`. Play reports of the rendered page are swallowed: a preview
   * must not count as shown. With `waitForSlide`, the capture waits until a slide is on screen.
   */
  async capture(
    url: string,
    viewport: Viewport,
    options: { waitForSlide?: boolean } = {},
  ): Promise<CaptureResult> {
    if (!this.available()) {
      return {
        ok: false,
        code: 'NoBrowser',
        message: `no browser to render with (${this.executablePath} not found)`,
      }
    }
    if (this.running >= this.maxConcurrent && this.waiting.length >= this.maxConcurrent * 2) {
      return { ok: false, code: 'Busy', message: 'too many renders at once; try again in a moment' }
    }
    await this.acquire()
    const deadline = Date.now() + this.timeoutMs
    let context: BrowserContext | undefined
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<CaptureResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            code: 'RenderTimeout',
            message: `rendering took longer than ${this.timeoutMs} ms`,
          }),
        this.timeoutMs,
      )
    })
    const work = (async (): Promise<CaptureResult> => {
      const browser = await this.launch()
      context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' })
      const page = await context.newPage()
      await page.route('**/api/plays', (route) => route.fulfill({ status: 204 }))
      const left = () => Math.max(deadline - Date.now(), 1)
      await page.goto(url, { waitUntil: 'load', timeout: left() })
      await waitUntil(page, PAGE_READY, deadline)
      if (options.waitForSlide) await waitUntil(page, SLIDE_READY, deadline)
      const png = await page.screenshot({ type: 'png', animations: 'disabled', timeout: left() })
      return { ok: true, png }
    })()
    try {
      return await Promise.race([
        work.catch(
          (error: Error): CaptureResult => ({
            ok: false,
            code: error.name === 'TimeoutError' ? 'RenderTimeout' : 'RenderFailed',
            message: error.message.split('\n')[0]!.slice(0, 300),
          }),
        ),
        timeout,
      ])
    } finally {
      clearTimeout(timer)
      // A capture that timed out may still be launching; its context is closed once it exists.
      void work.catch(() => undefined).finally(() => context?.close().catch(() => undefined))
      this.release()
    }
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.idleTimer)
    await this.closeBrowser()
  }

  private launch(): Promise<Browser> {
    clearTimeout(this.idleTimer)
    if (this.closed) return Promise.reject(new Error('the renderer is shut down'))
    if (!this.browser) {
      // Loaded on first use: playwright-core alone costs the core ~80 MB RSS (~30 MB heap),
      // which a kiosk that never renders a preview should not carry.
      const launching = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath: this.executablePath,
          headless: true,
          args: HEADLESS_CHROMIUM_ARGS,
          timeout: this.timeoutMs,
        }),
      )
      this.browser = launching
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = undefined
          }),
        (error: Error) => {
          if (this.browser === launching) this.browser = undefined
          this.options.log.warn({ error: error.message.split('\n')[0] }, 'headless renderer failed to start')
        },
      )
    }
    return this.browser
  }

  private async closeBrowser(): Promise<void> {
    const browser = this.browser
    this.browser = undefined
    await browser?.then((instance) => instance.close()).catch(() => undefined)
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
    if (this.running === 0 && !this.closed) {
      clearTimeout(this.idleTimer)
      this.idleTimer = setTimeout(() => void this.closeBrowser(), this.idleCloseMs)
      this.idleTimer.unref()
    }
  }
}

/**
 * Polls `expression` from outside the page: the kiosk page's CSP forbids eval, which Playwright's
 * in-page waitForFunction needs; DevTools evaluation is not subject to it.
 */
async function waitUntil(page: Page, expression: string, deadline: number): Promise<void> {
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) {
      const error = new Error('the page did not get ready in time')
      error.name = 'TimeoutError'
      throw error
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
