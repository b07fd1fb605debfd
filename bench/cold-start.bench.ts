// Budget "cold start to first slide painted, from cache, Chromium shell ≤ 1.5 × bare Chromium
// painting a static page, same run".
//
// Kiosk: in this process, from calling KioskCore.start (demo config, cache synced once before
// and the core stopped) and, as soon as it listens, ChromiumShell.start (headless, 1920×1080,
// a fresh profile), to the first slide painted: the page's first contentful paint when its state
// (/api/state) had arrived before it, since the page then draws the slide in its first frame;
// otherwise the largest-contentful-paint of the slide. The slide's LCP is printed as well.
// Baseline: Debian's Chromium spawned with the very same command line (chromiumFlags, fresh
// profile) on a static HTML page served from 127.0.0.1, to its first-contentful-paint.
// Both read the paint entries over DevTools once they exist; paint times are absolute
// (performance.timeOrigin + startTime), so polling does not add to them. Runs alternate.
// Run: npm run bench -- cold-start
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { chromium, type Page } from 'playwright-core'
import { KioskCore } from '../main/core/kiosk-core.js'
import { chromiumFlags, devToolsEndpointFrom } from '../main/shell/chromium-flags.js'
import { ChromiumShell } from '../main/shell/chromium-shell.js'
import { systemClock } from '../main/util/clock.js'
import { silentLogger } from '../main/util/logger.js'
import { CHROMIUM_PATH, demoConfig } from '../test/helpers/kiosk-browser.js'
import { ensureAdminPageBuilt } from '../test/helpers/renderer-build.js'
import { tempDir } from '../test/helpers/temp-dir.js'
import { median, round } from './lib/measure.js'

