import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KioskCore } from '../../main/core/kiosk-core.js'
import { ChromiumShell } from '../../main/shell/chromium-shell.js'
import { silentLogger } from '../../main/util/logger.js'
import { FixtureServer } from '../helpers/fixture-server.js'
import { CHROMIUM_PATH, configFrom, launchChromium, startCore, waitFor } from '../helpers/kiosk-browser.js'
import { PageInspector } from '../helpers/kiosk-page.js'
import { rssFeedOf } from '../helpers/rss-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

// test/integration/shell/chromium-shell.test.ts covers the shell's mechanics (browser killed,
// Page.crash, hang, wrong page, restart counts). Here: what a passer-by sees, with the shell as
// `infomonitor start --shell chromium` runs it: after the renderer process is killed from
// outside, or hangs, the slides themselves are back on screen within 10 s.
const BACK_WITHIN_MS = 10_000

/** The OS processes of Chromium's renderers in the shell's process group (Linux /proc). */
function rendererPids(groupId: number): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after "(comm)": state, ppid, pgrp, …
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (pgrp === groupId && cmdline.includes('--type=renderer')) pids.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return pids
}

describe('the screen after a renderer crash or hang (ChromiumShell, headless)', () => {
  const dir = tempDir('infomonitor-e2e-recovery-')
  const feeds = new FixtureServer().route('/news.xml', {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    body: rssFeedOf([
      { guid: 'rathaus', title: 'Rathaus am Montag geschlossen' },
      { guid: 'freibad', title: 'Freibad öffnet am 1. Mai' },
    ]),
  })
  let core: KioskCore
  let shell: ChromiumShell
  let inspector: PageInspector
  const measured: Record<string, number> = {}

  /** A content slide on screen in a page loaded after `after` (its time origin), within what is left of `deadline`. */
  const slideBack = async (deadline: number, after: number) => {
    const look = await inspector.waitForPlayer(core.playerUrl, Math.max(deadline - Date.now(), 0), after)
    await waitFor('a news slide in the new page', Math.max(deadline - Date.now(), 0), async () => {
      const page = await inspector.page()
      const kind = await page
        ?.evaluate(
          `window.__infomonitor && window.__infomonitor.slideKey() !== 'fallback' ? (document.querySelector('.slide-frame:not([inert]) article[data-kind]') || {}).dataset : undefined`,
        )
        .catch(() => undefined)
      return (kind as { kind?: string } | undefined)?.kind === 'news'
    })
    return look
  }

  beforeAll(async () => {
    // Fails loudly, like every end-to-end test, when Debian's Chromium is missing.
    await (await launchChromium()).close()
    await feeds.start()
    core = await startCore(
      configFrom(
        `monitor: { id: e2e-recovery, name: Schmölln }
sources:
  - { id: news, type: rss, url: ${JSON.stringify(feeds.url('/news.xml'))}, schedule: '0 0 1 1 *' }`,
        dir.path,
      ),
    )
    await core.scheduler.syncAll()
    shell = new ChromiumShell({
      executable: CHROMIUM_PATH,
      userDataDir: join(dir.path, 'chromium-profile'),
      log: silentLogger(),
      headless: true,
      windowSize: { width: 1280, height: 720 },
    })
    await shell.start(core.playerUrl)
    inspector = new PageInspector(() => shell.devToolsEndpoint)
    await slideBack(Date.now() + 20_000, 0)
  })

  afterAll(async () => {
    console.log('back on screen after (ms):', measured)
    await inspector?.close()
    await shell?.stop()
    await core?.stop()
    await feeds.stop()
    dir.remove()
  })

  it('the renderer process killed (SIGKILL): slides back within 10 s, without restarting the browser', async () => {
    const before = await inspector.waitForPlayer(core.playerUrl, 5_000)
    const status = shell.status()
    const renderers = rendererPids(status.pid!)
    expect(renderers.length).toBeGreaterThan(0)
    const killedAt = Date.now()
    for (const pid of renderers) process.kill(pid, 'SIGKILL')
    await slideBack(killedAt + BACK_WITHIN_MS, before.timeOrigin)
    measured.killedRenderer = Date.now() - killedAt
    expect(measured.killedRenderer).toBeLessThanOrEqual(BACK_WITHIN_MS)
    // The watchdog reloaded the crashed page; the browser itself stayed up.
    await waitFor('the recovery counted', 2_000, () => shell.status().recoveries === status.recoveries + 1)
    expect(shell.status()).toMatchObject({
      pid: status.pid,
      restarts: status.restarts,
      lastReason: 'page crashed',
    })
  })

  it('the renderer hung in an endless loop: slides back within 10 s', async () => {
    const before = await inspector.waitForPlayer(core.playerUrl, 5_000)
    const page = (await inspector.page())!
    const status = shell.status()
    await page.evaluate('setTimeout(() => { while (true) {} }, 0)')
    const hungAt = Date.now()
    await slideBack(hungAt + BACK_WITHIN_MS, before.timeOrigin)
    measured.hungRenderer = Date.now() - hungAt
    expect(measured.hungRenderer).toBeLessThanOrEqual(BACK_WITHIN_MS)
    await waitFor('the recovery counted', 2_000, () => shell.status().recoveries === status.recoveries + 1)
    expect(shell.status().lastReason).toBe('page unresponsive')
  })
})
