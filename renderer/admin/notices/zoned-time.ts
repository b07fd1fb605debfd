/**
 * Wall-clock times in the monitor's time zone (Europe/Berlin by default), whatever zone the
 * browser of the person typing runs in. `<input type="datetime-local">` speaks in wall-clock
 * values without a zone; the admin API wants instants with an offset.
 */

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formats.set(timeZone, format)
  }
  return format
}

interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {}
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  }
}

/** Minutes the zone is ahead of UTC at `instant` (Europe/Berlin: 60 in winter, 120 in summer). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000)
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/
const DAY_MS = 86_400_000

/**
 * `2026-03-29T10:00` in `Europe/Berlin` → the instant, or undefined when the text is no such
 * date. Around a DST change the offset is the one in force at that wall time: a time that does
 * not exist (the hour skipped in spring) moves forward by the gap, and a time that occurs twice
 * (the hour repeated in autumn) means the first of them.
 */
export function localToInstant(local: string, timeZone: string): number | undefined {
  const match = LOCAL.exec(local)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  const check = new Date(wall)
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return undefined
  // The offsets a day before and after cover any change near this wall time.
  const before = zoneOffsetMinutes(wall - DAY_MS, timeZone)
  const after = zoneOffsetMinutes(wall + DAY_MS, timeZone)
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => instant + zoneOffsetMinutes(instant, timeZone) * 60_000 === wall)
  if (candidates.length > 0) return Math.min(...candidates)
  return wall - before * 60_000
}

/** An instant as ISO-8601 with the zone's offset at that moment: `2026-03-29T10:00:00+02:00`. */
export function instantToIso(instant: number, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone)
  const offset = zoneOffsetMinutes(instant, timeZone)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${wallText(wall)}:${pad(wall.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** `datetime-local` value → ISO-8601 with the monitor's offset, or undefined when it is no date. */
export function localToIso(local: string, timeZone: string): string | undefined {
  const instant = localToInstant(local, timeZone)
  return instant === undefined ? undefined : instantToIso(instant, timeZone)
}

/** An instant (ISO text or milliseconds) → the `datetime-local` value on the monitor's clock. */
export function instantToLocal(instant: string | number, timeZone: string): string {
  const time = typeof instant === 'number' ? instant : Date.parse(instant)
  return wallText(wallTimeAt(time, timeZone))
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an instant on the monitor's clock. */
export function isoWeekday(instant: number, timeZone: string): number {
  const wall = wallTimeAt(instant, timeZone)
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()
  return weekday === 0 ? 7 : weekday
}

/** Whether the zone is one this browser knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone)
    return true
  } catch {
    return false
  }
}

function wallText(wall: WallTime): string {
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
