import { createHash } from 'node:crypto'
import type { ContentItem } from '../../content-sources/content-item.js'
import type { Playlist, Slide, SlideKind, TickerEntry } from '../../contracts/player-state.js'
import type { KioskConfig } from '../../kiosk-config/schema/kiosk-config.js'
import { weightedSequence } from './kind-mix.js'
import { slideDurationMs, splitText, wordCount } from './reading-time.js'
import { toSlideItem } from './slide-item.js'
import { isWithinWindows } from './time-windows.js'

export interface PlaylistInput {
  /** Candidates: cached items and notices; anything outside its window is filtered here. */
  items: readonly ContentItem[]
  config: Pick<KioskConfig, 'monitor' | 'rotation' | 'layout'>
  now: Date
  /** Sources past their refresh window: their warnings are marked "nicht aktuell". */
  staleSourceIds?: ReadonlySet<string>
}

type ShownItem = ContentItem & { kind: SlideKind }

const MAX_WORDS_PER_SLIDE = 55
/** A warning's slide also carries what to do: its description gets less room per slide. */
const MAX_WORDS_BESIDE_INSTRUCTION = 28
const MAX_PARTS = 3
const MAX_CYCLE = 120
const SEVERITY_RANK = { Extreme: 0, Severe: 1, Moderate: 2, Minor: 3, Unknown: 4 } as const

/**
 * What the screen shows at `now`, as a pure function: the same input gives the same playlist,
 * so the admin preview for any future time runs exactly this code.
 *
 * - Only items inside their validity window and show schedule; `weather` never rotates.
 * - Urgent items interrupt the rotation, alternating, until they end.
 * - Minor warnings go to the ticker (when configured); severe ones rotate with precedence.
 * - Kinds share the rotation by weight (smooth weighted round-robin), items within a kind in
 *   order of relevance, each slide long enough to read.
 */
export function buildPlaylist(input: PlaylistInput): Playlist {
  const { config, now } = input
  const visible = input.items.filter((item): item is ShownItem =>
    isShowable(item, now, config.monitor.timezone),
  )
  const slidesOf = (item: ShownItem) => toSlides(item, input)

  const urgent = visible.filter((item) => item.priority === 'urgent').sort(byUrgency)
  const tickerItems = config.rotation.minorWarningsToTicker
    ? visible.filter((item) => item.priority !== 'urgent' && isMinorWarning(item))
    : []
  const inTicker = new Set(tickerItems)
  const rotating = visible.filter((item) => item.priority !== 'urgent' && !inTicker.has(item))

  const interrupt = urgent.flatMap(slidesOf)
  const rotation = mixRotation(rotating, config.rotation).flatMap(slidesOf)
  const ticker = tickerItems.sort(byUrgency).map(toTickerEntry)
  const mode = interrupt.length > 0 ? 'interrupt' : rotation.length > 0 ? 'rotation' : 'fallback'
  const version = createHash('sha1')
    .update(JSON.stringify([mode, interrupt, rotation, ticker]))
    .digest('hex')
    .slice(0, 16)
  return { mode, interrupt, rotation, ticker, version }
}

export function isShowable(item: ContentItem, now: Date, zone: string): boolean {
  if (item.kind === 'weather') return false
  const time = now.getTime()
  if (Date.parse(item.validFrom) > time) return false
  if (item.validUntil && Date.parse(item.validUntil) <= time) return false
  const schedule = item.schedule
  if (!schedule) return true
  const windows = schedule.hours ?? [{ from: '00:00', to: '00:00' }]
  return isWithinWindows(
    now,
    zone,
    windows.map((window) => ({ ...window, ...(schedule.weekdays ? { weekdays: schedule.weekdays } : {}) })),
  )
}

function isMinorWarning(item: ShownItem): boolean {
  return (
    item.kind === 'warning' && (item.warning?.severity === 'Minor' || item.warning?.severity === 'Unknown')
  )
}

function byUrgency(a: ShownItem, b: ShownItem): number {
  const severity = (item: ShownItem) => (item.warning ? SEVERITY_RANK[item.warning.severity] : 1)
  return severity(a) - severity(b) || b.validFrom.localeCompare(a.validFrom) || a.id.localeCompare(b.id)
}

/** Within a kind: high priority first, then what matters soonest or is newest. */
function byRelevance(a: ShownItem, b: ShownItem): number {
  const priority = (item: ShownItem) => (item.priority === 'high' ? 0 : 1)
  if (priority(a) !== priority(b)) return priority(a) - priority(b)
  switch (a.kind) {
    case 'event':
    case 'roadworks':
      return (a.startsAt ?? a.validFrom).localeCompare(b.startsAt ?? b.validFrom) || a.id.localeCompare(b.id)
    case 'tourism':
      return a.title.localeCompare(b.title, 'de') || a.id.localeCompare(b.id)
    case 'warning':
      return byUrgency(a, b)
    default:
      return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id)
  }
}

