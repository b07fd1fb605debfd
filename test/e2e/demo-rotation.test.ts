import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NoticeInputSchema } from '../../contracts/notice.js'
import type { KioskCore } from '../../main/core/kiosk-core.js'
import {
  AXE_SOURCE,
  demoConfig,
  type KioskPage,
  launchChromium,
  openKiosk,
  screenshotPath,
  startCore,
  waitFor,
} from '../helpers/kiosk-browser.js'
import { tempDir } from '../helpers/temp-dir.js'

const KINDS = ['roadworks', 'event', 'tourism', 'news', 'warning', 'notice'] as const
const NOTICE_TITLE = 'Markt am Samstag gesperrt'

interface Readability {
  /** The shorter side of the viewport in CSS pixels. */
  vmin: number
  /** Visible text smaller than 2 % of the shorter side. */
  small: { text: string; px: number; element: string }[]
  /** The slide headline's size as a fraction of the shorter side. */
  headline: number | null
  /** The slide's running text, as a fraction of the shorter side (null when the slide has none). */
  body: number | null
  /** Text blocks whose content is taller than their box. */
  overflowing: {
    element: string
    scrollHeight: number
    clientHeight: number
    overhang: number
    text: string
  }[]
}

/** Measured in the page on what is drawn: every visible text, the headline, the body text. */
const READABILITY = `(() => {
  const vmin = Math.min(innerWidth, innerHeight)
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
  const small = []
  const seen = new Set()
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    if (!node.data.trim() || !el || seen.has(el)) continue
    seen.add(el)
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const box = range.getBoundingClientRect()
    const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight
    if (!onScreen) continue
    const px = parseFloat(getComputedStyle(el).fontSize)
    if (px < 0.02 * vmin - 0.01) small.push({ text: node.data.trim().slice(0, 40), px, element: describe(el) })
  }
  const frame = document.querySelector('.slide-frame:not([inert])')
  const size = (selector) => {
    const el = frame && frame.querySelector(selector)
    return el ? parseFloat(getComputedStyle(el).fontSize) / vmin : null
  }
  // scrollHeight counts each line's full font box (ascent + descent: 1.42 em for Source Sans 3),
  // which overhangs a tight line-height (1.08-1.2) without any glyph being cut: that overhang,
  // measured on the element's own text, is not overflow; a line cut off is (its height or more).
  const overflowing = []
  for (const el of document.querySelectorAll('.kiosk h1, .kiosk h2, .kiosk p, .kiosk dt, .kiosk dd, .kiosk .fit-text')) {
    const style = getComputedStyle(el)
    if (style.display === 'inline' || style.display === 'contents' || el.closest('[inert]')) continue
    const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode()
    let overhang = 0
    if (text && style.lineHeight !== 'normal') {
      const range = document.createRange()
      range.selectNodeContents(text)
      const line = range.getClientRects()[0]
      if (line) overhang = Math.max(0, (line.height - parseFloat(style.lineHeight)) / 2)
    }
    if (el.scrollHeight > el.clientHeight + overhang + 1 || el.scrollWidth > el.clientWidth + 1) {
      overflowing.push({ element: describe(el), scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, overhang, text: el.textContent.slice(0, 40) })
    }
  }
  return { vmin, small, headline: size('.slide__title'), body: size('.slide__text'), overflowing }
})()`

