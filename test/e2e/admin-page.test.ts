import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NoticeWithStatus } from '../../contracts/admin-api.js'
import type { PlayerState } from '../../contracts/player-state.js'
import { HEADLESS_CHROMIUM_ARGS } from '../../main/shell/chromium-flags.js'
import { packagePath } from '../../main/util/package-root.js'
import { ensureAdminPageBuilt } from '../helpers/renderer-build.js'
import {
  type AdminHarness,
  http,
  startAdminHarness,
  tinyPng,
  within,
} from '../integration/admin/admin-harness.js'

const BERLIN = 'Europe/Berlin'
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Presses Tab until the element matching `selector` has the focus (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  const focused = `document.activeElement !== null && document.activeElement.matches(${JSON.stringify(selector)})`
  for (let press = 0; press < max; press++) {
    if (await page.evaluate(focused)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${selector} was not reached with ${max} presses of Tab`)
}

/** Serious and critical WCAG problems axe-core finds on the page as it is now. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools, which the page's CSP (no inline script, no eval) does not govern.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`)) as AxeViolation[]
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent({ timeout: 5_000 })) ?? '').trim()
}

/** Berlin's weekday (1 = Monday) and UTC offset now, as the test's own check of the page's maths. */
function berlinNow(): { weekday: number; offset: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: BERLIN,
    weekday: 'short',
    timeZoneName: 'longOffset',
  }).formatToParts(Date.now())
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(
    parts.find((part) => part.type === 'weekday')!.value,
  )
  const offset = parts.find((part) => part.type === 'timeZoneName')!.value.replace('GMT', '')
  return { weekday: weekday + 1, offset }
}

