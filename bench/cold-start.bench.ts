// Budget "cold start to first slide painted, from cache, Chromium shell ≤ 1.5 × bare Chromium
// painting a static page, same run".
//
// Kiosk: in this process, from calling KioskCore.start (demo config, cache synced once before
// and the core stopped) and, as soon as it listens, ChromiumShell.start (headless, 1920×1080,
// a fresh profile), to the first slide painted: the render time of the first
// largest-contentful-paint entry that is not the fallback slide (the page renders once its
// state and font are in, so normally that is its first contentful paint).
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
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]
  const result = { fcp: fcp ? performance.timeOrigin + fcp.startTime : null, slide: null, fallbackFirst: false }
  const api = window.__infomonitor
  if (!api) return resolve(result)
  const key = api.slideKey()
  if (key === undefined || key === 'fallback') return resolve(result)
  new PerformanceObserver((list, observer) => {
    for (const entry of list.getEntries()) {
      const onFallback = !!(entry.element && entry.element.closest('.slide--fallback'))
      if (onFallback) result.fallbackFirst = true
      else if (result.slide === null) result.slide = performance.timeOrigin + (entry.renderTime || entry.loadTime)
    }
    observer.disconnect()
    resolve(result)
  }).observe({ type: 'largest-contentful-paint', buffered: true })
  setTimeout(() => resolve(result), 1000)
})`

interface Paints {
  fcp: number | null
  slide: number | null
  fallbackFirst: boolean
}

async function pollPaints(
  endpoint: string,
  deadlineMs: number,
  want: readonly ('fcp' | 'slide')[],
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
): Promise<{ ms: number; fcpMs: number; coreMs: number; fallbackFirst: boolean }> {
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
    const paints = await pollPaints(shell.devToolsEndpoint!, 30_000, ['fcp', 'slide'])
    return {
      ms: paints.slide! - started,
      fcpMs: paints.fcp! - started,
      coreMs,
      fallbackFirst: paints.fallbackFirst,
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
const kioskFcp: number[] = []
const coreReady: number[] = []
const bare: number[] = []
let fallbackFirst = 0
// One untimed round of each first: the OS file cache then holds Chromium for both alike.
await bareRun(staticUrl)
await kioskRun(cache.path)
for (let run = 0; run < RUNS; run++) {
  bare.push(await bareRun(staticUrl))
  const result = await kioskRun(cache.path)
  kiosk.push(result.ms)
  kioskFcp.push(result.fcpMs)
  coreReady.push(result.coreMs)
  if (result.fallbackFirst) fallbackFirst++
}
server.close()
cache.remove()
console.log(
  JSON.stringify({
    runs: RUNS,
    bareChromiumFcpMs: bare.map(Math.round),
    kioskFirstSlideMs: kiosk.map(Math.round),
    kioskFcpMs: kioskFcp.map(Math.round),
    kioskCoreListeningMs: coreReady.map(Math.round),
    medianBareMs: Math.round(median(bare)),
    medianKioskMs: Math.round(median(kiosk)),
    ratio: round(median(kiosk) / median(bare)),
    budgetRatio: 1.5,
    runsWithFallbackPaintedFirst: fallbackFirst,
  }),
)
