import { useEffect, useState } from 'preact/hooks'
import type { KioskStore, KioskView } from '../state/kiosk-store.js'

export function useKioskView(store: KioskStore): KioskView {
  const [view, setView] = useState(store.view)
  useEffect(() => {
    setView(store.view())
    return store.subscribe(() => setView(store.view()))
  }, [store])
  return view
}