function mixRotation(items: readonly ShownItem[], rotation: KioskConfig['rotation']): ShownItem[] {
  const byKind = new Map<SlideKind, ShownItem[]>()
  for (const item of items) {
    const list = byKind.get(item.kind)
    if (list) list.push(item)
    else byKind.set(item.kind, [item])
  }
  const weights = new Map<SlideKind, number>()
  // Kinds holding a high-priority item go first and count double: precedence without takeover.
  const kinds = [...byKind.keys()].sort(
    (a, b) => Number(hasHigh(byKind.get(b)!)) - Number(hasHigh(byKind.get(a)!)),
  )
  for (const kind of kinds) {
    const list = byKind.get(kind)!.sort(byRelevance).slice(0, rotation.maxItemsPerKind)
    byKind.set(kind, list)
    const weight = rotation.mix[kind] * (hasHigh(list) ? 2 : 1)
    if (weight > 0) weights.set(kind, weight)
  }
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0)
  // A cycle has room for MAX_CYCLE slides; a kind gets its weight's share of them, so a kind
  // with a small weight shows fewer items than maxItemsPerKind, but each of them every cycle.
  for (const [kind, weight] of weights) {
    const share = Math.max(1, Math.floor((MAX_CYCLE * weight) / total))
    byKind.set(kind, byKind.get(kind)!.slice(0, share))
  }
  // Long enough that every item of every kind appears once; short kinds repeat.
  const length = Math.min(
    MAX_CYCLE,
    Math.max(
      weights.size,
      ...[...weights].map(([kind, weight]) => Math.ceil((byKind.get(kind)!.length * total) / weight)),
    ),
  )
  const next = new Map<SlideKind, number>()
  const sequence = weightedSequence(weights, length).map((kind) => {
    const list = byKind.get(kind)!
    const index = next.get(kind) ?? 0
    next.set(kind, index + 1)
    return list[index % list.length]!
  })
  return withoutRepeats(sequence)
}

/**
 * The same slide twice in a row looks like a stuck screen. A repeat moves to a place where it
 * differs from both neighbours (the cycle loops: the last slide neighbours the first, which
 * keeps its place); where there is none, its kind has more share than it has items to fill,
 * and the repeat is dropped.
 */
function withoutRepeats(sequence: ShownItem[]): ShownItem[] {
  const result = [...sequence]
  const fitsAt = (item: ShownItem, at: number) =>
    result[at] !== item && result[at - 1] !== item && result[(at + 1) % result.length] !== item
  for (let index = 1; index < result.length; index++) {
    const item = result[index]!
    if (item !== result[index - 1]) continue
    const swap = result.findIndex(
      (candidate, at) =>
        at > index &&
        candidate !== result[index - 1] &&
        (at === index + 1 || candidate !== result[index + 1]) &&
        fitsAt(item, at),
    )
    if (swap !== -1) [result[index], result[swap]] = [result[swap]!, item]
    else result.splice(index--, 1)
  }
  while (result.length > 2 && result.at(-1) === result[0]) {
    const last = result.length - 1
    const item = result[last]!
    const swap = result.findIndex(
      (candidate, at) =>
        at > 0 &&
        at < last - 1 &&
        candidate !== result[0] &&
        candidate !== result[last - 1] &&
        fitsAt(item, at),
    )
    if (swap !== -1) [result[last], result[swap]] = [result[swap]!, item]
    else result.pop()
  }
  return result
}

function hasHigh(items: readonly ShownItem[]): boolean {
  return items.some((item) => item.priority === 'high')
}

function toSlides(item: ShownItem, input: PlaylistInput): Slide[] {
  const text = item.summary || item.body || ''
  const maxWords = item.warning?.instruction ? MAX_WORDS_BESIDE_INSTRUCTION : MAX_WORDS_PER_SLIDE
  const parts = splitText(text, maxWords, MAX_PARTS)
  const stale = item.kind === 'warning' && (input.staleSourceIds?.has(item.sourceId) ?? false)
  const extraWords = wordCount(item.title) + wordCount(item.warning?.instruction ?? '')
  return parts.map((part, index) => {
    const slideItem = toSlideItem(item, part, { qrCodes: input.config.layout.qrCodes, stale })
    if (parts.length > 1) slideItem.part = { index: index + 1, count: parts.length }
    return {
      key: parts.length > 1 ? `${item.id}#${index + 1}` : item.id,
      durationMs: slideDurationMs(wordCount(part) + extraWords, input.config.rotation),
      item: slideItem,
    }
  })
}

function toTickerEntry(item: ShownItem): TickerEntry {
  const entry: TickerEntry = { key: item.id, text: item.title }
  if (item.warning) entry.severity = item.warning.severity
  return entry
}
