import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KioskCore } from '../../main/core/kiosk-core.js'
import { FixtureServer } from '../helpers/fixture-server.js'
import {
  configFrom,
  type KioskPage,
  launchChromium,
  openKiosk,
  startCore,
  waitFor,
} from '../helpers/kiosk-browser.js'
import { rssFeedOf } from '../helpers/rss-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const published = new Date(Date.now() - 3_600_000)
const rss = { 'content-type': 'application/rss+xml; charset=utf-8' }

describe('the network goes down and comes back', () => {
  const dir = tempDir('infomonitor-e2e-offline-')
  const feeds = new FixtureServer()
    .route('/news.xml', {
      headers: rss,
      body: rssFeedOf([
        { guid: 'rathaus', title: 'Rathaus am Montag geschlossen', published },
        { guid: 'freibad', title: 'Freibad öffnet am 1. Mai', published },
      ]),
    })
    .route('/amtsblatt.xml', {
      headers: rss,
      body: rssFeedOf([{ guid: 'amtsblatt-23', title: 'Amtsblatt Nr. 23 erschienen', published }]),
    })
  let port: number
  let core: KioskCore
  let browser: Browser
  let kiosk: KioskPage
  const measured: Record<string, number> = {}

  beforeAll(async () => {
    await feeds.start()
    port = feeds.port
    // Every 2 s (six-field cron): after a failure the scheduler retries at the next tick, then
    // after 2, 6, 14 … s, so the outage and the recovery both show within seconds.
    const config = configFrom(
      `monitor: { id: e2e-offline, name: Schmölln }
sources:
  - { id: news, type: rss, url: ${JSON.stringify(feeds.url('/news.xml'))}, schedule: '*/2 * * * * *' }
  - { id: amtsblatt, type: rss, url: ${JSON.stringify(feeds.url('/amtsblatt.xml'))}, schedule: '*/2 * * * * *' }`,
      dir.path,
    )
    core = await startCore(config)
    const reports = await core.scheduler.syncAll()
    expect(reports.map((report) => report.error)).toEqual([undefined, undefined])
    browser = await launchChromium()
    kiosk = await openKiosk(browser, core.playerUrl, { width: 1920, height: 1080 })
  })

  afterAll(async () => {
    console.log('offline (ms):', measured)
    await browser?.close()
    await core?.stop()
    await feeds.stop()
    dir.remove()
  })

  it('keeps the content on screen and shows "Stand: …" once every source has failed', async () => {
    const online = await waitFor('a news slide', 10_000, async () => {
      const shown = await kiosk.shown()
      return shown.kind === 'news' ? shown : undefined
    })
    expect(online.value.staleBadge).toBeUndefined()

    await feeds.stop()
    const stoppedAt = Date.now()
    const offline = await waitFor('the "Stand" badge', 15_000, async () => {
      const shown = await kiosk.shown()
      return shown.staleBadge ? shown : undefined
    })
    measured.badgeAfterStop = Date.now() - stoppedAt
    // The time of the last content that arrived, in the monitor's zone, as a passer-by reads it.
    expect(offline.value.staleBadge).toMatch(/^Stand: .*\d{1,2}:\d{2} Uhr$/)
    expect(offline.value.kind).toBe('news')
    expect(offline.value.mode).toBe('rotation')
    expect([
      'Rathaus am Montag geschlossen',
      'Freibad öffnet am 1. Mai',
      'Amtsblatt Nr. 23 erschienen',
    ]).toContain(offline.value.title)
    const states = core.config.sources.map((source) => core.cache.sources.get(source.id))
    expect(states.every((state) => state.consecutiveFailures > 0)).toBe(true)

    // Still there a while later, still rotating through the cached items.
    const rotations = offline.value.rotations
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const later = await kiosk.shown()
    expect(later.kind).toBe('news')
    expect(later.staleBadge).toBe(offline.value.staleBadge)
    expect(later.rotations).toBeGreaterThanOrEqual(rotations)
  })

  it('drops the badge once the feeds answer again', async () => {
    await feeds.start(port)
    const restoredAt = Date.now()
    // At most two failures so far: the next attempt comes within 2 s (interval) + 6 s (backoff).
    await waitFor('the badge gone', 15_000, async () => (await kiosk.shown()).staleBadge === undefined)
    measured.badgeGoneAfterRestore = Date.now() - restoredAt
    const shown = await kiosk.shown()
    expect(shown.kind).toBe('news')
    expect(kiosk.problems).toEqual([])
    expect(kiosk.offHostAttempts).toEqual([])
  })
})
