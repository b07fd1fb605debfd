import type { MonitorConfig } from '../kiosk-config/schema/monitor.js'
import type { SourceOf, SourceType } from '../kiosk-config/schema/sources.js'
import type { FetchedDocument, FetchOutcome } from './fetch/http-fetch.js'
import type { SourceResult } from './source-result.js'

export interface ParseContext<T extends SourceType> {
  source: SourceOf<T>
  monitor: MonitorConfig
  /** The instant the parse happens: the virtual clock when one is set. */
  now: Date
  /**
   * Fetches a further document with the source's limits (NINA details, Bright Sky forecast).
   * Absent for `inspect` of a local file: the adapter then does without.
   */
  fetchMore?: (url: string) => Promise<FetchOutcome>
}

/** One adapter per format: turns a fetched document into ContentItems, or a typed failure. */
export interface SourceAdapter<T extends SourceType> {
  type: T
  /** The URL the sync fetches (Bright Sky and NINA build it from the monitor's location or region). */
  requestUrl(source: SourceOf<T>, monitor: MonitorConfig, now: Date): string
  /** Accept header for the first request. */
  accept: string
  parse(document: FetchedDocument, context: ParseContext<T>): Promise<SourceResult>
}
