import type { ContentItem } from '../../content-sources/content-item.js'
import type { SlideItem, SlideKind } from '../../contracts/player-state.js'

/** Turns a cached item into what one slide shows: only display fields, local URLs only. */
export function toSlideItem(
  item: ContentItem & { kind: SlideKind },
  text: string,
  options: { qrCodes: boolean; stale: boolean },
): SlideItem {
  const slide: SlideItem = {
    id: item.id,
    sourceId: item.sourceId,
    kind: item.kind,
    priority: item.priority,
    title: item.title,
    text,
  }
  if (item.imageAssetId) slide.imageUrl = `/media/${item.imageAssetId}`
  if (item.url && options.qrCodes) {
    slide.qrUrl = `/qr/${encodeURIComponent(item.id)}.svg`
    slide.linkLabel = readableLink(item.url)
  }
  if (item.location?.name) slide.place = item.location.name
  if (item.startsAt) slide.startsAt = item.startsAt
  if (item.endsAt) slide.endsAt = item.endsAt
  if (item.allDay) slide.allDay = true
  if (item.roadworks?.street) slide.street = item.roadworks.street
  if (item.roadworks?.restriction) slide.restriction = item.roadworks.restriction
  if (item.tourism?.openingHours) slide.openingHours = item.tourism.openingHours
  if (item.warning) {
    const { severity, urgency, event, instruction, issuer, area } = item.warning
    slide.warning = { severity, urgency }
    if (event) slide.warning.event = event
    if (instruction) slide.warning.instruction = instruction
    if (issuer) slide.warning.issuer = issuer
    if (area) slide.warning.area = area
  }
  if (item.attribution) slide.attribution = item.attribution
  if (options.stale) slide.stale = true
  return slide
}

/** `https://www.schmoelln.de/aktuelles/123?x=1` → `schmoelln.de/aktuelles/123`, short enough to type. */
export function readableLink(url: string): string {
  const parsed = new URL(url)
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '')
  const label = `${parsed.hostname.replace(/^www\./, '')}${path}`
  return label.length > 48 ? `${label.slice(0, 47)}…` : label
}