interface AxeFinding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** axe-core over the page as it is now: WCAG 2.0/2.1 A and AA rules, colour contrast included. */
async function axeCheck(kiosk: KioskPage): Promise<{ serious: AxeFinding[]; contrastChecked: boolean }> {
  const { page } = kiosk
  // Evaluated through DevTools, which the page's CSP (no inline script, no eval) does not govern.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE)
  return (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => ({
      serious: result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })),
      contrastChecked: [...result.passes, ...result.incomplete, ...result.violations].some((r) => r.id === 'color-contrast'),
    }))`)) as { serious: AxeFinding[]; contrastChecked: boolean }
}

describe('the demo monitor in Chromium', () => {
  const dir = tempDir('infomonitor-e2e-demo-')
  let core: KioskCore
  let browser: Browser

  beforeAll(async () => {
    core = await startCore(demoConfig(dir.path))
    const reports = await core.scheduler.syncAll()
    expect(reports.filter((report) => report.error)).toEqual([])
    const now = Date.now()
    core.notices.create(
      NoticeInputSchema.parse({
        title: NOTICE_TITLE,
        text: 'Wegen des Weihnachtsmarktaufbaus ist der Markt am Samstag von 6 bis 14 Uhr für Fahrzeuge gesperrt.',
        validFrom: new Date(now - 3_600_000).toISOString(),
        validUntil: new Date(now + 86_400_000).toISOString(),
      }),
      'e2e',
      new Date(now),
    )
    core.hub.refresh()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await core?.stop()
    dir.remove()
  })

  it('rotates through a slide of every kind the feeds and the press office provide', async () => {
    const kiosk = await openKiosk(browser, core.playerUrl, { width: 1920, height: 1080, speed: 20 })
    const seen = new Map<string, string>()
    const keys = new Set<string>()
    await waitFor(
      `a slide of every kind: ${KINDS.join(', ')}`,
      60_000,
      async () => {
        const shown = await kiosk.shown()
        if (shown.kind && shown.key && shown.key !== 'fallback') {
          seen.set(shown.kind, shown.title ?? '')
          keys.add(shown.key)
        }
        return KINDS.every((kind) => seen.has(kind))
      },
      40,
    )
    expect([...seen.keys()].sort()).toEqual([...KINDS].sort())
    expect(seen.get('notice')).toBe(NOTICE_TITLE)
    expect(keys.size).toBeGreaterThan(KINDS.length)
    expect(await kiosk.page.evaluate('window.__infomonitor.rotations()')).toBeGreaterThan(KINDS.length)
    expect(kiosk.problems).toEqual([])
    expect(kiosk.offHostAttempts).toEqual([])
    await kiosk.close()
  })

  for (const screen of [
    { orientation: 'landscape', width: 1920, height: 1080 },
    { orientation: 'portrait', width: 1080, height: 1920 },
  ] as const) {
    it(`${screen.orientation} ${screen.width}×${screen.height}: every kind is large, fits its box and passes axe (WCAG 2 AA)`, async () => {
      // Slides of 1.3-4 s: after the 600 ms crossfade there is time enough to check one (~0.2 s).
      const kiosk = await openKiosk(browser, core.playerUrl, { ...screen, speed: 6 })
      const checked = new Map<string, { key: string; readability: Readability }>()
      let discarded = 0
      const deadline = Date.now() + 150_000
      while (checked.size < KINDS.length && Date.now() < deadline) {
        const { value: slide } = await waitFor('a slide of a kind not yet checked', 60_000, async () => {
          const shown = await kiosk.shown()
          // A fallback frame (no slide yet, or a slide that failed to render) is not a kind to check.
          return shown.kind && shown.key && shown.kind !== 'fallback' && !checked.has(shown.kind)
            ? shown
            : undefined
        })
        // The crossfade and the entering slide's settle animation (both 600 ms) are over.
        await waitFor('the crossfade to end', 5_000, async () => (await kiosk.shown()).frames === 1)
        await new Promise((resolve) => setTimeout(resolve, 100))
        const readability = (await kiosk.page.evaluate(READABILITY)) as Readability
        const axe = await axeCheck(kiosk)
        const png = await kiosk.page.screenshot({
          path: screenshotPath(`${screen.orientation}-${slide.kind}`),
        })
        const after = await kiosk.shown()
        if (after.key !== slide.key || after.rotations !== slide.rotations) {
          // The slide moved on while being checked: check this kind again on its next turn.
          discarded++
          continue
        }
        expect(png.length).toBeGreaterThan(10_000)
        expect(axe.contrastChecked).toBe(true)
        expect(axe.serious, `axe on the ${slide.kind} slide`).toEqual([])
        expect(readability.small, `text below 2 % on the ${slide.kind} slide`).toEqual([])
        expect(readability.overflowing, `text overflowing on the ${slide.kind} slide`).toEqual([])
        expect(readability.headline, `headline on the ${slide.kind} slide`).toBeGreaterThanOrEqual(0.06)
        if (readability.body !== null) {
          expect(readability.body, `body text on the ${slide.kind} slide`).toBeGreaterThanOrEqual(0.035)
        }
        checked.set(slide.kind!, { key: slide.key!, readability })
      }
      expect([...checked.keys()].sort(), `checked (${discarded} checks discarded)`).toEqual([...KINDS].sort())
      // Every kind carries running text in the demo, so the body size was measured on each.
      expect([...checked.values()].filter((entry) => entry.readability.body === null)).toEqual([])
      expect(kiosk.problems).toEqual([])
      expect(kiosk.offHostAttempts).toEqual([])
      await kiosk.close()
    }, 200_000)
  }
})
