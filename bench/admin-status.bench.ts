// Budget "admin API status route, 2 cores: ≥ 50 % of a bare server's req/s on the same route
// shape" (and p99 ≤ 20 ms). GET /api/v1/status with a valid Bearer token on a real KioskCore,
// against a bare Fastify (same version, no plugins) answering a JSON body of the same size. Each
// server runs in its own process; autocannon drives both from this one, in the same run.
// Run: npm run bench -- admin
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Fastify from 'fastify'
import { parseConfigText } from '../kiosk-config/config-loader.js'
import { createAdminToken } from '../main/admin/admin-token.js'
import { KioskCore } from '../main/core/kiosk-core.js'
import { systemClock } from '../main/util/clock.js'
import { silentLogger } from '../main/util/logger.js'
import { tempDir } from '../test/helpers/temp-dir.js'
import { round } from './lib/measure.js'

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
}) => Promise<AutocannonResult>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const CONNECTIONS = 10
const WARMUP_S = 2
const DURATION_S = 8
const ROUNDS = 2

const [role, ...args] = process.argv.slice(2)
if (role === 'admin') await serveAdmin(args[0]!)
else if (role === 'bare') await serveBare(Number(args[0]))
else await compare()

/** A real core: three sources (failing, so status has errors to report), play log entries. */
async function serveAdmin(dir: string): Promise<void> {
  const { token, entry } = createAdminToken({ name: 'bench', role: 'it' })
  const sources = ['news', 'events', 'roadworks']
    .map((id) => `  - { id: ${id}, type: rss, url: "http://127.0.0.1:9/${id}.xml" }`)
    .join('\n')
  const text = `monitor: { id: bench, name: Schmölln }\ncache: { dir: ${JSON.stringify(join(dir, 'cache'))} }\nadmin:\n  tokens:\n    - ${JSON.stringify(entry)}\nsources:\n${sources}\n`
  const loaded = parseConfigText(text, 'yaml', dir)
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems))
  const core = await KioskCore.start({
    loaded,
    clock: systemClock,
    log: silentLogger(),
    playerPort: 0,
    adminPort: 0,
  })
  await core.scheduler.syncAll()
  core.playLog.append(
    Array.from({ length: 50 }, (_, n) => ({
      itemId: `news:${n}`,
      sourceId: 'news',
      kind: 'news',
      title: `Meldung ${n}`,
      shownAt: new Date(Date.now() - (50 - n) * 10_000).toISOString(),
      durationMs: 10_000,
    })),
  )
  process.stdout.write(`${JSON.stringify({ url: `${core.adminUrl}/status`, token })}\n`)
}

/** Fastify with nothing added, answering a precomputed JSON object of `bytes` bytes. */
async function serveBare(bytes: number): Promise<void> {
  const app = Fastify({ logger: false })
  const skeleton = JSON.stringify({ data: '' }).length
  const body = { data: 'x'.repeat(Math.max(0, bytes - skeleton)) }
  app.get('/api/v1/status', async () => body)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/api/v1/status` })}\n`)
}

async function compare(): Promise<void> {
  const dir = tempDir('infomonitor-bench-')
  const children: ChildProcess[] = []
  try {
    const admin = await startChild<{ url: string; token: string }>(children, ['admin', dir.path])
    const headers = { authorization: `Bearer ${admin.token}` }
    const sample = await fetch(admin.url, { headers })
    if (sample.status !== 200) throw new Error(`status route answered ${sample.status}`)
    const bytes = (await sample.text()).length
    const bare = await startChild<{ url: string }>(children, ['bare', String(bytes)])
    const bareBytes = (await (await fetch(bare.url)).text()).length
    console.log(
      `body: admin ${bytes} B, bare ${bareBytes} B; ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION_S} s each`,
    )

    const runs = { admin: [] as AutocannonResult[], bare: [] as AutocannonResult[] }
    await autocannon({ url: admin.url, headers, connections: CONNECTIONS, duration: WARMUP_S })
    await autocannon({ url: bare.url, connections: CONNECTIONS, duration: WARMUP_S })
    for (let index = 0; index < ROUNDS; index++) {
      runs.admin.push(
        await autocannon({ url: admin.url, headers, connections: CONNECTIONS, duration: DURATION_S }),
      )
      runs.bare.push(await autocannon({ url: bare.url, connections: CONNECTIONS, duration: DURATION_S }))
    }
    const summary = (results: AutocannonResult[]) => ({
      rps: results.reduce((sum, result) => sum + result.requests.average, 0) / results.length,
      p99: Math.max(...results.map((result) => result.latency.p99)),
      failed: results.reduce((sum, result) => sum + result.non2xx + result.errors, 0),
    })
    const a = summary(runs.admin)
    const b = summary(runs.bare)
    console.log(
      `admin GET /api/v1/status: ${round(a.rps, 0)} req/s, p99 ${a.p99} ms, non-2xx/errors ${a.failed}`,
    )
    console.log(
      `bare Fastify, same body:   ${round(b.rps, 0)} req/s, p99 ${b.p99} ms, non-2xx/errors ${b.failed}`,
    )
    const ratio = a.rps / b.rps
    console.log(
      `ratio ${round(ratio * 100, 1)} % of bare (goal ≥ 50 %): ${ratio >= 0.5 ? 'ok' : 'MISSED'}; p99 ${a.p99} ms (goal ≤ 20 ms): ${a.p99 <= 20 ? 'ok' : 'MISSED'}`,
    )
    if (a.failed > 0) process.exitCode = 1
  } finally {
    for (const child of children) child.kill('SIGTERM')
    dir.remove()
  }
}

/** Starts this file in another role and returns the JSON line it prints when ready. */
function startChild<T>(children: ChildProcess[], args: string[]): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString().split('\n')[0]!) as T))
    child.once('exit', (code) => reject(new Error(`bench server (${args[0]}) exited with ${code}`)))
  })
}
