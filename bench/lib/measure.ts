import { spawn } from 'node:child_process'

/** Median of `runs` timings of `work` (ms), after `warmup` untimed runs. */
export async function medianMs(
  work: () => unknown | Promise<unknown>,
  runs = 7,
  warmup = 2,
): Promise<number> {
  for (let index = 0; index < warmup; index++) await work()
  const times: number[] = []
  for (let index = 0; index < runs; index++) {
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return median(times)
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[middle]!
}

/**
 * Runs a TypeScript file in a fresh Node process and returns the JSON it printed last (peak RSS
 * etc.). Asynchronous, so servers in this process keep answering the child.
 */
export function runChild<T>(file: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as T)
        : reject(new Error(`${file} failed: ${stderr}`)),
    )
  })
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
