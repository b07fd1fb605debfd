import { idOf, isNode, type JsonLdNode, schemaPrefixes, typesOf, type Vocabulary, values } from './literal.js'

// A hostile or broken document must not make the walk run away: both limits are far above
// what a real event page or ThüCAT export holds.
const MAX_DEPTH = 16
const MAX_NODES = 10_000

export interface Candidate {
  node: JsonLdNode
  nature: 'event' | 'place'
}

export interface JsonLdGraph {
  /** Events and places, in document order: each may become an item. */
  candidates: Candidate[]
  /** Nodes by @id, so that `{"@id": …}` references within the document can be followed one step. */
  byId: Map<string, JsonLdNode>
  vocabulary: Vocabulary
  /** How many nodes had an @type: none means this is JSON, but not JSON-LD. */
  typedNodes: number
  truncated: boolean
}

// Containers that hold further top-level things: graphs, item lists, a page's main entity.
const CONTAINERS = ['@graph', 'itemListElement', 'item', 'mainEntity']

/**
 * Finds the events and places in one or more JSON-LD documents: top-level nodes, `@graph`
 * members, ItemList entries and a WebPage's mainEntity. Places named as an event's location
 * describe that event and are not items of their own.
 */
export function readGraph(roots: readonly unknown[], language: string): JsonLdGraph {
  const prefixes = new Set(['schema'])
  const byId = new Map<string, JsonLdNode>()
  const found: Candidate[] = []
  let typedNodes = 0
  let visited = 0
  let truncated = false

  // Depth-first with an explicit stack, in document order: no recursion to overflow.
  const stack: { value: unknown; depth: number }[] = []
  const push = (list: readonly unknown[], depth: number) => {
    for (let index = list.length - 1; index >= 0; index--) stack.push({ value: list[index], depth })
  }
  push(roots, 0)
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!
    if (depth > MAX_DEPTH) continue
    if (Array.isArray(value)) {
      push(value, depth + 1)
      continue
    }
    if (!isNode(value)) continue
    if (++visited > MAX_NODES) {
      truncated = true
      break
    }
    if (Object.hasOwn(value, '@context')) schemaPrefixes(value['@context'], prefixes)
    const id = idOf(value)
    if (id && !byId.has(id) && Object.keys(value).length > 1) byId.set(id, value)
    const types = typesOf(value)
    if (types.length > 0) typedNodes++
    const nature = natureOf(types)
    if (nature) {
      found.push({ node: value, nature })
      continue
    }
    push(
      CONTAINERS.filter((key) => Object.hasOwn(value, key)).map((key) => value[key]),
      depth + 1,
    )
  }

  const vocabulary: Vocabulary = { prefixes: [...prefixes], language }
  const eventLocations = new Set<string>()
  for (const { node, nature } of found) {
    if (nature !== 'event') continue
    for (const location of values(node, 'location', vocabulary)) {
      const locationId = idOf(location)
      if (locationId) eventLocations.add(locationId)
    }
  }
  const candidates = found.filter(({ node, nature }) => {
    const id = idOf(node)
    return nature === 'event' || id === undefined || !eventLocations.has(id)
  })
  return { candidates, byId, vocabulary, typedNodes, truncated }
}

const PLACE_TYPE =
  /(Place|Attraction|Destination|Business|Museum|Church|Cathedral|Chapel|Monastery|Castle|Palace|Park|Zoo|Aquarium|Garden|Buildings?|Structure|Landmark|Monument|Memorial|Gallery|Theater|Library|Tower|Bridge|Worship|Center|Restaurant|Cafe|Store|PointOfInterest|Venue)$/

const EVENT_TYPE = /(Event|^EventSeries|^Festival)$/

export function natureOf(types: readonly string[]): Candidate['nature'] | undefined {
  if (types.some((type) => EVENT_TYPE.test(type))) return 'event'
  if (types.some((type) => PLACE_TYPE.test(type))) return 'place'
  return undefined
}
