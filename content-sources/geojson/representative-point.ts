import { checkedPosition, type Position } from '../mapping/record-items.js'

// RFC 7946 advises against nesting GeometryCollections; a few levels are plenty for real feeds.
const MAX_COLLECTION_DEPTH = 4

interface Parts {
  points: unknown[]
  lines: unknown[][]
  rings: unknown[][]
  unknown: boolean
}

/**
 * One point that stands for a geometry on a slide and in the radius filter: the first Point,
 * else the middle of the first line, else the centroid of the first polygon's outer ring.
 * Positions are `[lon, lat]` (RFC 7946). Undefined for a null or empty geometry, `invalid` for
 * one that is there but unusable (unknown type, malformed or out-of-range positions).
 */
export function representativePoint(geometry: unknown): Position | 'invalid' | undefined {
  if (geometry === null || geometry === undefined) return undefined
  const parts: Parts = { points: [], lines: [], rings: [], unknown: false }
  collect(geometry, parts, 0)
  const [point] = parts.points
  if (point !== undefined) return position(point)
  const [line] = parts.lines
  if (line !== undefined) return middleOf(line)
  const [ring] = parts.rings
  if (ring !== undefined) return centroidOf(ring)
  return parts.unknown ? 'invalid' : undefined
}

function collect(geometry: unknown, parts: Parts, depth: number): void {
  if (typeof geometry !== 'object' || geometry === null) {
    parts.unknown = true
    return
  }
  const { type, coordinates, geometries } = geometry as Record<string, unknown>
  const list = Array.isArray(coordinates) ? coordinates : []
  switch (type) {
    case 'Point':
      parts.points.push(coordinates)
      return
    case 'MultiPoint':
      if (list.length > 0) parts.points.push(list[0])
      return
    case 'LineString':
      parts.lines.push(list)
      return
    case 'MultiLineString':
      if (Array.isArray(list[0])) parts.lines.push(list[0])
      return
    case 'Polygon':
      if (Array.isArray(list[0])) parts.rings.push(list[0])
      return
    case 'MultiPolygon':
      if (Array.isArray(list[0]) && Array.isArray(list[0][0])) parts.rings.push(list[0][0])
      return
    case 'GeometryCollection':
      if (depth >= MAX_COLLECTION_DEPTH || !Array.isArray(geometries)) {
        parts.unknown = true
        return
      }
      for (const member of geometries) collect(member, parts, depth + 1)
      return
    default:
      parts.unknown = true
  }
}

function position(value: unknown): Position | 'invalid' {
  if (!Array.isArray(value) || value.length < 2) return 'invalid'
  const [lon, lat] = value
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'invalid'
  }
  return checkedPosition(lat, lon)
}

/** The middle vertex, or the middle of the middle segment: a point on the line either way. */
function middleOf(line: unknown[]): Position | 'invalid' {
  if (line.length === 0) return 'invalid'
  if (line.length % 2 === 1) return position(line[(line.length - 1) / 2])
  const a = position(line[line.length / 2 - 1])
  const b = position(line[line.length / 2])
  if (a === 'invalid' || b === 'invalid') return 'invalid'
  return { lat: (a.lat + b.lat) / 2, lon: (a.lon + b.lon) / 2 }
}

function centroidOf(ring: unknown[]): Position | 'invalid' {
  const vertices: Position[] = []
  for (const vertex of ring) {
    const checked = position(vertex)
    if (checked === 'invalid') return 'invalid'
    vertices.push(checked)
  }
  const first = vertices[0]
  const last = vertices[vertices.length - 1]
  // A closed ring repeats its first vertex at the end; counting it twice would pull the centroid.
  if (vertices.length > 1 && first && last && first.lat === last.lat && first.lon === last.lon) vertices.pop()
  if (vertices.length === 0) return 'invalid'
  const sum = vertices.reduce((total, vertex) => ({
    lat: total.lat + vertex.lat,
    lon: total.lon + vertex.lon,
  }))
  return { lat: sum.lat / vertices.length, lon: sum.lon / vertices.length }
}
