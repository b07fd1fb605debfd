import type { FetchedDocument } from '../fetch/http-fetch.js'
import { apiBase, readJsonDocument } from '../fetch/json-api.js'
import { buildItems, type ItemDraft } from '../item-builder.js'
import type { ParseContext, SourceAdapter } from '../source-adapter.js'
import { failure } from '../source-result.js'
import { type DashboardEntry, readDashboard } from './nina-dashboard.js'
import {
  germanInfo,
  parameter,
  referencedIdentifiers,
  type WarningDetail,
  WarningDetailSchema,
} from './nina-detail.js'
import { draftFromDashboard, draftFromDetail, normaliseMsgType } from './nina-warning.js'
import { coversRegion, dashboardKey, isRegionKey } from './region-key.js'

/** Details are fetched a few at a time: NINA publishes no rate limit, and we are a guest. */
const DETAIL_CONCURRENCY = 4
/** A district dashboard holds a handful of warnings; beyond this the rest are shown from the dashboard. */
const MAX_DETAIL_FETCHES = 100
/** CAP `System` and `Draft` messages are never meant for the public, whatever the config says. */
const HIDDEN_STATUSES = new Set(['system', 'draft'])
const TEST_STATUSES = new Set(['test', 'exercise'])

type Resolved =
  | { entry: DashboardEntry; detail: WarningDetail; unavailable?: undefined }
  | {
      entry: DashboardEntry
      detail?: undefined
      /** Why the detail is missing, for the status notes. */
      unavailable: string
    }

/**
 * Official warnings for the monitor's district from the NINA API (warnung.bund.de): the district
 * dashboard, then each warning's CAP detail, narrowed to warnings that name the monitor's own area.
 */
export const ninaSource: SourceAdapter<'nina'> = {
  type: 'nina',
  accept: 'application/json',

  requestUrl(source, monitor) {
    if (!monitor.regionKey) {
      throw new Error(
        'A nina source needs monitor.regionKey; the config validation should have refused this config.',
      )
    }
    return `${apiBase(source.url)}/dashboard/${dashboardKey(monitor.regionKey)}.json`
  },

  async parse(document, context) {
    const json = readJsonDocument(document)
    if (!json.ok) {
      return failure(
        'MalformedJson',
        `The NINA dashboard from ${document.url} is not valid JSON (${json.message}).`,
      )
    }
    const dashboard = readDashboard(json.value)
    if (!dashboard.ok) return failure('InvalidContent', `${dashboard.message} (${document.url})`)
    const warnings = [...dashboard.warnings]
    const resolved = await resolveDetails(dashboard.entries, context, warnings)
    const drafts = draftsFor(resolved, context, warnings)
    return buildItems(drafts, context, warnings)
  },
}

async function resolveDetails(
  entries: readonly DashboardEntry[],
  context: ParseContext<'nina'>,
  warnings: string[],
): Promise<Resolved[]> {
  const { fetchMore } = context
  if (!fetchMore) {
    if (entries.length > 0) {
      warnings.push(
        'warning details were not fetched; every warning is shown from the dashboard for the whole district',
      )
    }
    return entries.map((entry) => ({ entry, unavailable: 'not fetched' }))
  }
  if (entries.length > MAX_DETAIL_FETCHES) {
    warnings.push(
      `only the first ${MAX_DETAIL_FETCHES} warning details were fetched; the rest are shown from the dashboard`,
    )
  }
  const base = apiBase(context.source.url)
  return mapLimited(entries, DETAIL_CONCURRENCY, async (entry, index): Promise<Resolved> => {
    if (index >= MAX_DETAIL_FETCHES) return { entry, unavailable: 'not fetched' }
    const outcome = await fetchMore(`${base}/warnings/${encodeURIComponent(entry.id)}.json`)
    if (!outcome.ok) return { entry, unavailable: outcome.error.message }
    if (outcome.notModified) {
      return { entry, unavailable: 'the server answered 304 to an unconditional request' }
    }
    return readDetail(entry, outcome.document)
  })
}

