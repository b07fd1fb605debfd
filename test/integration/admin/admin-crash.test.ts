import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../../../kiosk-config/config-loader.js'
import { createAdminToken } from '../../../main/admin/admin-token.js'
import { tempDir } from '../../helpers/temp-dir.js'
import { configText } from './admin-harness.js'

const KILLS = 10

/** Runs the crash child until it has acknowledged something, kills it at a random point, returns what it acked. */
async function runAndKill(args: string[], token: string): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, INFOMONITOR_TEST_TOKEN: token },
    },
  )
  const acked: string[] = []
  let buffered = ''
  let firstAck: () => void = () => {}
  const acknowledged = new Promise<void>((resolve) => {
    firstAck = resolve
  })
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) {
      if (line.startsWith('acked ')) {
        acked.push(line.slice('acked '.length))
        firstAck()
      }
    }
  })
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  await Promise.race([acknowledged, exited.then(() => Promise.reject(new Error('crash child exited early')))])
  // Into the middle of a later write: request parsing, the transaction, or the answer.
  await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 300))
  child.kill('SIGKILL')
  await exited
  return acked
}

function openState(dir: string): Database.Database {
  const db = new Database(join(dir, 'cache', 'state.db'))
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  return db
}

describe('admin API under kill -9', () => {
  it('keeps every acknowledged notice', async () => {
    const dir = tempDir()
    try {
      const owner = createAdminToken({ name: 'crash-test', role: 'press' })
      const file = join(dir.path, 'config.yaml')
      writeFileSync(file, configText([owner.entry], { cacheDir: join(dir.path, 'cache') }))
      const everAcked: string[] = []
      for (let round = 0; round < KILLS; round++) {
        everAcked.push(...(await runAndKill(['notices', file], owner.token)))
        const db = openState(dir.path)
        const stored = new Set(
          db
            .prepare<[], { id: string }>('SELECT id FROM notices')
            .all()
            .map((row) => row.id),
        )
        db.close()
        const missing = everAcked.filter((id) => !stored.has(id))
        expect(missing, `round ${round}`).toEqual([])
      }
      expect(everAcked.length).toBeGreaterThan(KILLS)
    } finally {
      dir.remove()
    }
  }, 180_000)

  it('leaves the old or the new config after a kill during apply, never a mix', async () => {
    const dir = tempDir()
    try {
      const owner = createAdminToken({ name: 'crash-test', role: 'it' })
      const cacheDir = join(dir.path, 'cache')
      // Long texts, so a version's row spans many database pages.
      const padding = (tag: string) =>
        Array.from({ length: 4000 }, (_, n) => `# ${tag} ${n} ${'·'.repeat(40)}`).join('\n')
      const first = `${configText([owner.entry], { cacheDir, name: 'Schmölln' })}\n${padding('a')}\n`
      const second = `${configText([owner.entry], { cacheDir, name: 'Gößnitz' })}\nlayout:\n  theme: dark\n${padding('b')}\n`
      const firstFile = join(dir.path, 'config.yaml')
      const secondFile = join(dir.path, 'other.yaml')
      writeFileSync(firstFile, first)
      writeFileSync(secondFile, second)
      const acked = new Set<number>()
      for (let round = 0; round < KILLS; round++) {
        for (const version of await runAndKill(['config', firstFile, secondFile], owner.token))
          acked.add(Number(version))
        const db = openState(dir.path)
        const rows = db
          .prepare<[], { version: number; text: string; hash: string }>(
            'SELECT version, text, hash FROM config_versions ORDER BY version',
          )
          .all()
        db.close()
        const latest = rows.at(-1)!
        expect([first, second]).toContain(latest.text)
        expect(parseConfigText(latest.text, 'yaml', dir.path).ok).toBe(true)
        for (const row of rows) expect([first, second], `version ${row.version}`).toContain(row.text)
        const stored = new Set(rows.map((row) => row.version))
        expect(
          [...acked].filter((version) => !stored.has(version)),
          `round ${round}`,
        ).toEqual([])
        expect(rows.map((row) => row.version)).toEqual(rows.map((_row, index) => index + 1))
      }
      expect(acked.size).toBeGreaterThan(KILLS)
    } finally {
      dir.remove()
    }
  }, 180_000)
})