describe('admin page in Chromium', () => {
  let h: AdminHarness
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let player: Page
  let adminUrl: string
  const consoleProblems: string[] = []

  const notices = async () =>
    (await http(`${h.url}/notices`, { token: h.tokens.it })).json<NoticeWithStatus[]>()
  const playerState = async () => (await http(`${h.core.playerUrl}api/state`)).json<PlayerState>()

  beforeAll(async () => {
    ensureAdminPageBuilt()
    h = await startAdminHarness({ name: 'Schmölln' })
    adminUrl = `${new URL(h.url).origin}/admin/`
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: HEADLESS_CHROMIUM_ARGS,
      timeout: 30_000,
    })
    // The browser's own zone is not the monitor's: times must still come out in Berlin time.
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'de-DE',
      timezoneId: 'America/New_York',
    })
    context.setDefaultTimeout(15_000)
    page = await context.newPage()
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleProblems.push(message.text())
    })
    page.on('pageerror', (error) => consoleProblems.push(error.message))
  })

  afterAll(async () => {
    await browser?.close()
    await h?.stop()
  })

  it('signs in with the keyboard and a token kept in sessionStorage only; the role is shown', async () => {
    await page.goto(adminUrl)
    expect(await page.title()).toBe('InfoMonitor – Verwaltung')
    expect(await seriousViolations(page)).toEqual([])

    // The first stop of the Tab key is the skip link, and it leads to the content.
    await page.keyboard.press('Tab')
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Zum Inhalt springen')
    await page.keyboard.press('Enter')
    expect(await page.evaluate('document.activeElement.id')).toBe('main')
    await tabTo(page, '#sign-in-token', 3)
    await page.keyboard.type(`imt_${'x'.repeat(43)}`)
    await page.keyboard.press('Enter')
    expect(await textOf(page, '#sign-in-error')).toBe(
      'Der Zugangsschlüssel wurde nicht angenommen. Bitte prüfen und erneut anmelden.',
    )
    expect(await page.getAttribute('#sign-in-token', 'aria-invalid')).toBe('true')

    await page.keyboard.press('Control+A')
    await page.keyboard.type(h.tokens.press)
    await page.keyboard.press('Enter')
    await page.getByText('Angemeldet als Pressestelle').waitFor()
    expect(await textOf(page, '.app-header__monitor')).toBe('Monitor: Schmölln')
    expect(await page.evaluate('sessionStorage.getItem("infomonitor.admin.session")')).toContain(
      h.tokens.press,
    )
    expect(await page.evaluate('JSON.stringify(localStorage)')).not.toContain(h.tokens.press)
    expect(await page.evaluate('document.cookie')).toBe('')
  })

  it('creates a notice with the keyboard only, in Berlin time, and the player shows it', async () => {
    const title = 'Stadtfest am Markt'
    const { weekday, offset } = berlinNow()
    const skipped = (weekday % 7) + 1

    await tabTo(page, '#notice-title')
    await page.keyboard.type(title)
    await page.keyboard.press('Tab')
    await page.keyboard.type('Musik, Essen und Spiele für Kinder von 10 bis 22 Uhr.')
    await tabTo(page, `#notice-weekday-${skipped}`)
    await page.keyboard.press('Space')
    await tabTo(page, '#notice-priority')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, '.notice-form button[type="submit"]')
    // The focus is visible where the keyboard is.
    expect(
      Number.parseFloat(await page.evaluate('getComputedStyle(document.activeElement).outlineWidth')),
    ).toBeGreaterThanOrEqual(2)
    await page.keyboard.press('Enter')

    await page.getByText(`„${title}“ wurde gespeichert.`).waitFor()
    const stored = (await notices()).find((notice) => notice.title === title)
    expect(stored).toMatchObject({
      title,
      priority: 'high',
      status: 'on-air',
      weekdays: [1, 2, 3, 4, 5, 6, 7].filter((day) => day !== skipped),
    })
    // The form's start is "now" on the monitor's clock: Berlin's offset, not New York's.
    expect(stored!.validFrom).toMatch(new RegExp(`T\\d\\d:\\d\\d:00${offset.replace('+', '\\+')}$`))
    expect(Math.abs(Date.parse(stored!.validFrom) - Date.now())).toBeLessThan(120_000)
    await page.locator('.notice-list tr', { hasText: title }).getByText('Auf Sendung').waitFor()

    player = await context.newPage()
    await player.goto(h.core.playerUrl)
    await player.locator('.slide__title', { hasText: title }).waitFor({ timeout: 20_000 })
  })

  it('refuses an invalid notice with German messages at the fields and stores nothing', async () => {
    const before = await notices()
    await page.fill('#notice-title', '')
    await page.fill('#notice-start', '2026-06-20T10:00')
    await page.fill('#notice-end', '2026-06-19T10:00')
    await page.click('.notice-form button[type="submit"]')

    expect(await textOf(page, '#notice-title-error')).toBe('Bitte eine Überschrift eingeben')
    expect(await textOf(page, '#notice-end-error')).toBe('Das Ende muss nach dem Beginn liegen')
    expect(await textOf(page, '#notice-form-errors')).toBe('Bitte 2 Angaben korrigieren.')
    expect(await page.getAttribute('#notice-title', 'aria-invalid')).toBe('true')
    expect(await page.getAttribute('#notice-title', 'aria-describedby')).toContain('notice-title-error')
    expect(await page.getAttribute('#notice-end', 'aria-describedby')).toContain('notice-end-error')
    expect(await page.evaluate('document.activeElement.id')).toBe('notice-title')
    expect(await notices()).toEqual(before)
    expect(await seriousViolations(page)).toEqual([])

    // Fixed as the person types: the message goes with the mistake.
    await page.keyboard.type('Sperrung Brückenstraße')
    await page.locator('#notice-title-error').waitFor({ state: 'detached' })
    expect(await page.getAttribute('#notice-title', 'aria-invalid')).toBeNull()
  })

  it('previews the notice live in both orientations with the kiosk slide, and as PNGs drawn by the monitor', async () => {
    await page.fill('#notice-title', 'Neue Parkplätze am Bahnhof')
    await page.fill('#notice-start', '2027-07-01T10:00')
    await page.fill('#notice-end', '2027-12-01T10:00')
    await page.fill('#notice-url', 'https://www.schmoelln.de/parken')
    await page.setInputFiles('#notice-image', {
      name: 'parkplatz.png',
      mimeType: 'image/png',
      buffer: tinyPng(64, 48),
    })
    await page.getByText('Hochgeladen: parkplatz.png').waitFor()

    for (const orientation of ['landscape', 'portrait']) {
      const screen = page.locator(`.preview__figure--${orientation} .preview-screen`)
      await screen.locator('.slide__title', { hasText: 'Neue Parkplätze am Bahnhof' }).waitFor()
      await within(5_000, async () => {
        const pictures = (await page.evaluate(
          `[...document.querySelectorAll('.preview__figure--${orientation} :is(.slide__image, .qr__code)')].map((img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'))`,
        )) as boolean[]
        return pictures.length === 2 && pictures.every(Boolean) ? true : undefined
      })
    }

    await page.getByRole('button', { name: 'Als Bild prüfen' }).click()
    const pngs = page.locator('.preview__png')
    await pngs.nth(1).waitFor({ timeout: 60_000 })
    await within(10_000, async () => {
      const sizes = (await page.evaluate(
        `[...document.querySelectorAll('.preview__png')].map((img) => img.src.startsWith('blob:') ? img.naturalWidth + 'x' + img.naturalHeight : '')`,
      )) as string[]
      return sizes.join() === '1920x1080,1080x1920' ? true : undefined
    })

    await page.getByRole('button', { name: 'Speichern' }).click()
    await page.getByText('„Neue Parkplätze am Bahnhof“ wurde gespeichert.').waitFor()
    const stored = (await notices()).find((notice) => notice.title === 'Neue Parkplätze am Bahnhof')!
    // Summer time in July, winter time in December, whatever zone the browser is in.
    expect(stored.validFrom).toBe('2027-07-01T10:00:00+02:00')
    expect(stored.validUntil).toBe('2027-12-01T10:00:00+01:00')
    expect(stored.imageId).toMatch(/^[0-9a-f]{64}$/)
  })

  it('sends an urgent notice only after a confirmation; Escape cancels; then the screen is interrupted', async () => {
    const title = 'Wasserrohrbruch Bahnhofstraße'
    const before = await notices()
    await page.fill('#notice-title', title)
    await page.fill(
      '#notice-text',
      'Die Bahnhofstraße ist bis auf Weiteres gesperrt. Bitte weiträumig umfahren.',
    )

    const urgent = page.getByRole('button', { name: 'Als Eilmeldung senden …' })
    await urgent.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Eilmeldung senden?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('unterbricht sofort die Anzeige')
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Abbrechen')
    expect(await seriousViolations(page)).toEqual([])
    // The focus stays in the dialog.
    for (let press = 0; press < 4; press++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate('document.activeElement.closest("dialog") !== null')).toBe(true)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Als Eilmeldung senden …')
    expect(await notices()).toEqual(before)
    expect((await playerState()).playlist.mode).not.toBe('interrupt')

    await page.keyboard.press('Enter')
    await dialog.waitFor()
    await tabTo(page, 'dialog .button--danger')
    await page.keyboard.press('Enter')
    await page.getByText(`Eilmeldung „${title}“ ist gesendet.`).waitFor()

    const { value: state } = await within(10_000, async () => {
      const current = await playerState()
      return current.playlist.mode === 'interrupt' ? current : undefined
    })
    expect(state.playlist.interrupt.map((slide) => slide.item.title)).toEqual([title])
    expect((await notices()).find((notice) => notice.title === title)?.priority).toBe('urgent')
    const row = page.locator('.notice-list tr', { hasText: title })
    expect(await row.getAttribute('class')).toContain('table__row--urgent')
    expect(await row.locator('.priority-badge').textContent()).toBe('Eilmeldung')
    await player.locator('.slide__title', { hasText: title }).waitFor({ timeout: 20_000 })
  })

  it('shows the status: monitor, software, config version, screen, and a current screenshot', async () => {
    await page.getByRole('button', { name: 'Status' }).click()
    const status = page.locator('.status')
    await status.getByText('Schmölln (test-monitor)').waitFor()
    expect(await status.textContent()).toMatch(/Softwareinfomonitor \d+\.\d+\.\d+/)
    expect(await status.textContent()).toContain('Version 1')
    expect(await textOf(page, '.state')).toBe('an')
    await within(60_000, async () => {
      const shot = (await page.evaluate(
        `(() => { const img = document.querySelector('.screenshot__image'); return img && img.complete && img.src.startsWith('blob:') ? img.naturalWidth : 0 })()`,
      )) as number
      return shot === 1920 ? true : undefined
    })
    expect(await page.getAttribute('.screenshot__image', 'alt')).toMatch(
      /^Bildschirmfoto des Monitors von \d\d:\d\d:\d\d Uhr$/,
    )
    expect(await seriousViolations(page)).toEqual([])
  })

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Monitor status' }).waitFor()
    expect(await page.evaluate('document.documentElement.lang')).toBe('en')
    await page.getByRole('button', { name: 'Notices' }).click()
    await page.getByRole('heading', { name: 'New notice' }).waitFor()
    await page.getByRole('button', { name: 'Deutsch' }).click()
    await page.getByRole('heading', { name: 'Neuer Aushang' }).waitFor()
    expect(await page.evaluate('document.documentElement.lang')).toBe('de')
  })

  it('edits a notice (keeping its image) and deletes one only after a confirmation', async () => {
    const original = 'Neue Parkplätze am Bahnhof'
    const renamed = 'Neue Parkplätze am Bahnhof ab Juli'
    await page.getByRole('button', { name: `„${original}“ bearbeiten` }).click()
    await page.getByRole('heading', { name: `Aushang bearbeiten: „${original}“` }).waitFor()
    expect(await page.evaluate('document.activeElement.id')).toBe('notice-form-heading')
    expect(await page.inputValue('#notice-start')).toBe('2027-07-01T10:00')
    await page.getByText('Ein Bild ist hinterlegt.').waitFor()
    await page.locator('.preview__figure--landscape .slide__image[src^="blob:"]').waitFor()
    await page.fill('#notice-title', renamed)
    await page.keyboard.press('Enter')
    await page.getByText(`„${renamed}“ wurde gespeichert.`).waitFor()
    const edited = (await notices()).find((notice) => notice.title === renamed)
    expect(edited?.imageId).toMatch(/^[0-9a-f]{64}$/)
    expect(edited?.validFrom).toBe('2027-07-01T10:00:00+02:00')

    const doomed = 'Stadtfest am Markt'
    const remove = page.getByRole('button', { name: `„${doomed}“ löschen` })
    const dialog = page.getByRole('dialog', { name: 'Aushang löschen?' })
    await remove.click()
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await notices()).some((notice) => notice.title === doomed)).toBe(true)
    await remove.click()
    expect(await dialog.textContent()).toContain('verschwindet sofort vom Bildschirm')
    await dialog.getByRole('button', { name: 'Löschen' }).click()
    await page.getByText(`„${doomed}“ wurde gelöscht.`).waitFor()
    expect((await notices()).some((notice) => notice.title === doomed)).toBe(false)
    await page.locator('.notice-list tr', { hasText: doomed }).waitFor({ state: 'detached' })
  })

  it('shows a filled-in form beside its live previews in both orientations (screenshot artefact)', async () => {
    await http(`${h.url}/notices`, {
      method: 'POST',
      token: h.tokens.press,
      body: {
        title: 'Weihnachtsmarkt auf dem Marktplatz',
        validFrom: '2099-11-27T10:00:00+01:00',
        validUntil: '2099-12-23T20:00:00+01:00',
        hours: [{ from: '10:00', to: '20:00' }],
      },
    })
    await page.reload()
    await page.locator('.notice-list tbody tr').nth(2).waitFor()
    await page.fill('#notice-title', 'Sperrung der Brückenstraße')
    await page.fill(
      '#notice-text',
      'Wegen Bauarbeiten ist die Brückenstraße vom 3. bis 14. August gesperrt. Die Umleitung ist ausgeschildert.',
    )
    await page.fill('#notice-url', 'https://www.schmoelln.de/baustellen')
    await page.locator('.preview__figure--portrait .qr__code[src^="blob:"]').waitFor()
    for (const orientation of ['landscape', 'portrait']) {
      const preview = page.locator(`.preview__figure--${orientation}`)
      expect(await preview.getByText('Sperrung der Brückenstraße').count()).toBeGreaterThan(0)
    }
    await page.evaluate('window.scrollTo(0, 0); document.activeElement.blur()')
    // docs/admin-page.png in the README is a copy of this artefact.
    mkdirSync(packagePath('test-results', 'screenshots'), { recursive: true })
    await page.screenshot({
      path: packagePath('test-results', 'screenshots', 'admin-page.png'),
      animations: 'disabled',
    })
  })

  it('signs out: the token is gone from the browser', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click()
    await page.getByText('Sie sind abgemeldet.').waitFor()
    await page.locator('#sign-in-token').waitFor()
    expect(await page.evaluate('sessionStorage.length')).toBe(0)
    await page.reload()
    await page.locator('#sign-in-token').waitFor()
    expect(consoleProblems).toEqual([])
  })
})
