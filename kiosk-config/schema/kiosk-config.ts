import { z } from 'zod'
import { DisplaySchema } from './display.js'
import { MonitorSchema } from './monitor.js'
import { LayoutSchema, RotationSchema } from './presentation.js'
import { AdminSchema, CacheSchema, PlayerSchema } from './services.js'
import { SourceSchema } from './sources.js'

/** The whole kiosk config: the single truth for types, defaults, validation and the JSON Schema. */
export const KioskConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    monitor: MonitorSchema,
    display: DisplaySchema.default(DisplaySchema.parse({})),
    layout: LayoutSchema.default(LayoutSchema.parse({})),
    rotation: RotationSchema.default(RotationSchema.parse({})),
    sources: z.array(SourceSchema).max(200).default([]),
    cache: CacheSchema.default(CacheSchema.parse({})),
    player: PlayerSchema.default(PlayerSchema.parse({})),
    admin: AdminSchema.default(AdminSchema.parse({})),
    /** Demo only: serve the bundled demo feeds (kiosk-config/demo-feeds) on 127.0.0.1:<port>. */
    demoFeeds: z.strictObject({ port: z.number().int().min(1).max(65535) }).optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>()
    config.sources.forEach((source, index) => {
      const first = seen.get(source.id)
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `duplicate source id "${source.id}" (also sources[${first}])`,
        })
      } else seen.set(source.id, index)
      if (source.type === 'nina' && !config.monitor.regionKey) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'type'],
          message: 'a nina source needs monitor.regionKey (the 12-digit ARS) to know which district to watch',
        })
      }
      if ((source.type === 'brightsky' || source.radiusKm !== undefined) && !config.monitor.location) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, source.type === 'brightsky' ? 'type' : 'radiusKm'],
          message: 'needs monitor.location ({lat, lon})',
        })
      }
    })
    if (config.rotation.minSeconds > config.rotation.maxSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['rotation', 'minSeconds'],
        message: `must not exceed rotation.maxSeconds (${config.rotation.maxSeconds})`,
      })
    }
  })

export type KioskConfig = z.infer<typeof KioskConfigSchema>
/** The config as written on disk, before defaults. */
export type KioskConfigInput = z.input<typeof KioskConfigSchema>
