/**
 * The wire format between the core's player endpoint and the kiosk page. Types only: the
 * renderer imports them with `import type`, so nothing here reaches the page's bundle.
 * Times are ISO-8601 UTC; the page shows them in `monitor.timezone`.
 */

export type SlideKind = 'roadworks' | 'event' | 'tourism' | 'news' | 'warning' | 'notice'
export type Severity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown'

export interface SlideItem {
  id: string
  /** For proof of play. */
  sourceId: string
  kind: SlideKind
  priority: 'normal' | 'high' | 'urgent'
  title: string
  /** Plain text for this slide (a long text is split over consecutive slides). */
  text: string
  part?: { index: number; count: number }
  /** Served by the player endpoint (/media/<asset>), never a remote URL. */
  imageUrl?: string
  /** QR code image (/qr/<item>.svg) for the item's link, and the link shortened for people to read. */
  qrUrl?: string
  linkLabel?: string
  place?: string
  startsAt?: string
  endsAt?: string
  allDay?: boolean
  street?: string
  restriction?: string
  openingHours?: string
  warning?: {
    severity: Severity
    urgency: string
    event?: string
    instruction?: string
    issuer?: string
    area?: string
  }
  attribution?: string
  /** A warning whose source has not answered within its refresh window: shown as "nicht aktuell". */
  stale?: boolean
}

export interface Slide {
  /** Identifies what the slide shows (item id plus part); an item may recur within a cycle, never twice in a row. */
  key: string
  durationMs: number
  item: SlideItem
}

export interface TickerEntry {
  key: string
  text: string
  severity?: Severity
}

export interface Playlist {
  mode: 'interrupt' | 'rotation' | 'fallback'
  /** Urgent items, shown at once, alternating, until they end. */
  interrupt: Slide[]
  /** One cycle of the rotation; the page loops it. */
  rotation: Slide[]
  ticker: TickerEntry[]
  /** Changes whenever anything the screen shows would change. */
  version: string
}

export interface WeatherNow {
  temperatureC: number | null
  condition: string | null
  icon: string | null
  observedAt: string
  attribution: string
  forecast: { time: string; temperatureC: number | null; icon: string | null }[]
}

export interface PlayerState {
  monitor: {
    id: string
    name: string
    locale: 'de-DE' | 'en-GB'
    timezone: string
    orientation: 'landscape' | 'portrait' | 'auto'
  }
  layout: {
    theme: 'light' | 'dark'
    clock: boolean
    weather: boolean
    ticker: { enabled: boolean; speed: number }
    qrCodes: boolean
  }
  display: { on: boolean }
  playlist: Playlist
  weather?: WeatherNow
  freshness: {
    /** When content last arrived from any source. */
    lastUpdateAt?: string
    /** True when every source has failed for longer than layout.staleAfterMinutes: show "Stand: <time>". */
    stale: boolean
  }
  /** The core's clock (virtual when --now is set): the page's clock follows it. */
  serverTime: string
}
