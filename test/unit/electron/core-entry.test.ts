import { EventEmitter } from 'node:events'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type CoreEntryDependencies,
  type RunningCore,
  runCoreEntry,
  ShellProxy,
} from '../../../main/electron/core-entry.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import { tempDir } from '../../helpers/temp-dir.js'

class FakeParentPort extends EventEmitter {
  readonly postMessage = vi.fn()
}

describe('core entry (utility process)', () => {
  let dir: ReturnType<typeof tempDir>
  let config: string
  let port: FakeParentPort
  let exit: ReturnType<typeof vi.fn<(code: number) => void>>
  let core: RunningCore & { stop: ReturnType<typeof vi.fn> }
  type StartCore = NonNullable<CoreEntryDependencies['startCore']>
  let startCore: ReturnType<typeof vi.fn<StartCore>>

  function deps(env: NodeJS.ProcessEnv): CoreEntryDependencies {
    return {
      port: port as unknown as CoreEntryDependencies['port'],
      env,
      log: captureLogger().log,
      exit,
      startCore,
    }
  }

  beforeEach(() => {
    dir = tempDir()
    config = join(dir.path, 'config.yaml')
    writeFileSync(
      config,
      `monitor:\n  id: test\n  name: Schmölln\ncache:\n  dir: ${JSON.stringify(dir.path)}\n`,
    )
    port = new FakeParentPort()
    exit = vi.fn<(code: number) => void>()
    core = { playerUrl: 'http://127.0.0.1:8123/', shell: undefined, stop: vi.fn(async () => {}) }
    startCore = vi.fn<StartCore>(async () => core)
  })
  afterEach(() => dir.remove())

  it('starts the core with the configured file and port and reports ready with the player URL', async () => {
    await runCoreEntry(
      deps({
        INFOMONITOR_CONFIG: config,
        INFOMONITOR_PLAYER_PORT: '8123',
        INFOMONITOR_NOW: '2026-12-24T18:00:00+01:00',
      }),
    )
    const options = startCore.mock.calls[0]![0] as {
      playerPort: number
      loaded: { config: { monitor: { name: string } } }
      clock: { now(): Date }
    }
    expect(options.playerPort).toBe(8123)
    expect(options.loaded.config.monitor.name).toBe('Schmölln')
    expect(Math.abs(options.clock.now().getTime() - Date.parse('2026-12-24T17:00:00Z'))).toBeLessThan(5000)
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'ready', url: 'http://127.0.0.1:8123/' })
    expect(core.shell?.kind).toBe('electron')
    expect(exit).not.toHaveBeenCalled()
  })

  it('reports a config it cannot start with, and exits for the main process to retry', async () => {
    writeFileSync(config, 'monitor:\n  id: test\n')
    await runCoreEntry(deps({ INFOMONITOR_CONFIG: config }))
    expect(port.postMessage).toHaveBeenCalledWith({
      type: 'failed',
      message: expect.stringContaining('monitor.name'),
    })
    expect(startCore).not.toHaveBeenCalled()
    expect(exit).toHaveBeenCalledWith(2)
  })

  it('reports a core that fails to start (e.g. a native module built for another ABI)', async () => {
    startCore.mockRejectedValueOnce(new Error('The module was compiled against a different Node.js version'))
    await runCoreEntry(deps({ INFOMONITOR_CONFIG: config }))
    expect(port.postMessage).toHaveBeenCalledWith({
      type: 'failed',
      message: expect.stringContaining('different Node.js version'),
    })
    expect(exit).toHaveBeenCalledWith(1)
  })

  it('stops the core and exits when told to', async () => {
    await runCoreEntry(deps({ INFOMONITOR_CONFIG: config }))
    port.emit('message', { data: { type: 'stop' }, ports: [] })
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0))
    expect(core.stop).toHaveBeenCalled()
  })

  it('asks the main process for screenshots and keeps the shell status it is sent', async () => {
    await runCoreEntry(deps({ INFOMONITOR_CONFIG: config }))
    const shell = core.shell!
    const screenshot = shell.screenshot()
    expect(port.postMessage).toHaveBeenLastCalledWith({ type: 'screenshot-request', id: 0 })
    port.emit('message', {
      data: { type: 'screenshot-result', id: 0, png: new Uint8Array([0x89, 0x50]) },
      ports: [],
    })
    expect(await screenshot).toEqual(Buffer.from([0x89, 0x50]))
    port.emit('message', {
      data: { type: 'shell-status', status: { running: true, restarts: 3, recoveries: 1 } },
      ports: [],
    })
    expect(shell.status()).toEqual({ running: true, restarts: 3, recoveries: 1 })
  })
})

describe('ShellProxy', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('rejects a screenshot the main process does not answer, or answers with an error', async () => {
    const proxy = new ShellProxy(() => {})
    const late = proxy.screenshot()
    const assertion = expect(late).rejects.toThrow('did not send a screenshot in time')
    await vi.advanceTimersByTimeAsync(10_000)
    await assertion
    const failed = proxy.screenshot()
    proxy.receive({ type: 'screenshot-result', id: 1, error: 'no window to capture' })
    await expect(failed).rejects.toThrow('no window to capture')
  })
})
