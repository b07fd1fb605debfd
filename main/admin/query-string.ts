/**
 * Query strings without the form-encoding rule that turns `+` into a space: the API's query
 * values are ISO times, and `?at=2026-03-29T03:30+02:00` typed by hand must keep its offset.
 * Repeated keys keep the first value; a malformed escape is kept as written.
 */
export function parseQueryString(query: string): Record<string, string> {
  const result: Record<string, string> = Object.create(null)
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const separator = pair.indexOf('=')
    const key = decode(separator === -1 ? pair : pair.slice(0, separator))
    const value = separator === -1 ? '' : decode(pair.slice(separator + 1))
    if (!(key in result)) result[key] = value
  }
  return result
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
