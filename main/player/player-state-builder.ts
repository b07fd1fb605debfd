import type { ContentItem } from '../../content-sources/content-item.js'
import type { PlayerState, WeatherNow } from '../../contracts/player-state.js'
import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import type { SourceState } from '../cache/source-state-store.js'
import { isDisplayOn } from '../display/display-hours.js'
import { buildPlaylist } from '../playlist/playlist-engine.js'

export interface SourceHealth {
  state: SourceState
  /** The source's cron interval. */
  intervalMs: number
  type: string
}

export interface PlayerStateInput {
  config: KioskConfig
  /** Cached items showable now (weather included) and the notices for this monitor. */
  items: readonly ContentItem[]
  sources: readonly SourceHealth[]
  now: Date
}

/** Warnings are trusted only while their source answers: after this many intervals (min 5 min) they are "nicht aktuell". */
const WARNING_REFRESH_INTERVALS = 3
const MIN_WARNING_WINDOW_MS = 5 * 60_000

/** Everything the kiosk page needs to draw the screen at `now`, from pure inputs. */
export function buildPlayerState(input: PlayerStateInput): Omit<PlayerState, 'serverTime'> {
  const { config, items, now } = input
  const staleSourceIds = new Set(
    input.sources
      .filter((source) => source.type === 'nina' && !answeredWithin(source, now))
      .map((source) => source.state.id),
  )
  const playlist = buildPlaylist({ items, config, now, staleSourceIds })
  const weather = currentWeather(items, now)
  const state: Omit<PlayerState, 'serverTime'> = {
    monitor: {
      id: config.monitor.id,
      name: config.monitor.name,
      locale: config.monitor.locale,
      timezone: config.monitor.timezone,
      orientation: config.monitor.orientation,
    },
    layout: {
      theme: config.layout.theme,
      clock: config.layout.clock,
      weather: config.layout.weather,
      ticker: config.layout.ticker,
      qrCodes: config.layout.qrCodes,
    },
    display: { on: isDisplayOn(config.display, config.monitor.timezone, now) },
    playlist,
    freshness: freshness(input.sources, now, config.layout.staleAfterMinutes),
  }
  if (weather) state.weather = weather
  return state
}

function answeredWithin(source: SourceHealth, now: Date): boolean {
  const window = Math.max(WARNING_REFRESH_INTERVALS * source.intervalMs, MIN_WARNING_WINDOW_MS)
  return source.state.lastOkAt !== undefined && now.getTime() - source.state.lastOkAt.getTime() <= window
}

/**
 * "Stand: <time>" appears when the screen cannot vouch for its content: every source's latest
 * attempt failed (network down, feed server gone), or nothing arrived for staleAfterMinutes.
 */
function freshness(
  sources: readonly SourceHealth[],
  now: Date,
  staleAfterMinutes: number,
): PlayerState['freshness'] {
  const lastOk = sources
    .map((source) => source.state.lastOkAt?.getTime())
    .filter((time): time is number => time !== undefined)
  const lastUpdateAt = lastOk.length > 0 ? new Date(Math.max(...lastOk)) : undefined
  const allFailing = sources.length > 0 && sources.every((source) => source.state.consecutiveFailures > 0)
  const tooOld =
    lastUpdateAt !== undefined && now.getTime() - lastUpdateAt.getTime() > staleAfterMinutes * 60_000
  return {
    ...(lastUpdateAt ? { lastUpdateAt: lastUpdateAt.toISOString() } : {}),
    stale: allFailing || tooOld,
  }
}

function currentWeather(items: readonly ContentItem[], now: Date): WeatherNow | undefined {
  const newest = items
    .filter((item) => item.kind === 'weather' && item.weather)
    .filter((item) => !item.validUntil || Date.parse(item.validUntil) > now.getTime())
    .sort((a, b) => b.weather!.observedAt.localeCompare(a.weather!.observedAt))[0]
  if (!newest?.weather) return undefined
  const { temperatureC, condition, icon, observedAt, forecast } = newest.weather
  return {
    temperatureC,
    condition,
    icon,
    observedAt,
    attribution: newest.attribution ?? 'Quelle: Deutscher Wetterdienst',
    forecast: forecast.map(({ time, temperatureC: temperature, icon: forecastIcon }) => ({
      time,
      temperatureC: temperature,
      icon: forecastIcon,
    })),
  }
}
