import { useEffect, useState } from 'preact/hooks'

export type Orientation = 'landscape' | 'portrait'

/** The layout's orientation: forced by the monitor's config, or 'auto' from the window's shape. */
export function useOrientation(setting: 'landscape' | 'portrait' | 'auto'): Orientation {
  const measure = (): Orientation => (window.innerHeight > window.innerWidth ? 'portrait' : 'landscape')
  const [measured, setMeasured] = useState(measure)
  useEffect(() => {
    const onResize = () => setMeasured(measure())
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return setting === 'auto' ? measured : setting
}

export function useReducedMotion(): boolean {
  const [query] = useState(() => window.matchMedia('(prefers-reduced-motion: reduce)'))
  const [reduced, setReduced] = useState(query.matches)
  useEffect(() => {
    const onChange = () => setReduced(query.matches)
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [query])
  return reduced
}
