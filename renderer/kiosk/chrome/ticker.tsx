import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { TickerEntry } from '../../../contracts/player-state.js'
import { useReducedMotion } from '../hooks/use-media.js'
import { WarningIcon } from '../icons/kind-icons.js'
import { FitText } from '../text/fit-text.js'

const STATIC_ENTRY_MS = 8_000
/** The gap between the end of the line and its repetition, counted in characters for the speed. */
const GAP_CHARACTERS = 6

/**
 * The line of short notices along the bottom. It moves slowly (layout.ticker.speed characters a
 * second) as one transform animation, and only when it is longer than the screen is wide; with
 * reduced motion it shows one notice at a time instead.
 */
export function Ticker({ entries, speed }: { entries: readonly TickerEntry[]; speed: number }) {
  const reducedMotion = useReducedMotion()
  if (entries.length === 0) return null
  return (
    <div class="ticker">
      {reducedMotion || !(speed > 0) ? (
        <StaticTicker entries={entries} />
      ) : (
        <ScrollingTicker entries={entries} speed={speed} />
      )}
    </div>
  )
}

function ScrollingTicker({ entries, speed }: { entries: readonly TickerEntry[]; speed: number }) {
  const viewport = useRef<HTMLDivElement>(null)
  const track = useRef<HTMLDivElement>(null)
  const [scrolling, setScrolling] = useState(false)
  const signature = entries
    .map((entry) => `${entry.key}\u0000${entry.text}\u0000${entry.severity ?? ''}`)
    .join('\u0001')

  useLayoutEffect(() => {
    const box = viewport.current
    const line = track.current
    const run = line?.firstElementChild as HTMLElement | null
    if (!box || !line || !run) return
    let animation: Animation | undefined
    let measuredAt = ''
    const start = () => {
      animation?.cancel()
      animation = undefined
      measuredAt = `${box.clientWidth}`
      const width = run.offsetWidth
      const fits = width <= box.clientWidth
      setScrolling(!fits)
      if (fits) return
      const characters = (run.textContent?.length ?? 0) + GAP_CHARACTERS
      animation = line.animate([{ transform: 'translateX(0)' }, { transform: `translateX(${-width}px)` }], {
        duration: (characters / speed) * 1_000,
        iterations: Number.POSITIVE_INFINITY,
        easing: 'linear',
      })
    }
    start()
    const observer = new ResizeObserver(() => {
      if (`${box.clientWidth}` !== measuredAt) start()
    })
    observer.observe(box)
    const fonts = document.fonts
    fonts?.addEventListener('loadingdone', start)
    return () => {
      animation?.cancel()
      observer.disconnect()
      fonts?.removeEventListener('loadingdone', start)
    }
  }, [signature, speed])

  return (
    <div class="ticker__viewport" ref={viewport}>
      <div class={scrolling ? 'ticker__track ticker__track--scrolling' : 'ticker__track'} ref={track}>
        <TickerRun entries={entries} />
        {scrolling && <TickerRun entries={entries} hidden />}
      </div>
    </div>
  )
}

function TickerRun({ entries, hidden }: { entries: readonly TickerEntry[]; hidden?: boolean }) {
  return (
    <span class="ticker__run" aria-hidden={hidden ? 'true' : undefined}>
      {entries.map((entry) => (
        <span class="ticker__entry" key={entry.key}>
          {entry.severity && (
            <WarningIcon class={`ticker__mark severity-mark--${entry.severity.toLowerCase()}`} />
          )}
          {entry.text}
        </span>
      ))}
    </span>
  )
}

function StaticTicker({ entries }: { entries: readonly TickerEntry[] }) {
  const [index, setIndex] = useState(0)
  useEffect(() => {
    if (entries.length < 2) return
    const timer = setInterval(() => setIndex((current) => (current + 1) % entries.length), STATIC_ENTRY_MS)
    return () => clearInterval(timer)
  }, [entries.length])
  const entry = entries[index % entries.length]!
  return (
    <div class="ticker__viewport ticker__viewport--static">
      {entry.severity && (
        <WarningIcon class={`ticker__mark severity-mark--${entry.severity.toLowerCase()}`} />
      )}
      <FitText as="span" class="ticker__static-text" text={entry.text} />
    </div>
  )
}
