import { existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

const SINGLETON_FILES = ['SingletonLock', 'SingletonSocket', 'SingletonCookie']

/**
 * Readies the kiosk's own Chromium profile before a (re)start. A Chromium left running by a
 * shell that was killed outright (it runs in its own process group) still holds the profile:
 * it is ended. After a kill, Chromium leaves its profile lock behind and remembers the crash,
 * which may show a "profile in use" or a "restore pages?" prompt on a screen no one can click.
 * Call only while no Chromium of this shell uses it. Returns what to log.
 */
export function prepareChromiumProfile(userDataDir: string): string[] {
  const notes: string[] = []
  mkdirSync(userDataDir, { recursive: true })
  const orphan = endLeftoverChromium(userDataDir)
  if (orphan !== undefined)
    notes.push(`ended a leftover Chromium (pid ${orphan}) that still held ${userDataDir}`)
  for (const name of SINGLETON_FILES) rmSync(join(userDataDir, name), { force: true })
  const preferences = join(userDataDir, 'Default', 'Preferences')
  if (!existsSync(preferences)) return notes
  try {
    const parsed = JSON.parse(readFileSync(preferences, 'utf8')) as { profile?: Record<string, unknown> }
    if (parsed.profile?.exit_type === 'Normal' && parsed.profile.exited_cleanly === true) return notes
    parsed.profile = { ...parsed.profile, exit_type: 'Normal', exited_cleanly: true }
    writeFileSync(preferences, JSON.stringify(parsed))
  } catch (error) {
    notes.push(`cannot mark a clean exit in ${preferences}: ${(error as Error).message}`)
  }
  return notes
}

/**
 * The lock names `<host>-<pid>` of the Chromium that holds the profile. That process is ended
 * only if it runs here and its command line names this very profile (a pid can be reused).
 */
function endLeftoverChromium(userDataDir: string): number | undefined {
  let target: string
  try {
    target = readlinkSync(join(userDataDir, 'SingletonLock'))
  } catch {
    return undefined
  }
  const match = /^(.*)-(\d+)$/.exec(target)
  if (!match || match[1] !== hostname()) return undefined
  const pid = Number(match[2])
  let commandLine: string
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return undefined
  }
  if (!commandLine.split('\0').includes(`--user-data-dir=${userDataDir}`)) return undefined
  try {
    // Its helpers share its process group (we start Chromium detached).
    process.kill(-pid, 'SIGKILL')
  } catch {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      return undefined
    }
  }
  return pid
}
