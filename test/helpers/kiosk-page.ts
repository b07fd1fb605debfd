import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { type Browser, chromium, type Page } from 'playwright-core'
import { packagePath } from '../../main/util/package-root.js'

/** Builds the kiosk page once if dist/renderer is missing (someone else owns its sources). */
export function ensureRendererBuilt(): void {
  if (existsSync(packagePath('dist', 'renderer', 'index.html'))) return
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: packagePath(),
    stdio: 'inherit',
    timeout: 120_000,
  })
}

export interface PageLook {
  href: string
  readyState: string
  /** Tells one document from the next: a reloaded page has a later time origin. */
  timeOrigin: number
  elements: number
}

/**
 * The test's own DevTools connection to whatever Chromium the shell runs now, independent of
 * the shell's watchdog. A connection whose page crashed is dropped and made anew.
 */
export class PageInspector {
  private browser: Browser | undefined
  private endpoint: string | undefined

  constructor(private readonly endpointOf: () => string | undefined) {}

  async page(): Promise<Page | undefined> {
    const endpoint = this.endpointOf()
    if (!endpoint) return undefined
    if (endpoint !== this.endpoint || !this.browser?.isConnected()) {
      await this.close()
      this.browser = await chromium.connectOverCDP(endpoint, { timeout: 2000 })
      this.endpoint = endpoint
    }
    const page = this.browser.contexts()[0]?.pages()[0]
    // Connected while the page was crashed, Playwright does not list it even once it is back.
    if (!page) await this.close()
    return page
  }

  async look(timeoutMs = 1000): Promise<PageLook | undefined> {
    try {
      const page = await this.page()
      if (!page) return undefined
      const look = page.evaluate(
        '({ href: location.href, readyState: document.readyState, timeOrigin: performance.timeOrigin, elements: document.querySelectorAll("body *").length })',
      ) as Promise<PageLook>
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs)
      })
      const result = await Promise.race([look, timeout]).finally(() => clearTimeout(timer))
      if (!result) await this.close()
      return result
    } catch {
      await this.close()
      return undefined
    }
  }

  /** Waits, at most `timeoutMs`, until the player page is loaded (and newer than `after`). */
  async waitForPlayer(url: string, timeoutMs: number, after = 0): Promise<PageLook> {
    const deadline = Date.now() + timeoutMs
    let last: PageLook | undefined
    while (Date.now() < deadline) {
      last = (await this.look()) ?? last
      if (
        last &&
        last.href === url &&
        last.readyState === 'complete' &&
        last.timeOrigin > after &&
        last.elements > 0
      ) {
        return last
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(
      `the player page was not shown within ${timeoutMs} ms (last seen: ${JSON.stringify(last)})`,
    )
  }

  async close(): Promise<void> {
    const browser = this.browser
    this.browser = undefined
    this.endpoint = undefined
    await browser?.close().catch(() => {})
  }
}
