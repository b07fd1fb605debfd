import { createHash } from 'node:crypto'
import { noDeeperThan } from '../../content-sources/fetch/address-policy.js'
import {
  type FetchedDocument,
  type FetchOutcome,
  fetchDocument,
} from '../../content-sources/fetch/http-fetch.js'
import { adapterFor } from '../../content-sources/registry.js'
import type { SourceAdapter } from '../../content-sources/source-adapter.js'
import type { SourceFailure, SourceResult } from '../../content-sources/source-result.js'
import type { MonitorConfig } from '../../kiosk-config/schema/monitor.js'
import type { SourceConfig } from '../../kiosk-config/schema/sources.js'
import type { ContentCache } from '../cache/content-cache.js'
import type { SnapshotChange } from '../cache/item-store.js'
import type { SourceState } from '../cache/source-state-store.js'
import type { Clock } from '../util/clock.js'
import { attachImages } from './image-downloader.js'

/** Even an unchanged feed is parsed again this often: calendars expand into a moving horizon. */
const REPARSE_AFTER_MS = 6 * 60 * 60 * 1000

export interface SyncDependencies {
  cache: ContentCache
  monitor: MonitorConfig
  clock: Clock
  maxImageBytes: number
}

export interface SyncReport {
  sourceId: string
  outcome: 'changed' | 'unchanged' | 'failed'
  /** True when the document was parsed (false for 304 and identical bodies). */
  parsed: boolean
  itemCount: number
  change?: SnapshotChange
  error?: SourceFailure
  warnings: string[]
  durationMs: number
}

/**
 * One sync of one source: conditional fetch, parse, images, snapshot. A failure at any step
 * leaves the source's last good items untouched and records a typed error for status.
 */
export async function syncSource(source: SourceConfig, deps: SyncDependencies): Promise<SyncReport> {
  const { cache, clock, monitor } = deps
  const startedAt = clock.now()
  const started = performance.now()
  const state = cache.sources.get(source.id)
  const adapter = adapterFor(source.type) as SourceAdapter<SourceConfig['type']>
  const url = adapter.requestUrl(source as never, monitor, startedAt)
  const sameUrl = state.requestUrl === url
  const fresh =
    sameUrl &&
    state.lastParsedAt !== undefined &&
    startedAt.getTime() - state.lastParsedAt.getTime() < REPARSE_AFTER_MS

  const fetched = await fetchDocument({
    url,
    timeoutMs: source.timeoutMs,
    maxBytes: source.maxBytes,
    accept: adapter.accept,
    ...(fresh && state.etag ? { etag: state.etag } : {}),
    ...(fresh && state.lastModified ? { lastModified: state.lastModified } : {}),
  })
  const finish = (report: Omit<SyncReport, 'sourceId' | 'durationMs'>, next: SourceState): SyncReport => {
    const full: SyncReport = { sourceId: source.id, durationMs: performance.now() - started, ...report }
    cache.sources.record(next, {
      sourceId: source.id,
      startedAt,
      finishedAt: clock.now(),
      outcome: full.outcome,
      ...(full.error ? { error: full.error } : {}),
      itemCount: full.itemCount,
      warnings: full.warnings,
    })
    return full
  }

  if (!fetched.ok)
    return finish(failed(fetched.error, state), failedState(state, url, startedAt, fetched.error))
  if (fetched.notModified) {
    return finish(unchanged(state), {
      ...state,
      lastAttemptAt: startedAt,
      lastOkAt: startedAt,
      consecutiveFailures: 0,
    })
  }

  const document = fetched.document
  const bodyHash = createHash('sha256').update(document.bytes).digest('hex')
  const validators = { requestUrl: url, bodyHash, ...validatorsOf(document) }
  if (fresh && state.bodyHash === bodyHash) {
    return finish(unchanged(state), {
      ...state,
      ...validators,
      lastAttemptAt: startedAt,
      lastOkAt: startedAt,
      consecutiveFailures: 0,
    })
  }

  const result = await parseSafely(adapter, document, {
    source: source as never,
    monitor,
    now: startedAt,
    fetchMore: (more: string): Promise<FetchOutcome> =>
      fetchDocument({
        url: more,
        timeoutMs: source.timeoutMs,
        maxBytes: source.maxBytes,
        accept: adapter.accept,
        guard: noDeeperThan(document.url),
      }),
  })
  if (!result.ok) return finish(failed(result.error, state), failedState(state, url, startedAt, result.error))

  const warnings = [...result.warnings]
  const items = await attachImages(result.items, {
    cache,
    now: startedAt,
    maxBytes: deps.maxImageBytes,
    warnings,
    origin: document.url,
  })
  // Snapshot and status commit together: status never describes items that are not there.
  return cache.transaction(() => {
    const change = cache.items.replaceSnapshot(source.id, items)
    const changed = change.added + change.updated + change.removed > 0
    return finish(
      { outcome: changed ? 'changed' : 'unchanged', parsed: true, itemCount: items.length, change, warnings },
      {
        ...state,
        ...validators,
        lastAttemptAt: startedAt,
        lastOkAt: startedAt,
        lastParsedAt: startedAt,
        ...(changed ? { lastChangedAt: startedAt } : {}),
        consecutiveFailures: 0,
        itemCount: items.length,
      },
    )
  })
}

/** Adapters return failures as values; a throw is a bug, but it must not take the kiosk down. */
async function parseSafely(
  adapter: SourceAdapter<SourceConfig['type']>,
  document: FetchedDocument,
  context: Parameters<SourceAdapter<SourceConfig['type']>['parse']>[1],
): Promise<SourceResult> {
  try {
    return await adapter.parse(document, context)
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'InvalidContent',
        message: `The ${adapter.type} adapter failed unexpectedly: ${(error as Error).message}`,
      },
    }
  }
}

function validatorsOf(document: FetchedDocument): Pick<SourceState, 'etag' | 'lastModified'> {
  return {
    ...(document.etag ? { etag: document.etag } : { etag: undefined }),
    ...(document.lastModified ? { lastModified: document.lastModified } : { lastModified: undefined }),
  }
}

function unchanged(state: SourceState): Omit<SyncReport, 'sourceId' | 'durationMs'> {
  return { outcome: 'unchanged', parsed: false, itemCount: state.itemCount, warnings: [] }
}

function failed(error: SourceFailure, state: SourceState): Omit<SyncReport, 'sourceId' | 'durationMs'> {
  return { outcome: 'failed', parsed: false, itemCount: state.itemCount, error, warnings: [] }
}

function failedState(state: SourceState, url: string, at: Date, error: SourceFailure): SourceState {
  return {
    ...state,
    requestUrl: state.requestUrl ?? url,
    lastAttemptAt: at,
    lastErrorAt: at,
    lastError: { code: error.code, message: error.message },
    consecutiveFailures: state.consecutiveFailures + 1,
  }
}
