import { createHash } from 'node:crypto'
import type { MonitorConfig } from '../kiosk-config/schema/monitor.js'
import { DEFAULT_KIND, type SourceConfig } from '../kiosk-config/schema/sources.js'
import { type ContentItem, ContentItemSchema } from './content-item.js'
import { type SourceResult, success } from './source-result.js'
import { toPlainLine, toPlainText, truncateAtWord } from './text/plain-text.js'
import { safeHttpUrl } from './text/safe-url.js'

type InstantField = 'validFrom' | 'validUntil' | 'startsAt' | 'endsAt' | 'updatedAt'

/**
 * What an adapter knows about one item, before the shared rules apply. Text may still hold
 * HTML and URLs may be relative: `buildItems` sanitises, resolves, validates and fills defaults.
 */
export type ItemDraft = Omit<Partial<ContentItem>, InstantField | 'id' | 'sourceId' | 'title'> & {
  title: string
  /** The source's own id for the item (guid, UID + RECURRENCE-ID, feature id). */
  nativeId?: string
  validFrom?: Date
  validUntil?: Date
  startsAt?: Date
  endsAt?: Date
  updatedAt?: Date
}

export interface BuildContext {
  source: SourceConfig
  monitor: MonitorConfig
  now: Date
  /** Relative links and image URLs resolve against this (the feed's final URL or channel link). */
  baseUrl?: string
}

/**
 * Turns drafts into valid ContentItems: plain text only, http(s) URLs only, ids stable across
 * syncs, the source's kind, attribution and radius applied. An item that fails validation is
 * dropped with a warning; the others are kept.
 */
export function buildItems(
  drafts: readonly ItemDraft[],
  context: BuildContext,
  warnings: string[] = [],
): SourceResult {
  const items: ContentItem[] = []
  const seen = new Set<string>()
  for (const draft of drafts) {
    if (items.length >= context.source.maxItems) {
      warnings.push(`only the first ${context.source.maxItems} items were kept (maxItems)`)
      break
    }
    const candidate = normalise(draft, context)
    if (!candidate) continue
    if (seen.has(candidate.id)) continue
    if (!withinRadius(candidate, context)) continue
    const parsed = ContentItemSchema.safeParse(candidate)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      warnings.push(
        `item "${truncateAtWord(candidate.title, 60)}" dropped: ${issue?.path.join('.')}: ${issue?.message}`,
      )
      continue
    }
    seen.add(candidate.id)
    items.push(parsed.data)
  }
  return success(items, warnings)
}

function normalise(draft: ItemDraft, context: BuildContext): ContentItem | undefined {
  const title = truncateAtWord(toPlainLine(draft.title), 500)
  if (title === '') return undefined
  const { source, now, baseUrl } = context
  const summary = truncateAtWord(toPlainText(draft.summary), 5000)
  const item: ContentItem = {
    id: `${source.id}:${draft.nativeId?.trim() || contentHash(title, draft.startsAt, draft.url)}`.slice(
      0,
      500,
    ),
    sourceId: source.id,
    kind: draft.kind ?? source.kind ?? DEFAULT_KIND[source.type],
    title,
    summary,
    validFrom: (draft.validFrom ?? now).toISOString(),
    priority: draft.priority ?? 'normal',
    language: draft.language ?? 'de',
    updatedAt: (draft.updatedAt ?? now).toISOString(),
  }
  const body = draft.body ? truncateAtWord(toPlainText(draft.body), 20000) : ''
  if (body && body !== summary) item.body = body
  const url = safeHttpUrl(draft.url, baseUrl)
  if (url) item.url = url
  const imageUrl = safeHttpUrl(draft.imageUrl, baseUrl)
  if (imageUrl) item.imageUrl = imageUrl
  if (draft.imageAssetId) item.imageAssetId = draft.imageAssetId
  for (const field of ['validUntil', 'startsAt', 'endsAt'] as const) {
    const value = draft[field]
    if (value && !Number.isNaN(value.getTime())) item[field] = value.toISOString()
  }
  if (draft.allDay !== undefined) item.allDay = draft.allDay
  if (draft.schedule) item.schedule = draft.schedule
  const attribution = draft.attribution ?? source.attribution
  if (attribution) item.attribution = toPlainLine(attribution).slice(0, 300)
  const location = cleanLocation(draft.location)
  if (location) item.location = location
  if (draft.warning) {
    item.warning = textFields(
      textFields(textFields(draft.warning, ['instruction'], 5000), ['area'], 2000),
      ['issuer', 'event'],
      300,
    )
  }
  if (draft.roadworks) item.roadworks = textFields(draft.roadworks, ['street', 'restriction'], 300)
  if (draft.tourism) item.tourism = textFields(draft.tourism, ['openingHours'], 500)
  if (draft.weather) item.weather = draft.weather
  return item
}

function textFields<T extends object>(object: T, keys: readonly (keyof T & string)[], max: number): T {
  const result = { ...object }
  for (const key of keys) {
    const value = object[key]
    if (typeof value !== 'string') continue
    const text = truncateAtWord(key === 'instruction' ? toPlainText(value) : toPlainLine(value), max)
    if (text) (result as Record<string, unknown>)[key] = text
    else delete (result as Record<string, unknown>)[key]
  }
  return result
}

function cleanLocation(location: ItemDraft['location']): ContentItem['location'] {
  if (!location) return undefined
  const result: NonNullable<ContentItem['location']> = {}
  const name = toPlainLine(location.name)
  if (name) result.name = name.slice(0, 300)
  if (isCoordinate(location.lat, 90) && isCoordinate(location.lon, 180)) {
    result.lat = location.lat
    result.lon = location.lon
  }
  return Object.keys(result).length > 0 ? result : undefined
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit
}

function withinRadius(item: ContentItem, context: BuildContext): boolean {
  const radius = context.source.radiusKm
  const here = context.monitor.location
  const there = item.location
  if (radius === undefined || !here || there?.lat === undefined || there.lon === undefined) return true
  return distanceKm(here.lat, here.lon, there.lat, there.lon) <= radius
}

/** Great-circle distance (haversine), good to a few metres at town scale. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

function contentHash(title: string, startsAt: Date | undefined, url: string | undefined): string {
  return createHash('sha256')
    .update(`${title}\u0000${startsAt?.toISOString() ?? ''}\u0000${url ?? ''}`)
    .digest('hex')
    .slice(0, 20)
}
