import { useLayoutEffect, useRef } from 'preact/hooks'
import type { Showing } from '../state/rotation.js'

/**
 * A thin bar filling up while the slide is shown. It is one compositor animation of transform
 * per slide, started where the slide already is (a page loaded mid-slide shows the right fill).
 */
export function Progress({ showing, now }: { showing: Showing; now: () => number }) {
  const bar = useRef<HTMLDivElement>(null)
  const { seq, startedAt, durationMs } = showing
  useLayoutEffect(() => {
    const element = bar.current
    if (!element || !Number.isFinite(durationMs) || durationMs <= 0) return
    const animation = element.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], {
      duration: durationMs,
      easing: 'linear',
      fill: 'forwards',
    })
    animation.currentTime = Math.min(Math.max(now() - startedAt, 0), durationMs)
    return () => animation.cancel()
  }, [seq, startedAt, durationMs])
  const kind = showing.slide?.item.kind
  return (
    <div class="progress" data-kind={kind} aria-hidden="true">
      <div class="progress__bar" ref={bar} />
    </div>
  )
}
