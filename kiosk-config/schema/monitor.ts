import { z } from 'zod'
import { IdSchema, TimeZoneSchema } from './common.js'

export const MonitorSchema = z.strictObject({
  id: IdSchema,
  /** The town or place name shown in the header and on the fallback slide. */
  name: z.string().min(1).max(80),
  tags: z.array(IdSchema).max(50).default([]),
  timezone: TimeZoneSchema.default('Europe/Berlin'),
  /** Language of everything on screen: German by default, English available. */
  locale: z.enum(['de-DE', 'en-GB']).default('de-DE'),
  orientation: z.enum(['landscape', 'portrait', 'auto']).default('auto'),
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
  /** Amtlicher Regionalschlüssel (12 digits), e.g. 160775052043 for Schmölln. */
  regionKey: z
    .string()
    .regex(/^\d{12}$/, 'must be the 12-digit Amtlicher Regionalschlüssel (ARS)')
    .optional(),
})
export type MonitorConfig = z.infer<typeof MonitorSchema>
