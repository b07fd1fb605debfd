/**
 * Resolves a URL found in a feed against the feed's own address and keeps it only when it is
 * http(s). Anything else (javascript:, data:, file:, t3://, garbage) becomes undefined.
 */
export function safeHttpUrl(raw: string | null | undefined, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined
  const trimmed = raw.trim()
  if (trimmed === '' || trimmed.length > 2048) return undefined
  let url: URL
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.username || url.password) return undefined
  return url.href
}
