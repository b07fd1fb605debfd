import { z } from 'zod'
import { CronSchema, HttpUrlSchema, IdSchema } from './common.js'

const ContentKindSchema = z.enum(['roadworks', 'event', 'tourism', 'news', 'warning', 'notice', 'weather'])

/** A property path into a feature or row (`titel`, `validity.from`), or a path with a date format. */
export const FieldSchema = z.union([
  z.string().min(1),
  z.strictObject({
    path: z.string().min(1),
    /** Luxon tokens (`dd.MM.yyyy`, `dd.MM.yyyy HH:mm`), or `iso`, `epoch-ms`, `epoch-s`. */
    format: z.string().min(1).optional(),
  }),
])
export type FieldSpec = z.infer<typeof FieldSchema>

export const FieldMappingSchema = z.strictObject({
  id: FieldSchema.optional(),
  title: FieldSchema,
  summary: FieldSchema.optional(),
  street: FieldSchema.optional(),
  restriction: FieldSchema.optional(),
  startsAt: FieldSchema.optional(),
  endsAt: FieldSchema.optional(),
  url: FieldSchema.optional(),
  image: FieldSchema.optional(),
  /** CSV only: columns holding WGS84 coordinates. */
  lat: FieldSchema.optional(),
  lon: FieldSchema.optional(),
})
export type FieldMapping = z.infer<typeof FieldMappingSchema>

const common = {
  id: IdSchema,
  url: HttpUrlSchema,
  kind: ContentKindSchema.optional(),
  enabled: z.boolean().default(true),
  timeoutMs: z.number().int().min(1000).max(300_000).default(20_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  maxItems: z.number().int().min(1).max(10_000).default(500),
  /** Shown on every slide of this source (a licence may require it). */
  attribution: z.string().max(300).optional(),
  /** Only items with coordinates within this distance of the monitor; items without coordinates pass. */
  radiusKm: z.number().positive().max(20_000).optional(),
}

/** Events may be shown this many days before they start. */
const leadDays = z.number().min(0).max(365).default(14)

export const RssSourceSchema = z.strictObject({
  ...common,
  type: z.literal('rss'),
  schedule: CronSchema.default('*/15 * * * *'),
  /** News stays on screen this many days after its publication date. */
  maxAgeDays: z.number().int().min(1).max(3650).default(30),
})

export const IcalSourceSchema = z.strictObject({
  ...common,
  type: z.literal('ical'),
  schedule: CronSchema.default('5,35 * * * *'),
  horizonDays: z.number().int().min(1).max(730).default(60),
  leadDays,
})

export const GeojsonSourceSchema = z.strictObject({
  ...common,
  type: z.literal('geojson'),
  schedule: CronSchema.default('10,40 * * * *'),
  fields: FieldMappingSchema,
})

export const CsvSourceSchema = z.strictObject({
  ...common,
  type: z.literal('csv'),
  schedule: CronSchema.default('10,40 * * * *'),
  fields: FieldMappingSchema,
  delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
})

export const NinaSourceSchema = z.strictObject({
  ...common,
  type: z.literal('nina'),
  url: HttpUrlSchema.default('https://warnung.bund.de/api31'),
  schedule: CronSchema.default('*/2 * * * *'),
  /** Warntag and other test messages (status Test/Exercise) are shown only when set. */
  showTests: z.boolean().default(false),
})

export const BrightSkySourceSchema = z.strictObject({
  ...common,
  type: z.literal('brightsky'),
  url: HttpUrlSchema.default('https://api.brightsky.dev'),
  schedule: CronSchema.default('*/20 * * * *'),
  forecastHours: z.number().int().min(0).max(48).default(12),
})

export const JsonldSourceSchema = z.strictObject({
  ...common,
  type: z.literal('jsonld'),
  schedule: CronSchema.default('20 */6 * * *'),
  leadDays,
})

export const SourceSchema = z.discriminatedUnion('type', [
  RssSourceSchema,
  IcalSourceSchema,
  GeojsonSourceSchema,
  CsvSourceSchema,
  NinaSourceSchema,
  BrightSkySourceSchema,
  JsonldSourceSchema,
])
export type SourceConfig = z.infer<typeof SourceSchema>
export type SourceType = SourceConfig['type']
export type SourceOf<T extends SourceType> = Extract<SourceConfig, { type: T }>

/** The kind a source's items get when the config does not say. */
export const DEFAULT_KIND: Record<SourceType, z.infer<typeof ContentKindSchema>> = {
  rss: 'news',
  ical: 'event',
  geojson: 'roadworks',
  csv: 'roadworks',
  nina: 'warning',
  brightsky: 'weather',
  jsonld: 'event',
}
