/**
 * Reading schema.org values as JSON-LD publishers write them, without a JSON-LD processor:
 * keys plain (`name`), prefixed (`schema:name`) or as full IRIs; values single or in arrays;
 * literals bare or wrapped (`{"@language":"de","@value":…}`, `{"@type":"schema:Float","@value":"50.9"}`),
 * as ThüCAT does for every one of them.
 */

export type JsonLdNode = Readonly<Record<string, unknown>>

export interface Vocabulary {
  /** Prefixes that stand for schema.org in this document (`schema`, or whatever its @context says). */
  prefixes: readonly string[]
  /** Preferred language of literals: the monitor's. */
  language: string
}

const SCHEMA_IRIS = ['http://schema.org/', 'https://schema.org/']

export function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Prefixes an @context (object, array or string) maps to schema.org, always including `schema`. */
export function schemaPrefixes(context: unknown, into: Set<string> = new Set(['schema'])): Set<string> {
  for (const entry of Array.isArray(context) ? context : [context]) {
    if (!isNode(entry)) continue
    for (const [prefix, iri] of Object.entries(entry)) {
      if (
        typeof iri === 'string' &&
        /^https?:\/\/schema\.org\/?$/.test(iri) &&
        /^[A-Za-z][\w-]*$/.test(prefix)
      ) {
        into.add(prefix)
      }
    }
  }
  return into
}

/** All values of a schema.org property of a node, as an array (empty when absent). */
export function values(node: unknown, name: string, vocabulary: Vocabulary): unknown[] {
  if (!isNode(node)) return []
  for (const key of keysFor(name, vocabulary)) {
    if (!Object.hasOwn(node, key)) continue
    const value = node[key]
    if (value === null || value === undefined) return []
    return Array.isArray(value) ? value : [value]
  }
  return []
}

function keysFor(name: string, vocabulary: Vocabulary): string[] {
  return [
    name,
    ...vocabulary.prefixes.map((prefix) => `${prefix}:${name}`),
    ...SCHEMA_IRIS.map((iri) => iri + name),
  ]
}

/**
 * One literal out of a value or list of values, as a trimmed string: the preferred language
 * first, then German, then untagged values, then any. Numbers and booleans come back as text.
 */
export function literal(value: unknown, language = 'de'): string | undefined {
  let best: { text: string; rank: number } | undefined
  for (const candidate of Array.isArray(value) ? value : [value]) {
    const text = scalar(candidate)
    if (text === undefined) continue
    const rank = languageRank(isNode(candidate) ? candidate['@language'] : undefined, language)
    if (!best || rank < best.rank) best = { text, rank }
    if (rank === 0) break
  }
  return best?.text
}

/** The literal of a property: `text(node, 'name', vocabulary)`. */
export function text(node: unknown, name: string, vocabulary: Vocabulary): string | undefined {
  return literal(values(node, name, vocabulary), vocabulary.language)
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  if (isNode(value) && Object.hasOwn(value, '@value')) {
    const inner = value['@value']
    return isNode(inner) || Array.isArray(inner) ? undefined : scalar(inner)
  }
  return undefined
}

function languageRank(tag: unknown, preferred: string): number {
  if (typeof tag !== 'string') return 2
  const lower = tag.toLowerCase()
  if (lower === preferred || lower.startsWith(`${preferred}-`)) return 0
  if (lower === 'de' || lower.startsWith('de-')) return 1
  return 3
}

/** The @id of a node or reference, when it has one. */
export function idOf(value: unknown): string | undefined {
  if (!isNode(value)) return undefined
  const id = value['@id']
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined
}

/** `schema:EventCancelled`, `https://schema.org/EventCancelled` and `EventCancelled` all give `EventCancelled`. */
export function localName(iri: string): string {
  return iri.trim().replace(/^.*[/#:]/, '')
}

/** The local names of a node's @type (`['Place', 'TouristAttraction', 'Cathedral']`). */
export function typesOf(node: unknown): string[] {
  if (!isNode(node)) return []
  const type = node['@type']
  return (Array.isArray(type) ? type : [type])
    .filter((t): t is string => typeof t === 'string')
    .map(localName)
}

/** An enumeration member, whether written as text, a wrapped literal or an @id reference. */
export function enumValue(value: unknown): string | undefined {
  for (const candidate of Array.isArray(value) ? value : [value]) {
    const raw = scalar(candidate) ?? idOf(candidate)
    if (raw) return localName(raw)
  }
  return undefined
}
