import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type RecoveryOptions, RendererRecovery } from '../../../main/electron/recovery.js'
import { captureLogger } from '../../helpers/capture-logger.js'
import { FakeEvent, FakeWebContents, resetFakeElectron } from './fake-electron.js'

vi.mock('electron', () => import('./fake-electron.js'))

const PLAYER = 'http://127.0.0.1:8080/'
const SAFE = '/opt/infomonitor/safe-slide.html'
type Contents = ConstructorParameters<typeof RendererRecovery>[0]

describe('RendererRecovery', () => {
  let contents: FakeWebContents
  let captured: ReturnType<typeof captureLogger>
  let recovery: RendererRecovery
  let url: string | undefined

  function start(options: Partial<RecoveryOptions> = {}) {
    recovery = new RendererRecovery(contents as unknown as Contents, {
      log: captured.log,
      pageUrl: () => url,
      safeSlidePath: SAFE,
      probeIntervalMs: 0,
      now: () => Date.now(),
      ...options,
    })
    recovery.start()
    recovery.showPage()
  }

  const crash = (reason = 'crashed') =>
    contents.emit('render-process-gone', new FakeEvent(), {
      reason,
      exitCode: reason === 'crashed' ? 139 : 0,
    })
  const loads = () => contents.loadURL.mock.calls.length
  const safeLoads = () => contents.loadFile.mock.calls.length

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-21T10:00:00Z') })
    resetFakeElectron()
    contents = new FakeWebContents()
    captured = captureLogger()
    url = PLAYER
  })
  afterEach(() => {
    recovery.stop()
    vi.useRealTimers()
  })

  it('reloads the page a moment after the renderer is gone, and counts it', () => {
    start()
    expect(loads()).toBe(1)
    crash()
    expect(loads()).toBe(1)
    vi.advanceTimersByTime(1000)
    expect(contents.loadURL).toHaveBeenLastCalledWith(PLAYER)
    expect(loads()).toBe(2)
    expect(recovery.status()).toMatchObject({
      crashes: 1,
      reloads: 1,
      safeSlide: false,
      lastReason: 'renderer crashed',
    })
    expect(captured.lines).toContainEqual(
      expect.objectContaining({
        msg: 'kiosk page renderer is gone; reloading it',
        reason: 'renderer crashed',
      }),
    )
  })

  it('shows the safe slide after 5 crashes in 2 minutes, then retries the page with a growing pause', () => {
    start()
    for (let index = 0; index < 4; index++) {
      crash()
      vi.advanceTimersByTime(20_000)
    }
    expect(loads()).toBe(5)
    expect(safeLoads()).toBe(0)
    crash('oom')
    vi.advanceTimersByTime(1000)
    expect(contents.loadFile).toHaveBeenCalledWith(SAFE)
    expect(loads()).toBe(5)
    expect(recovery.status()).toMatchObject({ safeSlide: true, crashes: 5, lastReason: 'renderer oom' })

    vi.advanceTimersByTime(29_000)
    expect(loads()).toBe(6)
    expect(recovery.status().safeSlide).toBe(false)

    // It crashes again while being retried: back to the safe slide, and the next retry waits twice as long.
    crash()
    expect(safeLoads()).toBe(2)
    vi.advanceTimersByTime(59_000)
    expect(loads()).toBe(6)
    vi.advanceTimersByTime(1000)
    expect(loads()).toBe(7)
  })

  it('does not count crashes spread over more than 2 minutes towards the safe slide', () => {
    start()
    for (let index = 0; index < 8; index++) {
      crash()
      vi.advanceTimersByTime(40_000)
    }
    expect(safeLoads()).toBe(0)
    expect(loads()).toBe(9)
  })

  it('forgets the crashes once the retried page has stayed up for the crash window', () => {
    start({ crashLimit: 2 })
    crash()
    vi.advanceTimersByTime(1000)
    crash()
    expect(recovery.status().safeSlide).toBe(true)
    vi.advanceTimersByTime(30_000)
    vi.advanceTimersByTime(120_000)
    crash()
    vi.advanceTimersByTime(1000)
    expect(recovery.status().safeSlide).toBe(false)
    expect(captured.messages()).toContain('kiosk page is stable again')
  })

  it('kills a renderer that stays unresponsive past the grace period and reloads the page', () => {
    start({ unresponsiveGraceMs: 5000 })
    contents.emit('unresponsive')
    vi.advanceTimersByTime(4999)
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1)
    // The kill shows up as render-process-gone; it must not count twice.
    crash('killed')
    vi.advanceTimersByTime(1000)
    expect(loads()).toBe(2)
    expect(recovery.status()).toMatchObject({ crashes: 1, reloads: 1, lastReason: 'renderer unresponsive' })
  })

  it('leaves a renderer alone that becomes responsive within the grace period', () => {
    start({ unresponsiveGraceMs: 5000 })
    contents.emit('unresponsive')
    vi.advanceTimersByTime(3000)
    contents.emit('responsive')
    vi.advanceTimersByTime(10_000)
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled()
    expect(loads()).toBe(1)
  })

  it('notices a hung renderer with its probe even when no input makes it "unresponsive"', async () => {
    start({ probeIntervalMs: 5000, probeTimeoutMs: 3000 })
    contents.executeJavaScript.mockImplementation(() => new Promise(() => {}))
    await vi.advanceTimersByTimeAsync(5000 + 3000)
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1)
    contents.executeJavaScript.mockImplementation(async () => 1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(loads()).toBe(2)
    expect(recovery.status().lastReason).toBe('renderer does not answer')
  })

  it('leaves a page alone that answers its probe', async () => {
    start({ probeIntervalMs: 5000, probeTimeoutMs: 3000 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(contents.executeJavaScript).toHaveBeenCalled()
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled()
    expect(loads()).toBe(1)
  })

  it('shows the safe slide when the page does not load (core down) and tries again with a growing pause', () => {
    start()
    const fail = () =>
      contents.emit('did-fail-load', new FakeEvent(), -102, 'ERR_CONNECTION_REFUSED', PLAYER, true, 1, 1)
    fail()
    expect(contents.loadFile).toHaveBeenCalledWith(SAFE)
    vi.advanceTimersByTime(2000)
    expect(loads()).toBe(2)
    fail()
    vi.advanceTimersByTime(2000)
    expect(loads()).toBe(2)
    vi.advanceTimersByTime(2000)
    expect(loads()).toBe(3)
    expect(recovery.status().crashes).toBe(0)
  })

  it('ignores aborted loads and failures in sub-frames', () => {
    start()
    contents.emit('did-fail-load', new FakeEvent(), -3, 'ERR_ABORTED', PLAYER, true, 1, 1)
    contents.emit(
      'did-fail-load',
      new FakeEvent(),
      -102,
      'ERR_CONNECTION_REFUSED',
      `${PLAYER}frame`,
      false,
      1,
      2,
    )
    vi.advanceTimersByTime(60_000)
    expect(safeLoads()).toBe(0)
    expect(loads()).toBe(1)
  })

  it('shows the safe slide, not a blank page, while there is no player URL yet', () => {
    url = undefined
    start()
    expect(contents.loadFile).toHaveBeenCalledWith(SAFE)
    expect(loads()).toBe(0)
  })

  it('stops reacting after stop()', () => {
    start()
    recovery.stop()
    crash()
    vi.advanceTimersByTime(10_000)
    expect(loads()).toBe(1)
  })
})
