import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { packagePath } from '../../../main/util/package-root.js'
import { tempDir } from '../../helpers/temp-dir.js'

const require = createRequire(import.meta.url)
const builderConfig = parse(readFileSync(packagePath('electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>

interface AfterPackContext {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { executableName: string; appInfo: { productFilename: string } }
}
const afterPack = require('../../../scripts/electron-fuses.cjs') as (
  context: AfterPackContext,
) => Promise<void>
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses')

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>
    }
    await expect(
      validateConfiguration(structuredClone(builderConfig), { isEnabled: false, add() {} }),
    ).resolves.toBeUndefined()
  })

  it('packages the kiosk for Linux x64 and arm64 as AppImage and deb', () => {
    expect(builderConfig).toMatchObject({
      appId: 'de.infomonitor.kiosk',
      productName: 'InfoMonitor',
      npmRebuild: true,
      afterPack: 'scripts/electron-fuses.cjs',
      linux: {
        target: [
          { target: 'AppImage', arch: ['x64', 'arm64'] },
          { target: 'deb', arch: ['x64', 'arm64'] },
        ],
      },
    })
    expect(builderConfig.files).toEqual(
      expect.arrayContaining(['dist/**', 'package.json', 'kiosk-config/**', 'main/electron/safe-slide.html']),
    )
    expect(builderConfig.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**/*.node'])
    expect(existsSync(packagePath(String(builderConfig.afterPack)))).toBe(true)
  })

  it('starts the compiled Electron entry that tsc emits for main/electron/main.ts', () => {
    const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { main: string }
    const build = JSON.parse(readFileSync(packagePath('tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { outDir: string; rootDir: string }
    }
    expect(build.compilerOptions).toMatchObject({ outDir: 'dist', rootDir: '.' })
    expect(manifest.main).toBe('dist/main/electron/main.js')
    expect(existsSync(packagePath(manifest.main.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true)
  })
})

describe('scripts/electron-fuses.cjs (afterPack)', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  const ON = 0x31
  const OFF = 0x30
  let dir: ReturnType<typeof tempDir>
  let binary: string

  beforeEach(() => {
    dir = tempDir()
    binary = join(dir.path, 'infomonitor-kiosk')
    // Electron's defaults: RunAsNode on, cookies plain, NODE_OPTIONS on, --inspect on, no asar
    // integrity, loose app allowed, no V8 snapshot, file:// privileged.
    const wire = [ON, OFF, ON, ON, OFF, OFF, OFF, ON]
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.alloc(64, 7),
        Buffer.from(SENTINEL),
        Buffer.from([1, wire.length, ...wire]),
        Buffer.alloc(64, 7),
      ]),
    )
    vi.spyOn(console, 'log').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.restoreAllMocks()
    delete process.env.INFOMONITOR_TEST_BUILD
    dir.remove()
  })

  const context = (): AfterPackContext => ({
    appOutDir: dir.path,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { executableName: 'infomonitor-kiosk', appInfo: { productFilename: 'InfoMonitor' } },
  })

  it('flips the kiosk fuses in the packaged binary', async () => {
    await afterPack(context())
    const fuses = await getCurrentFuseWire(binary)
    expect(fuses[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON)
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON)
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(ON)
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF)
  })

  it('keeps --inspect only in a test build (for Playwright), and says so', async () => {
    process.env.INFOMONITOR_TEST_BUILD = '1'
    await afterPack(context())
    const fuses = await getCurrentFuseWire(binary)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(ON)
    expect(fuses[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('TEST BUILD'))
  })
})
