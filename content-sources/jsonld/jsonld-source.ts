import type { ContentKind } from '../content-item.js'
import { decodeBytes } from '../fetch/charset.js'
import { buildItems, type ItemDraft } from '../item-builder.js'
import type { ParseContext, SourceAdapter } from '../source-adapter.js'
import { failure } from '../source-result.js'
import { endOfLocalDay } from '../text/dates.js'
import { safeHttpUrl } from '../text/safe-url.js'
import { extractJsonLd } from './extract.js'
import { type Candidate, type JsonLdGraph, readGraph } from './graph.js'
import { enumValue, idOf, type JsonLdNode, literal, text, typesOf, values } from './literal.js'
import { nextOccurrence } from './occurrence.js'
import { openingHoursText } from './opening-hours.js'
import { eventLocation, placeLocation, resolve } from './place.js'
import { parseSchemaDate } from './schema-dates.js'

const DAY_MS = 24 * 60 * 60 * 1000
const NOT_HAPPENING = new Set(['EventCancelled', 'EventPostponed'])
const BAD_COORDINATES = 'geo coordinates unreadable or out of range'

type Outcome =
  | { status: 'draft'; draft: ItemDraft }
  | { status: 'skipped' }
  | { status: 'dropped'; reason: string }

interface Reader {
  graph: JsonLdGraph
  context: ParseContext<'jsonld'>
  baseUrl: string
}

/**
 * schema.org events and places as JSON-LD: a JSON-LD document (ThüCAT resources, `@graph`
 * exports) or an HTML page with `<script type="application/ld+json">` blocks (event calendars).
 * Events become `event` items shown from `leadDays` before they start until they end; places
 * (attractions, museums, churches) become `tourism` items with their current opening hours.
 * Cancelled and postponed events are left out: the date they carry is no longer true.
 * A configured `kind` relabels the items; the timing still follows what each node is.
 */
