/**
 * What xml2js makes of an element: a string when it has neither attributes nor children,
 * else an object with the text in `_`, attributes in `$` and children as arrays by name.
 * Feed content is untrusted, so every access checks the shape.
 */
export type RawItem = Record<string, unknown>

/** The nodes stored under `field` (rss-parser keeps raw custom fields as arrays). */
export function rawNodes(item: unknown, field: string): unknown[] {
  if (!isObject(item) || !Object.hasOwn(item, field)) return []
  const value = item[field]
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node
  if (isObject(node) && typeof node._ === 'string') return node._
  return undefined
}

export function attributesOf(node: unknown): Readonly<Record<string, string | undefined>> {
  if (!isObject(node) || !isObject(node.$)) return {}
  const attributes: Record<string, string> = {}
  for (const [name, value] of Object.entries(node.$)) if (typeof value === 'string') attributes[name] = value
  return attributes
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
