import { decodeBytes } from '../fetch/charset.js'
import type { FeedRecord } from '../mapping/field-mapping.js'
import { buildRecordItems, type RecordEntry } from '../mapping/record-items.js'
import type { SourceAdapter } from '../source-adapter.js'
import { failure } from '../source-result.js'
import { representativePoint } from './representative-point.js'

/**
 * GeoJSON roadworks (Berlin VIZ, Hamburg WFS, Sachsen, a town's own export): a FeatureCollection,
 * a bare array of features or a single Feature. Fields come from `properties` through the
 * source's mapping; the geometry gives the point used on screen and in the radius filter.
 */
export const geojsonSource: SourceAdapter<'geojson'> = {
  type: 'geojson',
  accept: 'application/geo+json, application/json;q=0.9, */*;q=0.1',
  requestUrl: (source) => source.url,

  async parse(document, context) {
    const { text } = decodeBytes(document.bytes, document.contentType, false)
    if (text.trim() === '') return failure('EmptyBody', `${document.url} returned an empty document.`)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return failure(
        'MalformedJson',
        `${document.url} is not valid JSON (${(error as Error).message}). Is the URL right, and does it return GeoJSON?`,
      )
    }
    const features = featuresOf(json)
    if (!features) {
      return failure(
        'InvalidContent',
        `${document.url} is JSON but not GeoJSON: expected a FeatureCollection, a Feature or an array of features. ` +
          'For a WFS, request outputFormat=application/geo+json (or application/json) with srsName=EPSG:4326.',
      )
    }
    const warnings: string[] = []
    const entries: RecordEntry[] = []
    features.forEach((feature, index) => {
      if (!isObject(feature)) {
        warnings.push(`feature ${index + 1} is not an object; skipped`)
        return
      }
      entries.push({
        record: isObject(feature.properties) ? feature.properties : {},
        label: `feature ${index + 1}`,
        position: representativePoint(feature.geometry),
        fallbackId:
          typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined,
      })
    })
    const { source, monitor, now } = context
    return buildRecordItems(
      entries,
      { source, monitor, now, baseUrl: document.url, fields: source.fields },
      warnings,
    )
  },
}

function featuresOf(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) {
    return json.length === 0 || json.some((entry) => isObject(entry) && entry.type === 'Feature')
      ? json
      : undefined
  }
  if (!isObject(json)) return undefined
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) return json.features
  if (json.type === 'Feature') return [json]
  return undefined
}

function isObject(value: unknown): value is FeedRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
