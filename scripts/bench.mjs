// `npm run bench [-- name...]`: runs the benchmarks in bench/ (all, or those whose file name
// contains one of the given names). They print figures; bench/RESULTS.md keeps them.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const filters = process.argv.slice(2)
const files = readdirSync('bench')
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
let failed = false
for (const file of files) {
  console.log(`\n# ${file}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' })
  failed ||= run.status !== 0
}
process.exit(failed ? 1 : 0)
