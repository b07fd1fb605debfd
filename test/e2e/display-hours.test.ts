import { DateTime } from 'luxon'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KioskCore } from '../../main/core/kiosk-core.js'
import { clockStartingAt } from '../../main/util/clock.js'
import { FixtureServer } from '../helpers/fixture-server.js'
import { configFrom, launchChromium, openKiosk, startCore, waitFor } from '../helpers/kiosk-browser.js'
import { rssFeedOf } from '../helpers/rss-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const BERLIN = 'Europe/Berlin'

/** Tomorrow at `hour`:00 in Berlin: a moment the feed's items are valid at, whatever day it is. */
function berlinTomorrowAt(hour: number): Date {
  return DateTime.now()
    .setZone(BERLIN)
    .plus({ days: 1 })
    .set({ hour, minute: 0, second: 0, millisecond: 0 })
    .toJSDate()
}

/** Everything a passer-by could see: visible text, images, and the colours behind them. */
const WHAT_IS_VISIBLE = `(() => {
  const texts = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    if (!node.data.trim() || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
    const range = document.createRange()
    range.selectNodeContents(node)
    const box = range.getBoundingClientRect()
    if (box.width > 0 && box.height > 0) texts.push(node.data.trim())
  }
  const media = [...document.querySelectorAll('img, svg, video, canvas')].filter((el) => el.checkVisibility()).length
  const off = document.querySelector('.display-off')
  const box = off && off.getBoundingClientRect()
  return {
    texts,
    media,
    html: getComputedStyle(document.documentElement).backgroundColor,
    body: getComputedStyle(document.body).backgroundColor,
    cover: off ? { background: getComputedStyle(off).backgroundColor, width: box.width, height: box.height } : null,
    slideKey: window.__infomonitor ? window.__infomonitor.slideKey() : 'no api',
  }
})()`

interface Visible {
  texts: string[]
  media: number
  html: string
  body: string
  cover: { background: string; width: number; height: number } | null
  slideKey: string | undefined
}

describe('display hours (06:00-22:00 Berlin)', () => {
  const feeds = new FixtureServer().route('/news.xml', {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    body: rssFeedOf([
      { guid: 'rathaus', title: 'Rathaus am Montag geschlossen' },
      { guid: 'freibad', title: 'Freibad öffnet am 1. Mai' },
    ]),
  })
  let browser: Browser

  /** A core whose clock starts at `at`, on its own cache. */
  const coreAt = async (at: Date): Promise<{ core: KioskCore; remove(): void }> => {
    const dir = tempDir('infomonitor-e2e-display-')
    const config = configFrom(
      `monitor: { id: e2e-display, name: Schmölln, timezone: ${BERLIN} }
display:
  hours: [{ days: [mon, tue, wed, thu, fri, sat, sun], from: '06:00', to: '22:00' }]
sources:
  - { id: news, type: rss, url: ${JSON.stringify(feeds.url('/news.xml'))}, schedule: '0 0 1 1 *' }`,
      dir.path,
    )
    const core = await startCore(config, clockStartingAt(at))
    const [report] = await core.scheduler.syncAll()
    expect(report?.error).toBeUndefined()
    return { core, remove: () => dir.remove() }
  }

  beforeAll(async () => {
    await feeds.start()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await feeds.stop()
  })

  it('at 03:00 the screen is black: no text, no image, nothing but black', async () => {
    const { core, remove } = await coreAt(berlinTomorrowAt(3))
    try {
      expect(core.hub.current().display.on).toBe(false)
      const kiosk = await openKiosk(browser, core.playerUrl, { width: 1920, height: 1080 })
      const { value } = await waitFor('the display-off state in the page', 10_000, async () => {
        const visible = (await kiosk.page.evaluate(WHAT_IS_VISIBLE)) as Visible
        return visible.cover ? visible : undefined
      })
      expect(value).toEqual({
        texts: [],
        media: 0,
        html: 'rgb(0, 0, 0)',
        body: 'rgb(0, 0, 0)',
        cover: { background: 'rgb(0, 0, 0)', width: 1920, height: 1080 },
        slideKey: undefined,
      })
      expect(kiosk.problems).toEqual([])
      await kiosk.close()
    } finally {
      await core.stop()
      remove()
    }
  })

  it('at 12:00 the slides show, with the monitor clock at the virtual time', async () => {
    const { core, remove } = await coreAt(berlinTomorrowAt(12))
    try {
      const kiosk = await openKiosk(browser, core.playerUrl, { width: 1920, height: 1080 })
      const { value } = await waitFor('a news slide', 10_000, async () => {
        const shown = await kiosk.shown()
        return shown.kind === 'news' ? shown : undefined
      })
      expect(['Rathaus am Montag geschlossen', 'Freibad öffnet am 1. Mai']).toContain(value.title)
      expect(await kiosk.page.textContent('.header__clock')).toMatch(/^12:0\d$/)
      const visible = (await kiosk.page.evaluate(WHAT_IS_VISIBLE)) as Visible
      expect(visible.cover).toBeNull()
      expect(visible.texts).toContain('Schmölln')
      expect(kiosk.problems).toEqual([])
      expect(kiosk.offHostAttempts).toEqual([])
      await kiosk.close()
    } finally {
      await core.stop()
      remove()
    }
  })
})
