// Shared by the iCal adapter's tests: parse a calendar as the sync would, and build calendars.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DateTime } from 'luxon'
import type { ContentItem } from '../../../content-sources/content-item.js'
import type { FetchedDocument } from '../../../content-sources/fetch/http-fetch.js'
import { icalSource } from '../../../content-sources/ical/ical-source.js'
import type { SourceResult } from '../../../content-sources/source-result.js'
import type { MonitorConfig } from '../../../kiosk-config/schema/monitor.js'
import { testMonitor, testSource } from '../../helpers/configs.js'

export const HERE = dirname(fileURLToPath(import.meta.url))
export const CORPUS = join(HERE, 'fixtures', 'ical', 'corpus')
export const DEMO_FEED = join(HERE, '..', '..', '..', 'kiosk-config', 'demo-feeds', 'veranstaltungen.ics')

export const BERLIN_ZONE = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`

export interface ParseOptions {
  now: string
  horizonDays?: number
  leadDays?: number
  maxItems?: number
  monitor?: Partial<MonitorConfig>
  contentType?: string
  url?: string
}

export function document(
  body: string | Buffer,
  options: Pick<ParseOptions, 'contentType' | 'url'> = {},
): FetchedDocument {
  return {
    url: options.url ?? 'https://www.schmoelln.de/veranstaltungen.ics',
    bytes: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType: options.contentType ?? 'text/calendar; charset=utf-8',
  }
}

export function parse(body: string | Buffer, options: ParseOptions): Promise<SourceResult> {
  const { now, monitor, contentType, url, ...fields } = options
  return icalSource.parse(document(body, { contentType, url }), {
    source: testSource('ical', fields),
    monitor: testMonitor(monitor),
    now: new Date(now),
  })
}

export async function items(body: string | Buffer, options: ParseOptions): Promise<ContentItem[]> {
  const result = await parse(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}: ${result.error.message}`)
  return result.items
}

export async function warnings(body: string | Buffer, options: ParseOptions): Promise<string[]> {
  const result = await parse(body, options)
  if (!result.ok) throw new Error(`expected items, got ${result.error.code}`)
  return result.warnings
}

/** A VCALENDAR around the given blocks, with CRLF line ends as RFC 5545 wants them. */
export function calendar(...blocks: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//InfoMonitor//Test//DE', ...blocks, 'END:VCALENDAR', '']
    .join('\n')
    .replace(/\r?\n/g, '\r\n')
}

export function vevent(...lines: string[]): string {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\n')
}

export function corpus(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8')
}

export function localTime(instant: string | undefined, zone = 'Europe/Berlin'): string {
  return DateTime.fromISO(instant!, { zone }).toFormat('yyyy-MM-dd HH:mm')
}

export function startsAt(list: ContentItem[]): string[] {
  return list.map((item) => item.startsAt!)
}

export function icsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return icsFiles(path)
    return name.endsWith('.ics') ? [path] : []
  })
}
