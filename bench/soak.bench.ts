// Budget "10,000 rotations (accelerated clock): renderer heap growth ≤ 2 MB, DOM nodes flat,
// core RSS ≤ 150 MB". The demo monitor with every slide 1 s long, shown at ?speed=40 (25 ms a
// slide, crossfades and play reports included) in Debian's headless Chromium at 1920×1080; the
// core runs in its own process (bench/player-core-child.ts, compiled to JavaScript as an
// installed kiosk runs it) so its RSS is its own. Baseline:
// the page after 500 rotations of warm-up; then heap (after a forced GC), DOM counters and the
// core's RSS are sampled every 1,000 rotations up to 10,000 more. Stops after 10 minutes at most
// and says how far it got.
// Run: npm run bench -- soak
import { execFileSync, fork } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { packagePath } from '../main/util/package-root.js'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/kiosk-browser.js'
import { ensureAdminPageBuilt } from '../test/helpers/renderer-build.js'
import { tempDir } from '../test/helpers/temp-dir.js'
import { round } from './lib/measure.js'

const SPEED = 40
const WARMUP = 500
const ROTATIONS = 10_000
const SAMPLE_EVERY = 1_000
const TIME_LIMIT_MS = 10 * 60_000
const MB = 1024 * 1024

interface CoreMemory {
  rss: number
  heapUsed: number
  plays: number
}

/**
 * The core and bench/player-core-child.ts compiled by tsc (the build's settings) into
 * .cache/bench-core, inside the package so the core finds its files; returns the child's path.
 */
function compileCore(): string {
  const out = packagePath('.cache', 'bench-core')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const config = join(out, 'tsconfig.json')
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../../tsconfig.build.json',
      compilerOptions: { outDir: '.', rootDir: '../..', sourceMap: false },
      include: [
        '../../main',
        '../../content-sources',
        '../../kiosk-config',
        '../../bench/player-core-child.ts',
      ],
      exclude: ['../../**/*.test.ts'],
    }),
  )
  execFileSync(process.execPath, [packagePath('node_modules', 'typescript', 'bin', 'tsc'), '-p', config], {
    stdio: 'inherit',
  })
  return join(out, 'bench', 'player-core-child.js')
}

ensureAdminPageBuilt()
const cache = tempDir('infomonitor-bench-soak-')
const child = fork(compileCore(), [cache.path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
const nextMessage = <T>() =>
  new Promise<T>((resolve) => child.once('message', (message) => resolve(message as T)))
const { url } = await nextMessage<{ url: string }>()
const coreMemory = async () => {
  const reply = nextMessage<CoreMemory>()
  child.send('memory')
  return reply
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
const session = await page.context().newCDPSession(page)
await page.goto(`${url}?speed=${SPEED}`)
const started = Date.now()
const rotations = async () =>
  (await page.evaluate('window.__infomonitor ? window.__infomonitor.rotations() : 0')) as number

async function sample(label: string) {
  await session.send('HeapProfiler.collectGarbage')
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number }
  const dom = (await session.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number }
  const core = await coreMemory()
  const row = {
    label,
    rotations: await rotations(),
    minutes: round((Date.now() - started) / 60_000, 1),
    heapMB: round(heap.usedSize / MB, 2),
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
    coreRssMB: round(core.rss / MB, 1),
    coreHeapMB: round(core.heapUsed / MB, 1),
    playsLogged: core.plays,
  }
  console.log(JSON.stringify(row))
  return row
}

async function waitForRotations(target: number): Promise<boolean> {
  while ((await rotations()) < target) {
    if (Date.now() - started > TIME_LIMIT_MS) return false
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return true
}

await waitForRotations(WARMUP)
const baseline = await sample('baseline')
const samples = [baseline]
let completed = true
for (
  let target = baseline.rotations + SAMPLE_EVERY;
  target <= baseline.rotations + ROTATIONS;
  target += SAMPLE_EVERY
) {
  completed = await waitForRotations(target)
  samples.push(await sample(completed ? `+${target - baseline.rotations}` : 'time limit'))
  if (!completed) break
}
const last = samples.at(-1)!
await browser.close()
child.send('stop')
await new Promise((resolve) => child.once('exit', resolve))
cache.remove()
console.log(
  JSON.stringify({
    completed,
    rotationsMeasured: last.rotations - baseline.rotations,
    minutes: last.minutes,
    rotationsPerSecond: round(
      (last.rotations - baseline.rotations) / ((last.minutes - baseline.minutes) * 60),
      1,
    ),
    heapGrowthMB: round(last.heapMB - baseline.heapMB, 2),
    heapBudgetMB: 2,
    heapRatio: round(last.heapMB / baseline.heapMB, 3),
    domNodes: samples.map((row) => row.domNodes),
    domNodesRatio: round(last.domNodes / baseline.domNodes, 3),
    coreRssMB: {
      baseline: baseline.coreRssMB,
      last: last.coreRssMB,
      max: Math.max(...samples.map((row) => row.coreRssMB)),
    },
    coreRssBudgetMB: 150,
    coreRssRatioToBudget: round(Math.max(...samples.map((row) => row.coreRssMB)) / 150, 2),
  }),
)
