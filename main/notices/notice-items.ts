import type { ContentItem } from '../../content-sources/content-item.js'
import type { Notice, NoticeStatus } from '../../contracts/notice.js'
import type { MonitorConfig } from '../../kiosk-config/schema/monitor.js'
import { isShowable } from '../playlist/playlist-engine.js'

export const NOTICE_SOURCE_ID = 'notices'

/** Whether a notice is meant for this monitor: no targets means every monitor. */
export function targetsMonitor(notice: Notice, monitor: MonitorConfig): boolean {
  const { monitors, tags } = notice.targets
  if (monitors.length === 0 && tags.length === 0) return true
  return monitors.includes(monitor.id) || tags.some((tag) => monitor.tags.includes(tag))
}

/** A notice becomes a ContentItem like any other, so the playlist engine treats it like one. */
export function noticeToItem(notice: Notice): ContentItem {
  const item: ContentItem = {
    id: `${NOTICE_SOURCE_ID}:${notice.id}`,
    sourceId: NOTICE_SOURCE_ID,
    kind: 'notice',
    title: notice.title,
    summary: notice.text,
    validFrom: new Date(notice.validFrom).toISOString(),
    priority: notice.priority,
    language: 'de',
    updatedAt: new Date(notice.updatedAt).toISOString(),
  }
  if (notice.validUntil) item.validUntil = new Date(notice.validUntil).toISOString()
  if (notice.imageId) item.imageAssetId = notice.imageId
  if (notice.url) item.url = notice.url
  if (notice.weekdays || notice.hours) {
    item.schedule = {
      ...(notice.weekdays ? { weekdays: notice.weekdays } : {}),
      ...(notice.hours ? { hours: notice.hours } : {}),
    }
  }
  return item
}

/** Scheduled (not yet), on air, paused (inside its dates, outside its days or hours), expired. */
export function noticeStatus(notice: Notice, now: Date, zone: string): NoticeStatus {
  if (notice.validUntil && Date.parse(notice.validUntil) <= now.getTime()) return 'expired'
  if (Date.parse(notice.validFrom) > now.getTime()) return 'scheduled'
  return isShowable(noticeToItem(notice), now, zone) ? 'on-air' : 'paused'
}
