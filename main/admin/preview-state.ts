import { randomUUID } from 'node:crypto'
import type { Notice, NoticeFields } from '../../contracts/notice.js'
import type { PlayerState } from '../../contracts/player-state.js'
import type { KioskCore } from '../core/kiosk-core.js'
import { noticeToItem, targetsMonitor } from '../notices/notice-items.js'
import { buildPlayerState, type SourceHealth } from '../player/player-state-builder.js'

/** How the sources stand now, as the player state builder needs it. */
function sourceHealth(core: KioskCore): SourceHealth[] {
  return core.config.sources
    .filter((source) => source.enabled)
    .map((source) => ({
      state: core.cache.sources.get(source.id),
      intervalMs: core.scheduler.intervalMs(source.id) ?? 60_000,
      type: source.type,
    }))
}

/**
 * What the monitor would show at `at`: the cached items valid then and the notices for this
 * monitor, through the same pure builder the screen uses. Nothing is stored.
 */
export function playerStateAt(core: KioskCore, at: Date): PlayerState {
  const config = core.config
  const notices = core.notices
    .list()
    .filter((notice) => targetsMonitor(notice, config.monitor))
    .map(noticeToItem)
  const items = [...core.cache.items.showable(at, { limit: 5_000 }), ...notices]
  return {
    ...buildPlayerState({ config, items, sources: sourceHealth(core), now: at }),
    serverTime: at.toISOString(),
  }
}

/**
 * A player state holding one unsaved notice, on screen now regardless of its dates and hours,
 * with the monitor's layout and current weather: what the page draws for it.
 */
export function noticeSlideState(
  core: KioskCore,
  fields: NoticeFields,
  orientation: 'landscape' | 'portrait',
): { state: PlayerState; itemUrls: Map<string, string> } {
  const now = core.clock.now()
  const at = now.toISOString()
  const notice: Notice = {
    ...(JSON.parse(JSON.stringify(fields)) as NoticeFields),
    id: `preview-${randomUUID()}`,
    createdAt: at,
    updatedAt: at,
    createdBy: 'preview',
    updatedBy: 'preview',
  }
  const item = noticeToItem(notice)
  item.validFrom = new Date(now.getTime() - 60_000).toISOString()
  delete item.validUntil
  delete item.schedule
  const config = core.config
  const weather = core.cache.items.showable(now, { kind: 'weather', limit: 50 })
  const built = buildPlayerState({
    config: { ...config, monitor: { ...config.monitor, orientation } },
    items: [item, ...weather],
    sources: [],
    now,
  })
  const state: PlayerState = {
    ...built,
    display: { on: true },
    freshness: { stale: false },
    serverTime: at,
  }
  return { state, itemUrls: new Map(notice.url ? [[item.id, notice.url]] : []) }
}
