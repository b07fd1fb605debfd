import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GpuCrashWatch, softwareRenderingRequired } from '../../../main/electron/gpu-fallback.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import { tempDir } from '../../helpers/temp-dir.js'

const BUILD = '0.1.0+electron-45.4.1'

describe('GPU fallback', () => {
  let dir: ReturnType<typeof tempDir>
  let marker: string
  let now: number

  beforeEach(() => {
    dir = tempDir()
    marker = join(dir.path, 'user-data', 'gpu-fallback.json')
    now = Date.parse('2026-11-21T10:00:00Z')
  })
  afterEach(() => dir.remove())

  function watch(softwareRendering = false) {
    const relaunch = vi.fn()
    const gpu = new GpuCrashWatch({
      markerFile: marker,
      build: BUILD,
      log: captureLogger().log,
      relaunch,
      softwareRendering,
      now: () => now,
    })
    return { gpu, relaunch }
  }

  it('relaunches without hardware acceleration after 3 GPU crashes in 30 s, and remembers it', () => {
    const { gpu, relaunch } = watch()
    for (let index = 0; index < 3; index++) {
      gpu.record({ type: 'GPU', reason: 'crashed', exitCode: 139 })
      now += 5000
    }
    expect(relaunch).toHaveBeenCalledTimes(1)
    expect(JSON.parse(readFileSync(marker, 'utf8'))).toMatchObject({ build: BUILD })
    expect(softwareRenderingRequired(marker, BUILD)).toBe(true)
  })

  it('tolerates GPU crashes that are spread out, and ignores other processes', () => {
    const { gpu, relaunch } = watch()
    for (let index = 0; index < 6; index++) {
      gpu.record({ type: 'GPU', reason: 'crashed' })
      gpu.record({ type: 'Utility', reason: 'crashed' })
      now += 20_000
    }
    expect(relaunch).not.toHaveBeenCalled()
    expect(existsSync(marker)).toBe(false)
  })

  it('does not relaunch in a loop when hardware acceleration is already off', () => {
    const { gpu, relaunch } = watch(true)
    for (let index = 0; index < 5; index++) gpu.record({ type: 'GPU', reason: 'crashed' })
    expect(relaunch).not.toHaveBeenCalled()
  })

  it('gives a new build the GPU again: a marker from another build is removed', () => {
    const { gpu } = watch()
    for (let index = 0; index < 3; index++) gpu.record({ type: 'GPU', reason: 'crashed' })
    expect(softwareRenderingRequired(marker, '0.2.0+electron-46.0.0')).toBe(false)
    expect(existsSync(marker)).toBe(false)
  })

  it('treats a missing or unreadable marker as "use the GPU"', () => {
    expect(softwareRenderingRequired(marker, BUILD)).toBe(false)
    const broken = join(dir.path, 'broken.json')
    writeFileSync(broken, '{not json')
    expect(softwareRenderingRequired(broken, BUILD)).toBe(false)
  })
})
