import { z } from 'zod'
import { LocalTimeSchema, WeekdaySchema } from './common.js'

export const DisplayWindowSchema = z.strictObject({
  days: z.array(WeekdaySchema).min(1).max(7),
  from: LocalTimeSchema,
  /** A `to` not after `from` runs past midnight (18:00-01:00). */
  to: LocalTimeSchema,
})

export const DisplaySchema = z.strictObject({
  /** When the screen is on; none means always on. Outside the windows the screen is black. */
  hours: z.array(DisplayWindowSchema).max(21).default([]),
  /** Shell commands run at the edges of the display hours, e.g. `vcgencmd display_power 0`. */
  powerOn: z.string().max(500).optional(),
  powerOff: z.string().max(500).optional(),
  /** Panels get switched on by hand: the current state's command is run again this often. */
  reassertMinutes: z.number().int().min(1).max(1440).default(5),
})
export type DisplayConfig = z.infer<typeof DisplaySchema>
