import { useEffect, useRef } from 'preact/hooks'

/**
 * Calls `tick` every `ms` while the page is visible, and once at once when it becomes visible
 * again after having been hidden: a background tab costs the monitor nothing.
 */
export function useVisibleInterval(tick: () => void, ms: number): void {
  const latest = useRef(tick)
  latest.current = tick
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined
    const start = () => {
      clearInterval(timer)
      timer = setInterval(() => latest.current(), ms)
    }
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        latest.current()
        start()
      } else clearInterval(timer)
    }
    if (document.visibilityState === 'visible') start()
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [ms])
}
