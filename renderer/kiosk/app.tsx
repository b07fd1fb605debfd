import type { ComponentChildren } from 'preact'
import { useEffect, useErrorBoundary, useMemo } from 'preact/hooks'
import { Header } from './chrome/header.js'
import { Progress } from './chrome/progress.js'
import { StaleBadge } from './chrome/stale-badge.js'
import { Ticker } from './chrome/ticker.js'
import { useKioskView } from './hooks/use-kiosk-view.js'
import { useOrientation } from './hooks/use-media.js'
import { createKioskContext, KioskContext } from './kiosk-context.js'
import { FallbackSlide } from './slides/fallback-slide.js'
import { SlideStage } from './slides/slide-stage.js'
import type { KioskStore } from './state/kiosk-store.js'
import type { ServerClock } from './state/server-clock.js'

/** The whole screen: header, the slide on show, ticker and freshness; black while the display is off. */
export function App({ store, clock }: { store: KioskStore; clock: ServerClock }) {
  const { player, rotation } = useKioskView(store)
  const locale = player?.monitor.locale ?? 'de-DE'
  const timeZone = player?.monitor.timezone ?? 'Europe/Berlin'
  const context = useMemo(() => createKioskContext(locale, timeZone, clock), [locale, timeZone, clock])
  const orientation = useOrientation(player?.monitor.orientation ?? 'auto')

  useEffect(() => {
    document.documentElement.lang = locale.slice(0, 2)
  }, [locale])

  if (player && !player.display.on) return <div class="display-off" />

  const fallback = !rotation || rotation.showing.source === 'fallback'
  const ticker = player?.layout.ticker
  const tickerEntries = ticker?.enabled ? (player?.playlist.ticker ?? []) : []
  const stale = player?.freshness.stale ?? false

  return (
    <KioskContext.Provider value={context}>
      <div
        class="kiosk"
        data-theme={player?.layout.theme === 'dark' ? 'dark' : 'light'}
        data-orientation={orientation}
        data-mode={fallback ? 'fallback' : rotation.showing.source}
      >
        {player && !fallback && (
          <Guard>
            <Header player={player} />
          </Guard>
        )}
        {!fallback && <Progress showing={rotation.showing} now={clock.now} />}
        <main class="stage">
          {player && rotation ? (
            <SlideStage rotation={rotation} player={player} />
          ) : (
            <div class="slide-frame">
              <FallbackSlide name={undefined} weather={undefined} />
            </div>
          )}
        </main>
        {player && (tickerEntries.length > 0 || stale) && (
          <footer class="footer">
            <Guard>
              <Ticker entries={tickerEntries} speed={ticker?.speed ?? 0} />
              <StaleBadge freshness={player.freshness} />
            </Guard>
          </footer>
        )}
      </div>
    </KioskContext.Provider>
  )
}

/** A part of the screen that fails to render is left out rather than taking the screen with it. */
function Guard({ children }: { children: ComponentChildren }) {
  const [error] = useErrorBoundary()
  return error ? null : children
}
