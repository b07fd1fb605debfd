import type { FieldMapping } from '../../kiosk-config/schema/sources.js'
import { type BuildContext, buildItems, type ItemDraft } from '../item-builder.js'
import { failure, type SourceResult } from '../source-result.js'
import { toPlainLine } from '../text/plain-text.js'
import { type FeedRecord, readDate, readNumber, readPath, readText, specPath } from './field-mapping.js'

/** Roadworks appear on screen this long before they start: announced a week ahead. */
export const ROADWORKS_LEAD_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

export interface Position {
  lat: number
  lon: number
}

/** One feature or row, with what its format knows beyond the mapped fields. */
export interface RecordEntry {
  record: FeedRecord
  /** Shown in warnings: `feature 3`, `row 7`. */
  label: string
  /** From the format itself (a GeoJSON geometry); `invalid` when it was there but unusable. */
  position?: Position | 'invalid'
  /** The format's own id (GeoJSON `feature.id`), used when the mapping has no `id` field. */
  fallbackId?: string
}

export type RecordOutcome =
  | { status: 'draft'; draft: ItemDraft }
  | { status: 'ended' }
  | { status: 'dropped'; reason: string }

export interface RecordContext extends BuildContext {
  fields: FieldMapping
}

/**
 * Turns mapped records (GeoJSON features, CSV rows) into items with the shared rules: ended
 * records are left out, records that cannot be shown are dropped with one warning per reason,
 * and a mapping whose title field no record has fails the source, since that is a changed feed
 * or a wrong config rather than bad records.
 */
export function buildRecordItems(
  entries: readonly RecordEntry[],
  context: RecordContext,
  warnings: string[] = [],
): SourceResult {
  const titlePath = specPath(context.fields.title)
  if (entries.length > 0 && !entries.some((entry) => readPath(entry.record, titlePath) !== undefined)) {
    return failure(
      'InvalidContent',
      `None of the ${entries.length} records has the title field "${titlePath}"` +
        `${describeKeys(entries[0]?.record)}. Check fields.title in the source config against the feed.`,
    )
  }
  const drafts: ItemDraft[] = []
  const dropped = new Map<string, string[]>()
  for (const entry of entries) {
    const outcome = recordDraft(entry, context)
    if (outcome.status === 'draft') drafts.push(outcome.draft)
    else if (outcome.status === 'dropped') {
      dropped.set(outcome.reason, [...(dropped.get(outcome.reason) ?? []), entry.label])
    }
  }
  for (const [reason, labels] of dropped) {
    warnings.push(`${labels.length} dropped (${listLabels(labels)}): ${reason}`)
  }
  return buildItems(drafts, context, warnings)
}

/** One record as a roadworks draft, or why it is not shown. */
export function recordDraft(entry: RecordEntry, context: RecordContext): RecordOutcome {
  const { fields, monitor, now } = context
  const { record } = entry
  const zone = monitor.timezone
  const title = readText(record, fields.title)
  if (!title || toPlainLine(title) === '') {
    return { status: 'dropped', reason: `empty title (${specPath(fields.title)})` }
  }

  const startsAt = readDate(record, fields.startsAt, zone)
  const endsAt = readDate(record, fields.endsAt, zone, { end: true })
  if (endsAt && endsAt.getTime() < now.getTime()) return { status: 'ended' }
  if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime()) {
    return { status: 'dropped', reason: 'ends before it starts' }
  }

  const position = entry.position ?? mappedPosition(record, fields)
  if (position === 'invalid') {
    return {
      status: 'dropped',
      reason:
        'coordinates unreadable or out of WGS84 range (longitude first; projected systems such as EPSG:25833 are not supported)',
    }
  }

  const street = readText(record, fields.street)
  const restriction = readText(record, fields.restriction)
  const draft: ItemDraft = {
    title,
    nativeId: readText(record, fields.id) ?? entry.fallbackId,
    summary: readText(record, fields.summary) ?? '',
    url: readText(record, fields.url),
    imageUrl: readText(record, fields.image),
    startsAt,
    endsAt,
    validFrom: startsAt ? new Date(startsAt.getTime() - ROADWORKS_LEAD_DAYS * DAY_MS) : undefined,
    validUntil: endsAt,
  }
  if (street || restriction) {
    draft.roadworks = {}
    if (street) draft.roadworks.street = street
    if (restriction) draft.roadworks.restriction = restriction
  }
  if (street || position) draft.location = { name: street, ...position }
  return { status: 'draft', draft }
}

/** Coordinates from the `lat`/`lon` fields: absent when both are empty, invalid when only one is usable. */
function mappedPosition(record: FeedRecord, fields: FieldMapping): Position | 'invalid' | undefined {
  if (!fields.lat || !fields.lon) return undefined
  const rawLat = readPath(record, specPath(fields.lat))
  const rawLon = readPath(record, specPath(fields.lon))
  if (isBlank(rawLat) && isBlank(rawLon)) return undefined
  return checkedPosition(readNumber(record, fields.lat), readNumber(record, fields.lon))
}

export function checkedPosition(lat: number | undefined, lon: number | undefined): Position | 'invalid' {
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'invalid'
  return { lat, lon }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function listLabels(labels: readonly string[]): string {
  return labels.length <= 5
    ? labels.join(', ')
    : `${labels.slice(0, 5).join(', ')} and ${labels.length - 5} more`
}

function describeKeys(record: FeedRecord | undefined): string {
  const keys = record ? Object.keys(record).slice(0, 12) : []
  return keys.length > 0 ? ` (the first has: ${keys.join(', ')})` : ''
}
