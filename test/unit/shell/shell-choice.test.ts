import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  chooseShell,
  findElectronBinary,
  hasDisplay,
  type ShellProbe,
} from '../../../main/shell/shell-choice.js'
import { tempDir } from '../../helpers/temp-dir.js'

const ALL: ShellProbe = {
  electron: '/app/node_modules/electron/dist/electron',
  chromium: '/usr/bin/chromium',
  display: true,
}
const windowed = { headless: false }

describe('chooseShell', () => {
  it('auto prefers Electron, then Chromium, then none', () => {
    expect(chooseShell('auto', ALL, windowed)).toEqual({ ok: true, shell: 'electron', binary: ALL.electron })
    expect(chooseShell('auto', { ...ALL, electron: undefined }, windowed)).toEqual({
      ok: true,
      shell: 'chromium',
      executable: '/usr/bin/chromium',
    })
    expect(chooseShell('auto', { ...ALL, electron: undefined, chromium: undefined }, windowed)).toMatchObject(
      { ok: true, shell: 'none' },
    )
  })

  it('auto without a display runs Chromium headless if asked, else nothing', () => {
    const noDisplay = { ...ALL, display: false }
    expect(chooseShell('auto', noDisplay, windowed)).toMatchObject({
      ok: true,
      shell: 'none',
      note: expect.stringContaining('no display'),
    })
    expect(chooseShell('auto', noDisplay, { headless: true })).toMatchObject({ ok: true, shell: 'chromium' })
    expect(chooseShell('auto', ALL, { headless: true })).toMatchObject({ ok: true, shell: 'chromium' })
  })

  it('an explicit shell that cannot run is a usage error saying what to do', () => {
    expect(chooseShell('electron', { ...ALL, electron: undefined }, windowed)).toMatchObject({
      ok: false,
      message: expect.stringContaining('--shell chromium'),
    })
    expect(chooseShell('chromium', { ...ALL, chromium: undefined }, windowed)).toMatchObject({
      ok: false,
      message: expect.stringContaining('--chromium'),
    })
    expect(chooseShell('chromium', { ...ALL, display: false }, windowed)).toMatchObject({
      ok: false,
      message: expect.stringContaining('--headless'),
    })
    expect(chooseShell('none', ALL, windowed)).toMatchObject({ ok: true, shell: 'none' })
  })
})

describe('findElectronBinary', () => {
  function packageWith(files: Record<string, string>) {
    const dir = tempDir()
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir.path, path, '..'), { recursive: true })
      writeFileSync(join(dir.path, path), content)
    }
    return dir
  }

  it('finds the binary named by path.txt, without loading the electron package', () => {
    const dir = packageWith({
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': '',
      'dist/main/electron/main.js': '',
    })
    expect(findElectronBinary(dir.path)).toBe(join(dir.path, 'node_modules/electron/dist/electron'))
    dir.remove()
  })

  it('reports none when the binary was never downloaded or the app is not built', () => {
    const skipped = packageWith({
      'node_modules/electron/package.json': '{}',
      'dist/main/electron/main.js': '',
    })
    expect(findElectronBinary(skipped.path)).toBeUndefined()
    skipped.remove()
    const missing = packageWith({
      'node_modules/electron/path.txt': 'electron',
      'dist/main/electron/main.js': '',
    })
    expect(findElectronBinary(missing.path)).toBeUndefined()
    missing.remove()
    const unbuilt = packageWith({
      'node_modules/electron/path.txt': 'electron',
      'node_modules/electron/dist/electron': '',
    })
    expect(findElectronBinary(unbuilt.path)).toBeUndefined()
    unbuilt.remove()
  })
})

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(hasDisplay({}, 'linux')).toBe(false)
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true)
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true)
    expect(hasDisplay({}, 'win32')).toBe(true)
  })
})
