import { z } from 'zod'

/** What a slide is about. `weather` feeds the header and the fallback slide, never the rotation. */
export const ContentKindSchema = z.enum([
  'roadworks',
  'event',
  'tourism',
  'news',
  'warning',
  'notice',
  'weather',
])
export type ContentKind = z.infer<typeof ContentKindSchema>

export const PrioritySchema = z.enum(['normal', 'high', 'urgent'])
export type Priority = z.infer<typeof PrioritySchema>

/** An instant, always stored and exchanged as ISO-8601 UTC (`2026-11-21T10:00:00.000Z`). */
export const InstantSchema = z.iso.datetime({ offset: false })

export const HttpUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL')

export const LocationSchema = z.strictObject({
  name: z.string().max(300).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
})
export type Location = z.infer<typeof LocationSchema>

/** CAP 1.2 vocabulary, as NINA and the DWD deliver it. */
export const SeveritySchema = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'])
export const UrgencySchema = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown'])

export const WarningDetailsSchema = z.strictObject({
  severity: SeveritySchema,
  urgency: UrgencySchema,
  certainty: z.string().max(40).optional(),
  event: z.string().max(300).optional(),
  instruction: z.string().max(5000).optional(),
  area: z.string().max(2000).optional(),
  issuer: z.string().max(300).optional(),
  msgType: z.enum(['Alert', 'Update', 'Cancel']).optional(),
  status: z.string().max(40).optional(),
})
export type WarningDetails = z.infer<typeof WarningDetailsSchema>

export const RoadworksDetailsSchema = z.strictObject({
  street: z.string().max(300).optional(),
  restriction: z.string().max(500).optional(),
})

export const TourismDetailsSchema = z.strictObject({
  openingHours: z.string().max(500).optional(),
})

export const ForecastPointSchema = z.strictObject({
  time: InstantSchema,
  temperatureC: z.number().nullable(),
  icon: z.string().max(40).nullable(),
  precipitationProbability: z.number().nullable(),
})

export const WeatherDetailsSchema = z.strictObject({
  observedAt: InstantSchema,
  temperatureC: z.number().nullable(),
  condition: z.string().max(40).nullable(),
  icon: z.string().max(40).nullable(),
  windSpeedKmh: z.number().nullable(),
  stationName: z.string().max(200).optional(),
  forecast: z.array(ForecastPointSchema).max(48),
})
export type WeatherDetails = z.infer<typeof WeatherDetailsSchema>

const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm')

/**
 * When, within its validity window, an item may be on screen: ISO weekdays (1 = Monday) and
 * local-time windows in the monitor's time zone. A window whose `to` is not after `from`
 * runs across midnight (22:00-02:00).
 */
export const ShowScheduleSchema = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
  hours: z
    .array(z.strictObject({ from: LocalTimeSchema, to: LocalTimeSchema }))
    .min(1)
    .max(12)
    .optional(),
})
export type ShowSchedule = z.infer<typeof ShowScheduleSchema>

/** The one shape every source normalises to (DESIGN.md, content model). */
export const ContentItemSchema = z.strictObject({
  id: z.string().min(1).max(500),
  sourceId: z.string().min(1).max(100),
  kind: ContentKindSchema,
  title: z.string().min(1).max(500),
  summary: z.string().max(5000),
  body: z.string().max(20000).optional(),
  /** Where the image was found; the sync downloads it into an asset. */
  imageUrl: HttpUrlSchema.optional(),
  imageAssetId: z.string().max(100).optional(),
  url: HttpUrlSchema.optional(),
  location: LocationSchema.optional(),
  validFrom: InstantSchema,
  validUntil: InstantSchema.optional(),
  startsAt: InstantSchema.optional(),
  endsAt: InstantSchema.optional(),
  allDay: z.boolean().optional(),
  schedule: ShowScheduleSchema.optional(),
  priority: PrioritySchema,
  language: z.string().min(2).max(20),
  updatedAt: InstantSchema,
  attribution: z.string().max(300).optional(),
  warning: WarningDetailsSchema.optional(),
  roadworks: RoadworksDetailsSchema.optional(),
  tourism: TourismDetailsSchema.optional(),
  weather: WeatherDetailsSchema.optional(),
})
export type ContentItem = z.infer<typeof ContentItemSchema>
