import { DateTime } from 'luxon'

const TOKEN = /\{\{([+-]\d+)([dh])(?:\s+(\d{1,2}):(\d{2}))?\s+([a-z0-9-]+)\}\}/g
const DEMO_ZONE = 'Europe/Berlin'

/**
 * Renders the date tokens of a bundled demo feed relative to `now`, so the demo always shows
 * current content: `{{+3d 19:30 ical}}` is 19:30 local three days from now, `{{-2h iso}}` two
 * hours ago. Day offsets count from the start of today and hour offsets from the start of this
 * hour, so a feed is byte-identical within an hour and conditional GET behaves as in real life.
 */
export function renderDemoTemplate(template: string, now: Date): string {
  const local = DateTime.fromJSDate(now, { zone: DEMO_ZONE })
  return template.replace(
    TOKEN,
    (token, offset: string, unit: string, hour?: string, minute?: string, format = '') => {
      let value =
        unit === 'd'
          ? local.startOf('day').plus({ days: Number(offset) })
          : local.startOf('hour').plus({ hours: Number(offset) })
      if (hour !== undefined)
        value = value.set({ hour: Number(hour), minute: Number(minute), second: 0, millisecond: 0 })
      return formatDate(value, format) ?? token
    },
  )
}

function formatDate(value: DateTime, format: string): string | undefined {
  switch (format) {
    case 'rfc822':
      return value.toRFC2822() ?? undefined
    case 'iso':
      return value.toISO({ suppressMilliseconds: true }) ?? undefined
    case 'ical':
      return value.toFormat("yyyyMMdd'T'HHmmss")
    case 'icaldate':
      return value.toFormat('yyyyMMdd')
    case 'de-date':
      return value.toFormat('dd.MM.yyyy')
    case 'de-datetime':
      return value.toFormat('dd.MM.yyyy HH:mm')
    case 'epoch-ms':
      return String(value.toMillis())
    default:
      return undefined
  }
}
