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

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)
const PWN = 'window.__pwned=1'
const published = new Date(Date.now() - 3_600_000)

/** The headline each hostile item must still be shown with: the feed's words, as plain text. */
const HEADLINES = ['Straßenfest am Markt', 'Neue Parkordnung', 'Bürgerbüro online', 'Neues Stadtlogo']

/**
 * What must never be in the kiosk's DOM, checked on whatever is on screen: a script other than
 * the page's own bundle, an inline event handler, a frame or plugin, a javascript: URL, an
 * image from anywhere but the core's /media/ and /qr/ paths.
 */
const DOM_DANGERS = `(() => {
  const found = []
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) found.push(el.tagName + '[' + attribute.name + ']')
      if (/^\\s*javascript:/i.test(attribute.value)) found.push(el.tagName + '[' + attribute.name + '=javascript:]')
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, object, embed, svg script, foreignObject')) found.push(el.tagName)
  for (const script of document.querySelectorAll('script')) {
    if (!(script.parentElement === document.head && /\\/assets\\/kiosk-[\\w-]+\\.js$/.test(script.src))) found.push('script ' + (script.src || script.textContent.slice(0, 40)))
  }
  for (const img of document.querySelectorAll('.kiosk img')) {
    const path = img.getAttribute('src') || ''
    if (!/^\\/(media|qr)\\//.test(path)) found.push('img ' + path)
  }
  return found
})()`

describe('untrusted feed content in Chromium', () => {
  const dir = tempDir('infomonitor-e2e-untrusted-')
  const feeds = new FixtureServer()
  let core: KioskCore
  let browser: Browser
  let kiosk: KioskPage
  let remoteImage: string

  beforeAll(async () => {
    await feeds.start()
    // The feed's own server: to the page another origin than the player's (another port). The
    // core may fetch it (an image on the feed's host); the page must only ever see /media/….
    remoteImage = feeds.url('/bilder/stadtlogo.png')
    feeds.route('/bilder/stadtlogo.png', { headers: { 'content-type': 'image/png' }, body: PNG_1X1 })
    feeds.route('/news.xml', {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: rssFeedOf([
        {
          guid: 'script',
          title: `<![CDATA[<script>${PWN}</script>Straßenfest am Markt]]>`,
          description: `<![CDATA[Musik und Essen. <script>${PWN}</script>Eintritt frei.]]>`,
          published,
        },
        {
          guid: 'img',
          title: `Neue Parkordnung &lt;img src=x onerror="${PWN}"&gt;`,
          description: `<![CDATA[<img src=x onerror="${PWN}"><svg onload="${PWN}"><circle r="5"/></svg><iframe src="http://203.0.113.1/"></iframe>Ab Montag gilt die neue Parkordnung.]]>`,
          published,
        },
        {
          guid: 'link',
          title: 'Bürgerbüro online',
          link: `javascript:${PWN}`,
          description: `<![CDATA[<a href="javascript:${PWN}">Termine</a> vereinbaren Sie im Netz.]]>`,
          published,
        },
        {
          guid: 'logo',
          title: 'Neues Stadtlogo',
          description: 'Der Stadtrat hat ein neues Logo beschlossen.',
          enclosure: remoteImage,
          published,
        },
      ]),
    })
    const config = configFrom(
      `monitor: { id: e2e-untrusted, name: Schmölln }
rotation: { minSeconds: 8, maxSeconds: 8 }
sources:
  - { id: news, type: rss, url: ${JSON.stringify(feeds.url('/news.xml'))}, schedule: '0 0 1 1 *' }`,
      dir.path,
    )
    core = await startCore(config)
    const [report] = await core.scheduler.syncAll()
    expect(report?.error).toBeUndefined()
    expect(report?.itemCount).toBe(4)
    browser = await launchChromium()
    // Slides of 1 s: the whole feed passes by within seconds.
    kiosk = await openKiosk(browser, core.playerUrl, { width: 1920, height: 1080, speed: 8 })
  })

  afterAll(async () => {
    await browser?.close()
    await core?.stop()
    await feeds.stop()
    dir.remove()
  })

  it('shows hostile markup as plain text or not at all: nothing runs, nothing is loaded from elsewhere', async () => {
    const titles = new Map<string, string>()
    const dangers = new Set<string>()
    await waitFor(
      'every hostile item on screen',
      30_000,
      async () => {
        const shown = await kiosk.shown()
        if (shown.key && shown.title) titles.set(shown.key, shown.title)
        for (const danger of (await kiosk.page.evaluate(DOM_DANGERS)) as string[]) dangers.add(danger)
        if (shown.key === 'news:logo' && shown.frames === 1) {
          const image = (await kiosk.page.evaluate(
            `(() => { const img = document.querySelector('.slide-frame:not([inert]) .slide__image'); return img ? { src: img.getAttribute('src'), width: img.naturalWidth } : null })()`,
          )) as { src: string; width: number } | null
          // Downloaded by the core and served from its cache; the page never sees the remote URL.
          if (image) titles.set('logo-image', `${image.src} ${image.width}`)
        }
        return titles.size === HEADLINES.length + 1
      },
      100,
    )
    for (const headline of HEADLINES)
      expect([...titles.values()].some((title) => title.startsWith(headline))).toBe(true)
    expect(titles.get('logo-image')).toMatch(/^\/media\/[0-9a-f]+ 1$/)
    expect([...dangers]).toEqual([])
    expect(await kiosk.page.evaluate('typeof window.__pwned')).toBe('undefined')
    // What the core hands the page carries no remote address at all.
    const state = await (await fetch(`${core.playerUrl}api/state`)).text()
    expect(state).not.toContain('localhost')
    expect(state).not.toContain('javascript:')
    expect(state).not.toContain('<script')
    expect(kiosk.problems).toEqual([])
    expect(kiosk.offHostAttempts).toEqual([])
  })

  it('refuses a remote image and an inline script injected into the page, and reports both', async () => {
    const before = core.cspViolations
    await kiosk.page.evaluate(`(() => {
      document.body.insertAdjacentHTML('beforeend', '<img id="remote" src="http://203.0.113.1/x.png">')
      const script = document.createElement('script')
      script.textContent = 'window.__pwned = 1'
      document.body.appendChild(script)
    })()`)
    // The violation reports are posted to the core by the browser, in their own time.
    await waitFor('two CSP violation reports', 5_000, () => core.cspViolations >= before + 2)
    expect(await kiosk.page.evaluate('typeof window.__pwned')).toBe('undefined')
    expect(await kiosk.page.evaluate(`document.getElementById('remote').naturalWidth`)).toBe(0)
    // The browser began the request and its CSP stopped it before it reached the network.
    expect(kiosk.offHost).toEqual([])
    expect(kiosk.offHostAttempts).toEqual([{ url: 'http://203.0.113.1/x.png', failure: 'csp' }])
    expect(kiosk.problems.some((problem) => /Content Security Policy/.test(problem))).toBe(true)
    // The screen carries on.
    const rotations = (await kiosk.shown()).rotations
    await waitFor('the rotation going on', 5_000, async () => (await kiosk.shown()).rotations > rotations)
  })
})