export const jsonldSource: SourceAdapter<'jsonld'> = {
  type: 'jsonld',
  accept: 'application/ld+json, application/json;q=0.9, text/html;q=0.8, */*;q=0.1',
  requestUrl: (source) => source.url,

  async parse(document, context) {
    const { text: body } = decodeBytes(document.bytes, document.contentType, false)
    if (body.trim() === '') return failure('EmptyBody', `${document.url} returned an empty document.`)
    const extracted = extractJsonLd(body, document.url)
    if (!extracted.ok) return failure(extracted.code, extracted.message)
    const graph = readGraph(extracted.roots, context.monitor.locale.slice(0, 2))
    if (graph.typedNodes === 0) {
      return failure(
        'InvalidContent',
        `${document.url} is JSON but not JSON-LD: no node has an @type. Is the URL a schema.org/ThüCAT resource?`,
      )
    }
    const warnings = [...extracted.warnings]
    if (graph.truncated) warnings.push('the document has too many nodes; only the first part was read')

    const reader: Reader = { graph, context, baseUrl: document.url }
    const drafts: ItemDraft[] = []
    const dropped = new Map<string, string[]>()
    for (const candidate of graph.candidates) {
      const outcome = draftOf(candidate, reader)
      if (outcome.status === 'draft') drafts.push(outcome.draft)
      else if (outcome.status === 'dropped') {
        const name = text(candidate.node, 'name', graph.vocabulary) ?? idOf(candidate.node) ?? '(unnamed)'
        dropped.set(outcome.reason, [...(dropped.get(outcome.reason) ?? []), `"${name.slice(0, 60)}"`])
      }
    }
    for (const [reason, names] of dropped) {
      const listed =
        names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`
      warnings.push(`${names.length} dropped (${listed}): ${reason}`)
    }
    const { source, monitor, now } = context
    return buildItems(drafts, { source, monitor, now, baseUrl: document.url }, warnings)
  },
}

function draftOf(candidate: Candidate, reader: Reader): Outcome {
  const { node, nature } = candidate
  const title = text(node, 'name', reader.graph.vocabulary)
  if (!title) return { status: 'dropped', reason: 'no name' }
  const kind: ContentKind = reader.context.source.kind ?? (nature === 'event' ? 'event' : 'tourism')
  const draft: ItemDraft = { ...commonFields(node, reader), title, kind }
  return nature === 'event' ? eventDraft(node, draft, reader) : placeDraft(node, draft, reader)
}

function eventDraft(node: JsonLdNode, draft: ItemDraft, reader: Reader): Outcome {
  const { graph, context } = reader
  const zone = context.monitor.timezone
  const status = enumValue(values(node, 'eventStatus', graph.vocabulary))
  if (status && NOT_HAPPENING.has(status)) return { status: 'skipped' }

  const next = nextOccurrence(node, graph, context.now, zone)
  if (next.status === 'over') return { status: 'skipped' }
  if (next.status === 'none') {
    return {
      status: 'dropped',
      reason: next.recurring
        ? 'only a recurring eventSchedule, which is not expanded; no single date to show'
        : 'no startDate',
    }
  }
  const { start, end, allDay } = next.occurrence
  const location = eventLocation(node, graph)
  if (location === 'invalid') return { status: 'dropped', reason: BAD_COORDINATES }

  draft.startsAt = start
  if (end) draft.endsAt = end
  if (allDay) draft.allDay = true
  draft.validFrom = new Date(start.getTime() - context.source.leadDays * DAY_MS)
  draft.validUntil = end ?? endOfLocalDay(start, zone)
  if (location) draft.location = location
  return { status: 'draft', draft }
}

function placeDraft(node: JsonLdNode, draft: ItemDraft, reader: Reader): Outcome {
  const { graph, context } = reader
  const location = placeLocation(node, graph)
  if (location === 'invalid') return { status: 'dropped', reason: BAD_COORDINATES }
  if (location) draft.location = location
  const openingHours = openingHoursText(node, graph.vocabulary, context.now, context.monitor.timezone)
  if (openingHours) draft.tourism = { openingHours }
  return { status: 'draft', draft }
}

function commonFields(node: JsonLdNode, reader: Reader): Omit<ItemDraft, 'title'> {
  const { graph, context } = reader
  const fields: Omit<ItemDraft, 'title'> = { summary: descriptionOf(node, graph) ?? '' }
  const id = idOf(node)
  if (id) fields.nativeId = id
  const url = firstHttpUrl(
    [...values(node, 'url', graph.vocabulary), ...values(node, 'sameAs', graph.vocabulary)],
    reader,
  )
  if (url) fields.url = url
  const image = imageOf(node, reader)
  if (image) fields.imageUrl = image
  const modified = parseSchemaDate(text(node, 'dateModified', graph.vocabulary), context.monitor.timezone)
  if (modified && modified.date.getTime() <= context.now.getTime()) fields.updatedAt = modified.date
  return fields
}

/** The plain description; ThüCAT's HTML copy (`thuecat:Html`) only when there is no plain one. */
function descriptionOf(node: JsonLdNode, graph: JsonLdGraph): string | undefined {
  const { vocabulary } = graph
  const all = values(node, 'description', vocabulary)
  const isHtml = (value: unknown) => typesOf(value).includes('Html')
  return (
    literal(
      all.filter((value) => !isHtml(value)),
      vocabulary.language,
    ) ??
    literal(
      all.filter(isHtml).flatMap((value) => values(value, 'value', vocabulary)),
      vocabulary.language,
    )
  )
}

/** An image as a URL string, an ImageObject (`url`/`contentUrl`), or an @id that is itself an http URL. */
function imageOf(node: JsonLdNode, reader: Reader): string | undefined {
  const { graph } = reader
  for (const value of [
    ...values(node, 'image', graph.vocabulary),
    ...values(node, 'photo', graph.vocabulary),
  ]) {
    const media = resolve(value, graph)
    const candidates = [
      literal(value),
      text(media, 'contentUrl', graph.vocabulary),
      text(media, 'url', graph.vocabulary),
      idOf(value),
    ]
    const url = firstHttpUrl(candidates, reader)
    if (url) return url
  }
  return undefined
}

function firstHttpUrl(candidates: readonly unknown[], reader: Reader): string | undefined {
  for (const candidate of candidates) {
    const raw = typeof candidate === 'string' ? candidate : (literal(candidate) ?? idOf(candidate))
    const url = safeHttpUrl(raw, reader.baseUrl)
    if (url) return url
  }
  return undefined
}
