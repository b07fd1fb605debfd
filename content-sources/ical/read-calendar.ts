import ICAL from 'ical.js'
import { decodeBytes } from '../fetch/charset.js'
import type { FetchedDocument } from '../fetch/http-fetch.js'
import { failure, type SourceResult } from '../source-result.js'

export type CalendarRead = { ok: true; calendars: ICAL.Component[] } | { ok: false; result: SourceResult }

/**
 * Decodes and parses an iCalendar document into its VCALENDAR components, or says why it is not
 * one: empty, an HTML page (a login or cookie wall, an error page), or not parseable.
 */
export function readCalendars(document: FetchedDocument): CalendarRead {
  const { text } = decodeBytes(document.bytes, document.contentType, false)
  const trimmed = text.trim()
  if (trimmed === '') return failed('EmptyBody', `${document.url} returned an empty document.`)
  if (/^<(!doctype\s+html|html|head|body)[\s>]/i.test(trimmed)) {
    return failed(
      'NotAFeed',
      `${document.url} returned an HTML page, not an iCalendar file (a login, cookie or error page?). Check that the URL points to the .ics export.`,
    )
  }
  const firstLine = trimmed.split(/\r\n|\n|\r/, 1)[0] ?? ''
  if (firstLine.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
    const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine
    return failed(
      'MalformedCalendar',
      `${document.url} is not an iCalendar file: it starts with "${shown}" instead of BEGIN:VCALENDAR.`,
    )
  }

  let parsed: unknown
  try {
    parsed = ICAL.parse(trimmed)
  } catch (error) {
    return failed(
      'MalformedCalendar',
      `${document.url} could not be read as iCalendar: ${(error as Error).message}. Check the export in a calendar validator (e.g. icalendar.org).`,
    )
  }
  // Several VCALENDARs in one file come back as a list of components.
  const roots = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]
  const calendars = roots
    .map((root) => new ICAL.Component(root as unknown[]))
    .filter((c) => c.name === 'vcalendar')
  if (calendars.length === 0) {
    return failed('MalformedCalendar', `${document.url} does not contain a VCALENDAR.`)
  }
  for (const calendar of calendars) dropUnnamedZones(calendar)
  return { ok: true, calendars }
}

/**
 * A VTIMEZONE without TZID can be referenced by nothing, and ical.js stumbles over it when it
 * looks up the zones that do have one.
 */
function dropUnnamedZones(calendar: ICAL.Component): void {
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    if (!zone.getFirstProperty('tzid')) calendar.removeSubcomponent(zone)
  }
}

function failed(code: 'EmptyBody' | 'NotAFeed' | 'MalformedCalendar', message: string): CalendarRead {
  return { ok: false, result: failure(code, message) }
}
