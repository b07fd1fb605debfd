import { decodeBytes } from './charset.js'
import type { FetchedDocument } from './http-fetch.js'

/** A JSON API's answer, decoded by its charset; a parse error comes back as a value. */
export function readJsonDocument(
  document: FetchedDocument,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(decodeBytes(document.bytes, document.contentType, false).text) }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** A configured API base URL without its trailing slashes, ready for `${base}/path`. */
export function apiBase(url: string): string {
  return url.replace(/\/+$/, '')
}
