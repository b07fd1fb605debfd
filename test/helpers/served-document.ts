import { type FetchedDocument, fetchDocument } from '../../content-sources/fetch/http-fetch.js'
import type { FixtureServer } from './fixture-server.js'

/**
 * Serves `body` at `path` on the fixture server and fetches it the way the sync does, so an
 * adapter test parses exactly what a real fetch delivers (headers, charset, final URL).
 */
export async function serveAndFetch(
  server: FixtureServer,
  path: string,
  body: string | Buffer,
  contentType: string,
  maxBytes = 5 * 1024 * 1024,
): Promise<FetchedDocument> {
  server.route(path, { headers: { 'content-type': contentType }, body })
  const fetched = await fetchDocument({ url: server.url(path), timeoutMs: 5000, maxBytes })
  if (!fetched.ok || fetched.notModified) throw new Error(`fixture server did not answer ${path}`)
  return fetched.document
}