const RUNS = 5
const WINDOW = { width: 1920, height: 1080 }
const STATIC_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Schmölln</title>
<style>body{margin:0;background:#f4f1ea;font:4vmin sans-serif;color:#1b2330}h1{font-size:7vmin;margin:5vmin}</style></head>
<body><h1>Schmölln</h1><p style="margin:5vmin">Rathaus am Montag geschlossen.</p></body></html>`

/** Epoch ms of the first contentful paint, and (for the kiosk) of the first non-fallback slide. */
const PAINTS = `new Promise((resolve) => {
  const at = (time) => performance.timeOrigin + time
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]
  const result = { fcp: fcp ? at(fcp.startTime) : null, slide: null, lcp: null, stateBeforeFirstPaint: false }
  const api = window.__infomonitor
  if (!fcp || !api) return resolve(result)
  const key = api.slideKey()
  if (key === undefined || key === 'fallback') return resolve(result)
  // The page draws its first frame with the state it has: fetched before that frame, the first
  // contentful paint is the slide (not the fallback slide the page draws while it waits).
  const state = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/state')
  result.stateBeforeFirstPaint = !!state && state.responseEnd > 0 && state.responseEnd <= fcp.startTime
  new PerformanceObserver((list, observer) => {
    const content = list.getEntries().find((entry) => !(entry.element && entry.element.closest('.slide--fallback')))
    if (content) result.lcp = at(content.renderTime || content.loadTime)
    observer.disconnect()
    result.slide = result.stateBeforeFirstPaint ? result.fcp : result.lcp
    resolve(result)
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  setTimeout(() => resolve(result), 1000)
})`

interface Paints {
  fcp: number | null
  /** First slide painted: the first contentful paint when the state was in before it, else `lcp`. */
  slide: number | null
  /** The slide's largest-contentful-paint (its main text settles ~50 ms after the first frame). */
  lcp: number | null
  stateBeforeFirstPaint: boolean
}

async function pollPaints(
  endpoint: string,
  deadlineMs: number,
  want: readonly ('fcp' | 'slide' | 'lcp')[],
): Promise<Paints> {
  const browser = await chromium.connectOverCDP(endpoint, { timeout: 10_000 })
  try {
    const deadline = Date.now() + deadlineMs
    while (Date.now() < deadline) {
      const page: Page | undefined = browser.contexts()[0]?.pages()[0]
      const paints = page ? ((await page.evaluate(PAINTS).catch(() => null)) as Paints | null) : null
      if (paints && want.every((paint) => paints[paint] !== null)) return paints
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`no ${want.join(' and ')} within ${deadlineMs} ms`)
  } finally {
    await browser.close().catch(() => {})
  }
}

async function kioskRun(
  cacheDir: string,
): Promise<{ ms: number; lcpMs: number; coreMs: number; stateBeforeFirstPaint: boolean }> {
  const profile = tempDir('infomonitor-bench-profile-')
  const started = Date.now()
  const core = await KioskCore.start({
    loaded: demoConfig(cacheDir),
    clock: systemClock,
    log: silentLogger(),
    playerPort: 0,
    adminPort: 0,
  })
  const coreMs = Date.now() - started
  const shell = new ChromiumShell({
    executable: CHROMIUM_PATH,
    userDataDir: profile.path,
    log: silentLogger(),
    headless: true,
    windowSize: WINDOW,
  })
  try {
    await shell.start(core.playerUrl)
    const paints = await pollPaints(shell.devToolsEndpoint!, 30_000, ['fcp', 'slide', 'lcp'])
    return {
      ms: paints.slide! - started,
      lcpMs: paints.lcp! - started,
      coreMs,
      stateBeforeFirstPaint: paints.stateBeforeFirstPaint,
    }
  } finally {
    await shell.stop()
    await core.stop()
    profile.remove()
  }
}

async function bareRun(url: string): Promise<number> {
  const profile = tempDir('infomonitor-bench-profile-')
  const args = chromiumFlags({
    url,
    userDataDir: profile.path,
    debuggingPort: 0,
    headless: true,
    windowSize: WINDOW,
  })
  const started = Date.now()
  const child: ChildProcess = spawn(CHROMIUM_PATH, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no DevTools endpoint within 20 s')), 20_000)
      createInterface({ input: child.stderr! }).on('line', (line) => {
        const found = devToolsEndpointFrom(line)
        if (found) {
          clearTimeout(timer)
          resolve(found)
        }
      })
    })
    const paints = await pollPaints(endpoint, 30_000, ['fcp'])
    return paints.fcp! - started
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid!, 'SIGKILL')
    await exited
    await new Promise((resolve) => setTimeout(resolve, 200))
    profile.remove()
  }
}

ensureAdminPageBuilt()
const cache = tempDir('infomonitor-bench-cache-')
// Warm cache: one sync of every demo source, then the core stops.
{
  const core = await KioskCore.start({
    loaded: demoConfig(cache.path),
    clock: systemClock,
    log: silentLogger(),
    playerPort: 0,
    adminPort: 0,
  })
  const reports = await core.scheduler.syncAll()
  if (reports.some((report) => report.error)) throw new Error('demo sync failed')
  await core.stop()
}
const server = createServer((_request, response) =>
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STATIC_PAGE),
)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const staticUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

const kiosk: number[] = []
const kioskLcp: number[] = []
const coreReady: number[] = []
const bare: number[] = []
let stateBeforeFirstPaint = 0
// One untimed round of each first: the OS file cache then holds Chromium for both alike.
await bareRun(staticUrl)
await kioskRun(cache.path)
for (let run = 0; run < RUNS; run++) {
  bare.push(await bareRun(staticUrl))
  const result = await kioskRun(cache.path)
  kiosk.push(result.ms)
  kioskLcp.push(result.lcpMs)
  coreReady.push(result.coreMs)
  if (result.stateBeforeFirstPaint) stateBeforeFirstPaint++
}
server.close()
cache.remove()
console.log(
  JSON.stringify({
    runs: RUNS,
    bareChromiumFcpMs: bare.map(Math.round),
    kioskFirstSlideMs: kiosk.map(Math.round),
    kioskSlideLcpMs: kioskLcp.map(Math.round),
    kioskCoreListeningMs: coreReady.map(Math.round),
    medianBareMs: Math.round(median(bare)),
    medianKioskMs: Math.round(median(kiosk)),
    ratio: round(median(kiosk) / median(bare)),
    budgetRatio: 1.5,
    runsWithSlideInFirstFrame: stateBeforeFirstPaint,
    medianKioskSlideLcpMs: Math.round(median(kioskLcp)),
    ratioByLcp: round(median(kioskLcp) / median(bare)),
  }),
)
