import type { ContentItem } from './content-item.js'

/**
 * Permanent codes for the ways a source can fail. They are stored with each sync run and shown
 * in status, so a code never changes meaning once released; add new ones instead.
 */
export const SOURCE_FAILURE_CODES = [
  'FetchTimeout',
  'FetchTooLarge',
  'FetchNetworkError',
  'HttpError',
  'TooManyRedirects',
  'RedirectNotAllowed',
  'AddressNotAllowed',
  'UnsupportedUrl',
  'EmptyBody',
  'NotAFeed',
  'MalformedXml',
  'MalformedJson',
  'MalformedCalendar',
  'MalformedCsv',
  'InvalidContent',
  'ParseTimeout',
  'InputNotFound',
] as const
export type SourceFailureCode = (typeof SOURCE_FAILURE_CODES)[number]

export interface SourceFailure {
  code: SourceFailureCode
  /** What happened, why, and what to do: shown to IT in status and CLI output. */
  message: string
  /** HTTP status, when the server answered with an error. */
  httpStatus?: number
}

export type SourceResult =
  | { ok: true; items: ContentItem[]; warnings: string[] }
  | { ok: false; error: SourceFailure }

export function failure(code: SourceFailureCode, message: string, httpStatus?: number): SourceResult {
  return { ok: false, error: httpStatus === undefined ? { code, message } : { code, message, httpStatus } }
}

export function success(items: ContentItem[], warnings: string[] = []): SourceResult {
  return { ok: true, items, warnings }
}
