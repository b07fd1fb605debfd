import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SINGLETON_FILES = ['SingletonLock', 'SingletonSocket', 'SingletonCookie']

/**
 * Readies the kiosk's own Chromium profile before a (re)start. After a kill, Chromium leaves
 * its profile lock behind and remembers the crash, which may show a "profile in use" or a
 * "restore pages?" prompt on a screen no one can click. Call only while no Chromium uses it.
 * Returns what it could not do, as text for the log (an unreadable Preferences is not fatal).
 */
export function prepareChromiumProfile(userDataDir: string): string[] {
  const problems: string[] = []
  mkdirSync(userDataDir, { recursive: true })
  for (const name of SINGLETON_FILES) rmSync(join(userDataDir, name), { force: true })
  const preferences = join(userDataDir, 'Default', 'Preferences')
  if (!existsSync(preferences)) return problems
  try {
    const parsed = JSON.parse(readFileSync(preferences, 'utf8')) as { profile?: Record<string, unknown> }
    if (parsed.profile?.exit_type === 'Normal' && parsed.profile.exited_cleanly === true) return problems
    parsed.profile = { ...parsed.profile, exit_type: 'Normal', exited_cleanly: true }
    writeFileSync(preferences, JSON.stringify(parsed))
  } catch (error) {
    problems.push(`cannot mark a clean exit in ${preferences}: ${(error as Error).message}`)
  }
  return problems
}