function readDetail(entry: DashboardEntry, document: FetchedDocument): Resolved {
  const json = readJsonDocument(document)
  if (!json.ok) return { entry, unavailable: `not valid JSON: ${json.message}` }
  const parsed = WarningDetailSchema.safeParse(json.value)
  if (!parsed.success) return { entry, unavailable: 'not a CAP warning object' }
  if (parsed.data.info.length === 0) return { entry, unavailable: 'it has no info block' }
  return { entry, detail: parsed.data }
}

function draftsFor(
  resolved: readonly Resolved[],
  context: ParseContext<'nina'>,
  warnings: string[],
): ItemDraft[] {
  const { source, monitor, now } = context
  const warningContext = { now, zone: monitor.timezone }
  const superseded = supersededIdentifiers(resolved)
  const drafts: ItemDraft[] = []
  const seenOnScreen = new Set<string>()
  for (const { entry, detail, unavailable } of resolved) {
    if (superseded.has(entry.id) || (detail?.identifier && superseded.has(detail.identifier))) continue
    // A cancelled warning produces no item: the sync replaces the snapshot, so it leaves the screen.
    if (isCancel(entry.payload?.data?.msgType) || isCancel(detail?.msgType)) continue
    let draft: ItemDraft | undefined
    if (detail) {
      const status = detail.status?.trim().toLowerCase() ?? ''
      if (HIDDEN_STATUSES.has(status)) continue
      if (TEST_STATUSES.has(status) && !source.showTests) continue
      const info = germanInfo(detail)!
      const reach = reachesMonitor(parameter(info, 'warnVerwaltungsbereiche'), monitor.regionKey)
      if (reach === 'elsewhere') continue
      draft = draftFromDetail(detail, info, entry, warningContext)
      if (reach === 'unknown') {
        warnings.push(
          `warning "${draft.title}" (${entry.id}) names no warnVerwaltungsbereiche; kept for the whole district`,
        )
      }
    } else {
      draft = draftFromDashboard(entry, warningContext)
      if (!draft) {
        warnings.push(
          `warning ${entry.id} dropped: no detail (${unavailable}) and no headline on the dashboard`,
        )
        continue
      }
      if (unavailable !== 'not fetched') {
        warnings.push(
          `detail of warning ${entry.id} unavailable (${unavailable}); shown from the dashboard for the whole district`,
        )
      }
    }
    // The DWD publishes one warning per cell with its own identifier; on one screen it is one warning.
    const screenKey = `${draft.title}\u0000${draft.validUntil?.toISOString()}`
    if (seenOnScreen.has(screenKey)) continue
    seenOnScreen.add(screenKey)
    drafts.push(draft)
  }
  return drafts
}

/** Warnings that a later Update or Cancel on the same dashboard replaces. */
function supersededIdentifiers(resolved: readonly Resolved[]): Set<string> {
  const superseded = new Set<string>()
  for (const { entry, detail } of resolved) {
    if (!detail) continue
    const msgType = normaliseMsgType(detail.msgType ?? entry.payload?.data?.msgType)
    if (msgType !== 'Update' && msgType !== 'Cancel') continue
    for (const identifier of referencedIdentifiers(detail)) {
      if (identifier !== entry.id && identifier !== detail.identifier) superseded.add(identifier)
    }
  }
  return superseded
}

/** Whether a warning's area list (`warnVerwaltungsbereiche`, comma-separated ARS) reaches the monitor. */
function reachesMonitor(
  codes: string | undefined,
  regionKey: string | undefined,
): 'here' | 'elsewhere' | 'unknown' {
  const keys = (codes ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(isRegionKey)
  if (keys.length === 0 || !regionKey) return 'unknown'
  return keys.some((key) => coversRegion(key, regionKey)) ? 'here' : 'elsewhere'
}

function isCancel(msgType: string | undefined): boolean {
  return normaliseMsgType(msgType) === 'Cancel'
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
