import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CoreProcess, type CoreProcessOptions } from '../../../main/electron/core-process.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import { forked, PNG_BYTES, resetFakeElectron, utilityProcess } from './fake-electron.js'

vi.mock('electron', () => import('./fake-electron.js'))

const ENTRY = '/app/dist/main/electron/core-entry.js'

describe('CoreProcess', () => {
  let core: CoreProcess
  let captured: ReturnType<typeof captureLogger>
  const ready: string[] = []

  function start(options: Partial<CoreProcessOptions> = {}) {
    core = new CoreProcess({
      entry: ENTRY,
      env: { INFOMONITOR_CONFIG: '/etc/infomonitor/config.yaml' },
      log: captured.log,
      onReady: (url) => ready.push(url),
      ...options,
    })
    core.start()
    return forked.at(-1)!
  }

  beforeEach(() => {
    vi.useFakeTimers()
    resetFakeElectron()
    captured = captureLogger()
    ready.length = 0
  })
  afterEach(() => vi.useRealTimers())

  it('runs the core entry in a utility process with the config in its environment', () => {
    const child = start()
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1)
    expect(child.modulePath).toBe(ENTRY)
    expect(child.options.env).toMatchObject({ INFOMONITOR_CONFIG: '/etc/infomonitor/config.yaml' })
    expect(child.options.env?.INFOMONITOR_PLAYER_PORT).toBeUndefined()
  })

  it('reports the player URL when the core says it is ready', () => {
    const child = start()
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:8123/' })
    expect(ready).toEqual(['http://127.0.0.1:8123/'])
    expect(core.status()).toMatchObject({ running: true, restarts: 0, url: 'http://127.0.0.1:8123/' })
  })

  it('starts the core again after it exits, on the same player port, and counts the restart', () => {
    const first = start()
    first.emit('message', { type: 'ready', url: 'http://127.0.0.1:8123/' })
    first.emit('exit', 1)
    expect(core.status().running).toBe(false)
    vi.advanceTimersByTime(999)
    expect(forked).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(forked).toHaveLength(2)
    const second = forked[1]!
    expect(second.options.env).toMatchObject({ INFOMONITOR_PLAYER_PORT: '8123' })
    second.emit('message', { type: 'ready', url: 'http://127.0.0.1:8123/' })
    expect(ready).toHaveLength(2)
    expect(core.status()).toMatchObject({ running: true, restarts: 1, lastReason: 'core exited (code 1)' })
    expect(captured.messages()).toContain('core is gone; starting it again')
  })

  it('waits longer while the core keeps dying young', () => {
    start()
    const delays: number[] = []
    for (let attempt = 0; attempt < 4; attempt++) {
      const child = forked.at(-1)!
      child.emit('message', {
        type: 'failed',
        message: 'better-sqlite3 was compiled against a different Node.js version',
      })
      child.emit('exit', 1)
      const before = forked.length
      let waited = 0
      while (forked.length === before) {
        vi.advanceTimersByTime(100)
        waited += 100
      }
      delays.push(waited)
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000])
    expect(core.status().lastReason).toBe(
      'core failed: better-sqlite3 was compiled against a different Node.js version',
    )
  })

  it('kills a core that does not get ready in time, and starts it again', () => {
    const child = start({ readyTimeoutMs: 30_000 })
    vi.advanceTimersByTime(30_000)
    expect(child.kill).toHaveBeenCalled()
  })

  it('ignores malformed messages', () => {
    const child = start()
    child.emit('message', { type: 'ready', url: 'file:///etc/passwd' })
    child.emit('message', 'ready')
    expect(ready).toEqual([])
    expect(captured.messages()).toContain('ignoring a malformed message from the core')
  })

  it('stops the core by asking it, and does not start it again', async () => {
    const child = start()
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:8123/' })
    child.postMessage.mockImplementation((message: { type: string }) => {
      if (message.type === 'stop') queueMicrotask(() => child.emit('exit', 0))
    })
    await core.stop()
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'stop' })
    vi.advanceTimersByTime(60_000)
    expect(forked).toHaveLength(1)
  })

  it('kills a core that does not stop in time', async () => {
    const child = start({ stopGraceMs: 5000 })
    const stopped = core.stop()
    await vi.advanceTimersByTimeAsync(5000)
    await stopped
    expect(child.kill).toHaveBeenCalled()
  })

  it('answers screenshot requests from the core and sends it the shell status', async () => {
    const status = { running: true, restarts: 2, recoveries: 1, lastReason: 'renderer crashed' }
    const child = start({
      shell: { screenshot: async () => Buffer.from(PNG_BYTES), status: () => status },
      statusIntervalMs: 2000,
    })
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:8123/' })
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'shell-status', status })
    child.emit('message', { type: 'screenshot-request', id: 4 })
    await vi.advanceTimersByTimeAsync(0)
    expect(child.postMessage).toHaveBeenCalledWith({
      type: 'screenshot-result',
      id: 4,
      png: new Uint8Array(PNG_BYTES),
    })
    child.postMessage.mockClear()
    vi.advanceTimersByTime(2000)
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'shell-status', status })
  })
})
