import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { prepareChromiumProfile } from '../../../main/shell/chromium-profile.js'
import { tempDir } from '../../helpers/temp-dir.js'

describe('prepareChromiumProfile', () => {
  let dir: ReturnType<typeof tempDir>
  let profile: string
  beforeEach(() => {
    dir = tempDir()
    profile = join(dir.path, 'chromium-profile')
  })
  afterEach(() => dir.remove())

  it('creates the profile folder', () => {
    expect(prepareChromiumProfile(profile)).toEqual([])
    expect(existsSync(profile)).toBe(true)
  })

  it('removes the lock a killed Chromium left behind', () => {
    mkdirSync(profile)
    symlinkSync('other-host-4242', join(profile, 'SingletonLock'))
    symlinkSync('/tmp/gone/SingletonSocket', join(profile, 'SingletonSocket'))
    prepareChromiumProfile(profile)
    expect(existsSync(join(profile, 'SingletonLock'))).toBe(false)
    expect(() => readFileSync(join(profile, 'SingletonSocket'))).toThrow()
  })

  it('marks the last exit as clean, so no "restore pages?" bubble shows', () => {
    mkdirSync(join(profile, 'Default'), { recursive: true })
    const preferences = join(profile, 'Default', 'Preferences')
    writeFileSync(
      preferences,
      JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false, name: 'Kiosk' }, other: 1 }),
    )
    prepareChromiumProfile(profile)
    expect(JSON.parse(readFileSync(preferences, 'utf8'))).toEqual({
      profile: { exit_type: 'Normal', exited_cleanly: true, name: 'Kiosk' },
      other: 1,
    })
  })

  it('reports an unreadable Preferences file instead of failing', () => {
    mkdirSync(join(profile, 'Default'), { recursive: true })
    writeFileSync(join(profile, 'Default', 'Preferences'), '{broken')
    expect(prepareChromiumProfile(profile)).toEqual([expect.stringContaining('cannot mark a clean exit')])
  })
})

describe('prepareChromiumProfile with a Chromium left running', () => {
  let dir: ReturnType<typeof tempDir>
  let profile: string
  let leftover: ChildProcess | undefined
  beforeEach(() => {
    dir = tempDir()
    profile = join(dir.path, 'chromium-profile')
    mkdirSync(profile)
  })
  afterEach(() => {
    leftover?.kill('SIGKILL')
    dir.remove()
  })

  function fakeChromium(args: string[]): ChildProcess {
    // Stands in for a Chromium whose shell was killed: same profile on its command line.
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', ...args], {
      detached: true,
      stdio: 'ignore',
    })
    symlinkSync(`${hostname()}-${child.pid}`, join(profile, 'SingletonLock'))
    return child
  }

  it('ends the Chromium that still holds this profile', async () => {
    leftover = fakeChromium(['--kiosk', `--user-data-dir=${profile}`])
    const exited = new Promise((resolve) => leftover!.once('exit', (_code, signal) => resolve(signal)))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const notes = prepareChromiumProfile(profile)
    expect(notes).toEqual([expect.stringContaining(`ended a leftover Chromium (pid ${leftover.pid})`)])
    expect(await exited).toBe('SIGKILL')
    expect(existsSync(join(profile, 'SingletonLock'))).toBe(false)
  })

  it('leaves alone a process that only reuses the pid in the lock', async () => {
    leftover = fakeChromium([`--user-data-dir=${profile}-other`])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(prepareChromiumProfile(profile)).toEqual([])
    expect(() => process.kill(leftover!.pid!, 0)).not.toThrow()
  })
})
