import { render } from 'preact'
import { App } from './app.js'
import { connectToCore } from './state/connection.js'
import { createKioskStore } from './state/kiosk-store.js'
import { createPlayReporter, postPlays } from './state/play-reporter.js'
import { loadPreview, previewTokenFrom } from './state/preview.js'
import { createServerClock } from './state/server-clock.js'
import { speedFrom } from './state/speed.js'
import './styles/index.css'

declare global {
  interface Window {
    /** For end-to-end tests and benchmarks only: which slide is on screen, how often it changed. */
    __infomonitor?: { slideKey(): string | undefined; rotations(): number }
  }
}

const clock = createServerClock()
const reporter = createPlayReporter({ send: postPlays })
const preview = previewTokenFrom(location.search)
const store = createKioskStore({
  clock,
  speed: speedFrom(location.search),
  onPlay: preview ? () => {} : reporter.record,
})
if (preview) loadPreview(preview, store.receiveState)
else connectToCore({ state: store.receiveState, time: store.receiveTime })

window.__infomonitor = Object.freeze({
  slideKey: () => store.slideKey(),
  rotations: () => store.view().rotations,
})

/**
 * The first frame should already have its stylesheet and the bundled font, so text is fitted
 * once; a font that fails to load must not hold the screen up for long.
 */
const FONT_WAIT_MS = 1_000
const loaded = new Promise<void>((resolve) => {
  if (document.readyState === 'complete') resolve()
  else window.addEventListener('load', () => resolve(), { once: true })
})
loaded
  .then(() => {
    const fonts = ['400', '600', '700'].map((weight) => document.fonts.load(`${weight} 1em "Source Sans 3"`))
    return Promise.race([Promise.all(fonts), new Promise((resolve) => setTimeout(resolve, FONT_WAIT_MS))])
  })
  .catch(() => undefined)
  .then(() => render(<App store={store} clock={clock} />, document.getElementById('app')!))
