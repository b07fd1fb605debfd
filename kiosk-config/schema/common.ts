import cron from 'node-cron'
import { z } from 'zod'

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be lower-case letters, digits, - or _ (at most 63)')

export const HttpUrlSchema = z
  .string()
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL')

export const CronSchema = z
  .string()
  .refine(
    (value) => cron.validate(value),
    'not a valid cron expression (five or six fields, e.g. */15 * * * *)',
  )

export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:mm')

export const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
export type Weekday = z.infer<typeof WeekdaySchema>
export const WEEKDAYS: readonly Weekday[] = WeekdaySchema.options

export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}, 'not a known IANA time zone (e.g. Europe/Berlin)')
