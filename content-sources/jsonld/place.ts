import type { Location } from '../content-item.js'
import { toNumber } from '../mapping/field-mapping.js'
import { checkedPosition, type Position } from '../mapping/record-items.js'
import type { JsonLdGraph } from './graph.js'
import { idOf, isNode, type JsonLdNode, literal, text, typesOf, values } from './literal.js'

/** A node itself, or the node a bare `{"@id": …}` reference points to within the document. */
export function resolve(value: unknown, graph: JsonLdGraph): JsonLdNode | undefined {
  if (!isNode(value)) return undefined
  const id = idOf(value)
  if (id && Object.keys(value).length === 1) return graph.byId.get(id)
  return value
}

/** Where an event happens: `Distelschänke, Am Jenzig 1, 07749 Jena` and its coordinates. */
export function eventLocation(event: JsonLdNode, graph: JsonLdGraph): Location | 'invalid' | undefined {
  const { vocabulary } = graph
  for (const value of values(event, 'location', graph.vocabulary)) {
    const plain = literal(value, vocabulary.language)
    if (plain) return { name: plain }
    const place = resolve(value, graph)
    if (!place || typesOf(place).includes('VirtualLocation')) continue
    if (typesOf(place).includes('PostalAddress')) return withName(addressText(place, graph))
    const position = positionOf(place, graph)
    if (position === 'invalid') return 'invalid'
    const name = joinDistinct([text(place, 'name', vocabulary), addressOf(place, graph)])
    if (name || position) return { ...withName(name), ...position }
  }
  return undefined
}

/** Where a place is: its address (the name is the slide's title already) and coordinates. */
export function placeLocation(place: JsonLdNode, graph: JsonLdGraph): Location | 'invalid' | undefined {
  const position = positionOf(place, graph)
  if (position === 'invalid') return 'invalid'
  const name = addressOf(place, graph)
  return name || position ? { ...withName(name), ...position } : undefined
}

function addressOf(place: JsonLdNode, graph: JsonLdGraph): string | undefined {
  for (const value of values(place, 'address', graph.vocabulary)) {
    const address = addressText(value, graph)
    if (address) return address
  }
  return undefined
}

function addressText(value: unknown, graph: JsonLdGraph): string | undefined {
  const { vocabulary } = graph
  const plain = literal(value, vocabulary.language)
  if (plain) return plain
  const address = resolve(value, graph)
  if (!address) return undefined
  const town = joinDistinct(
    [text(address, 'postalCode', vocabulary), text(address, 'addressLocality', vocabulary)],
    ' ',
  )
  return joinDistinct([text(address, 'streetAddress', vocabulary), town])
}

/** `geo` GeoCoordinates, or latitude/longitude on the place itself; numbers may arrive as text. */
function positionOf(place: JsonLdNode, graph: JsonLdGraph): Position | 'invalid' | undefined {
  const { vocabulary } = graph
  const geo = values(place, 'geo', vocabulary)
    .map((value) => resolve(value, graph))
    .find((value) => value !== undefined)
  const source = geo ?? place
  const lat = text(source, 'latitude', vocabulary)
  const lon = text(source, 'longitude', vocabulary)
  if (lat === undefined && lon === undefined) return undefined
  return checkedPosition(toNumber(lat), toNumber(lon))
}

function withName(name: string | undefined): Location {
  return name ? { name } : {}
}

/** Joins the parts that say something new: no `Markt, Markt 1` when the name is in the address. */
function joinDistinct(parts: readonly (string | undefined)[], separator = ', '): string | undefined {
  const kept: string[] = []
  for (const part of parts) {
    if (!part) continue
    const lower = part.toLowerCase()
    if (kept.some((previous) => previous.toLowerCase().includes(lower))) continue
    const shorter = kept.findIndex((previous) => lower.includes(previous.toLowerCase()))
    if (shorter === -1) kept.push(part)
    else kept[shorter] = part
  }
  return kept.length > 0 ? kept.join(separator) : undefined
}
