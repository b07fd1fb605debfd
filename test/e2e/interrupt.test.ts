import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ContentCache } from '../../main/cache/content-cache.js'
import type { KioskCore } from '../../main/core/kiosk-core.js'
import { FixtureServer } from '../helpers/fixture-server.js'
import { testItem } from '../helpers/items.js'
import {
  configFrom,
  type KioskPage,
  launchChromium,
  openKiosk,
  type ShownSlide,
  startCore,
  waitFor,
} from '../helpers/kiosk-browser.js'
import { type RssItemFixture, rssFeedOf } from '../helpers/rss-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

/** What the screen must do at once: show an urgent warning, a correction, a removal. */
const WITHIN_MS = 2_000

const published = new Date(Date.now() - 3_600_000)
const NEWS: RssItemFixture[] = [
  { guid: 'rathaus', title: 'Rathaus am Montag geschlossen', published },
  { guid: 'bibliothek', title: 'Stadtbibliothek verlängert Öffnungszeiten', published },
  { guid: 'freibad', title: 'Freibad öffnet am 1. Mai', published },
]

describe('changes reach the screen at once', () => {
  const dir = tempDir('infomonitor-e2e-interrupt-')
  const feeds = new FixtureServer()
  let news = [...NEWS]
  let core: KioskCore
  let browser: Browser
  let kiosk: KioskPage
  const measured: Record<string, number> = {}

  const serveNews = () =>
    feeds.route('/news.xml', {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: rssFeedOf(news),
    })

  /** The rotation slide on screen, once the page shows one. */
  const rotationSlide = async (): Promise<ShownSlide> =>
    (
      await waitFor('a news slide in rotation', 10_000, async () => {
        const shown = await kiosk.shown()
        return shown.mode === 'rotation' && shown.kind === 'news' && shown.frames === 1 ? shown : undefined
      })
    ).value

  beforeAll(async () => {
    serveNews()
    await feeds.start()
    // Slides of 20 s: nothing moves on by itself while a test looks at one slide.
    const config = configFrom(
      `monitor: { id: e2e-interrupt, name: Schmölln }
rotation: { minSeconds: 20, maxSeconds: 20 }
sources:
  - { id: news, type: rss, url: ${JSON.stringify(feeds.url('/news.xml'))}, schedule: '0 0 1 1 *' }`,
      dir.path,
    )
    core = await startCore(config)
    const [report] = await core.scheduler.syncAll()
    expect(report?.error).toBeUndefined()
    browser = await launchChromium()
    kiosk = await openKiosk(browser, core.playerUrl, { width: 1920, height: 1080 })
  })

  afterAll(async () => {
    console.log('latencies (ms):', measured)
    await browser?.close()
    await core?.stop()
    await feeds.stop()
    dir.remove()
  })

  it('an urgent warning written into cache.db by another connection interrupts within 2 s; the rotation resumes when it ends', async () => {
    const before = await rotationSlide()
    const validUntil = new Date(Date.now() + 8_000)
    const warning = testItem({
      id: 'e2e-warnings:hochwasser',
      sourceId: 'e2e-warnings',
      kind: 'warning',
      priority: 'urgent',
      title: 'Hochwasser an der Sprotte',
      summary: 'Die Sprotte tritt in Schmölln über die Ufer.',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validUntil: validUntil.toISOString(),
      warning: {
        severity: 'Extreme',
        urgency: 'Immediate',
        event: 'Hochwasser',
        instruction: 'Meiden Sie das Ufer.',
      },
    })
    // A second connection to the same file, as the CLI or another process would write it.
    const other = ContentCache.open(dir.path)
    try {
      other.items.replaceSnapshot('e2e-warnings', [warning])
    } finally {
      other.close()
    }
    const committedAt = Date.now()
    const shown = await waitFor(
      'the warning on screen',
      5_000,
      async () => {
        const now = await kiosk.shown()
        return now.kind === 'warning' && now.key?.startsWith(warning.id) && now.title === warning.title
          ? now
          : undefined
      },
      25,
    )
    measured.interrupt = Date.now() - committedAt
    expect(shown.value.mode).toBe('interrupt')
    expect(measured.interrupt).toBeLessThanOrEqual(WITHIN_MS)

    // When it ends, the rotation comes back where it was.
    const resumed = await waitFor(
      'the rotation back after the warning ended',
      validUntil.getTime() - Date.now() + 7_000,
      async () => {
        const now = await kiosk.shown()
        // Once the warning has faded out.
        return now.mode === 'rotation' && now.frames === 1 ? now : undefined
      },
    )
    measured.resumeAfterValidUntil = Date.now() - validUntil.getTime()
    expect(resumed.value.key).toBe(before.key)
    expect(await kiosk.page.evaluate('document.body.innerText')).not.toContain(warning.title)
  })

  it('a corrected title of the item on screen appears within 2 s of the sync that brought it', async () => {
    const before = await rotationSlide()
    const index = news.findIndex((item) => before.key === `news:${item.guid}`)
    expect(index).toBeGreaterThanOrEqual(0)
    const corrected = 'Rathaus am Dienstag geschlossen'
    expect(before.title).not.toBe(corrected)
    news = news.map((item, at) => (at === index ? { ...item, title: corrected } : item))
    serveNews()
    const report = await core.scheduler.syncNow('news')
    const syncedAt = Date.now()
    expect(report.change).toMatchObject({ updated: 1 })
    await waitFor('the corrected title', 5_000, async () => (await kiosk.shown()).title === corrected, 25)
    measured.correction = Date.now() - syncedAt
    expect(measured.correction).toBeLessThanOrEqual(WITHIN_MS)
    // Corrected in place: the same slide, not the next one.
    expect((await kiosk.shown()).key).toBe(before.key)
  })

  it('an item removed from its feed leaves the screen within 2 s of the sync', async () => {
    const before = await rotationSlide()
    const removed = news.find((item) => before.key === `news:${item.guid}`)!
    news = news.filter((item) => item !== removed)
    serveNews()
    const report = await core.scheduler.syncNow('news')
    const syncedAt = Date.now()
    expect(report.change).toMatchObject({ removed: 1 })
    const after = await waitFor(
      'the removed item gone',
      5_000,
      async () => {
        const now = await kiosk.shown()
        return now.key !== before.key && now.frames === 1 ? now : undefined
      },
      25,
    )
    measured.removal = Date.now() - syncedAt
    expect(measured.removal).toBeLessThanOrEqual(WITHIN_MS)
    expect(after.value.kind).toBe('news')
    expect(await kiosk.page.evaluate('document.body.innerText')).not.toContain(removed.title)
    expect(kiosk.problems).toEqual([])
    expect(kiosk.offHostAttempts).toEqual([])
  })
})
