// Budget "kiosk page JavaScript ≤ 50 KB gzip". Every script the kiosk page loads: the module
// scripts and modulepreloads named in dist/renderer/index.html, and whatever they import
// (statically or with import()), each gzipped on its own with zlib level 9. The admin page's
// chunks are not counted unless the kiosk page imports them. Builds the pages first when
// dist/renderer is older than its sources.
// Run: npm run bench -- kiosk-bundle
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { packagePath } from '../main/util/package-root.js'
import { ensureAdminPageBuilt } from '../test/helpers/renderer-build.js'
import { round } from './lib/measure.js'

const BUDGET_BYTES = 50 * 1024
const ROOT = packagePath('dist', 'renderer')

ensureAdminPageBuilt()
const html = readFileSync(join(ROOT, 'index.html'), 'utf8')
const entries = [
  ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
].map((match) => join(ROOT, match[1]!))

const found = new Map<string, 'entry' | 'static' | 'dynamic'>(entries.map((file) => [file, 'entry']))
const queue = [...entries]
for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
  const code = readFileSync(file, 'utf8')
  const imports: ['static' | 'dynamic', string][] = []
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    imports.push(['static', match[1]!])
  }
  for (const match of code.matchAll(/\bimport\s*\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)) {
    imports.push(['dynamic', match[1]!])
  }
  for (const [how, specifier] of imports) {
    const target = join(dirname(file), specifier)
    if (found.has(target)) continue
    found.set(target, how)
    queue.push(target)
  }
}

let raw = 0
let gzip = 0
const rows = [...found].map(([file, how]) => {
  const bytes = readFileSync(file)
  const zipped = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gzip += zipped
  return {
    file: relative(ROOT, file),
    how,
    rawKB: round(bytes.length / 1024, 1),
    gzipKB: round(zipped / 1024, 1),
  }
})
console.table(rows)
const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) =>
  gzipSync(readFileSync(join(ROOT, m[1]!)), { level: 9 }),
)
console.log(
  JSON.stringify({
    scripts: rows.length,
    rawKB: round(raw / 1024, 1),
    gzipKB: round(gzip / 1024, 1),
    budgetKB: BUDGET_BYTES / 1024,
    ratioToBudget: round(gzip / BUDGET_BYTES, 3),
    withinBudget: gzip <= BUDGET_BYTES,
    cssGzipKB_notCounted: round(css.reduce((sum, file) => sum + file.length, 0) / 1024, 1),
  }),
)
if (gzip > BUDGET_BYTES) process.exitCode = 1
