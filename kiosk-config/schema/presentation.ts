import { z } from 'zod'

const KindWeightsSchema = z.strictObject({
  warning: z.number().min(0).max(100).default(3),
  notice: z.number().min(0).max(100).default(3),
  roadworks: z.number().min(0).max(100).default(2),
  event: z.number().min(0).max(100).default(2),
  news: z.number().min(0).max(100).default(2),
  tourism: z.number().min(0).max(100).default(1),
})

export const RotationSchema = z.strictObject({
  minSeconds: z.number().min(1).max(600).default(8),
  maxSeconds: z.number().min(1).max(600).default(25),
  /** Reading speed of a passer-by for German text on a screen. */
  wordsPerMinute: z.number().min(60).max(600).default(160),
  /** Weighted share of slides per kind: one busy feed cannot crowd out the others. */
  mix: KindWeightsSchema.default(KindWeightsSchema.parse({})),
  /** The most relevant items per kind that take part in the rotation. */
  maxItemsPerKind: z.number().int().min(1).max(100).default(15),
  /** Warnings of severity Minor go to the ticker instead of the rotation. */
  minorWarningsToTicker: z.boolean().default(true),
})
export type RotationConfig = z.infer<typeof RotationSchema>

export const LayoutSchema = z.strictObject({
  theme: z.enum(['light', 'dark']).default('light'),
  clock: z.boolean().default(true),
  weather: z.boolean().default(true),
  ticker: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Characters per second; slow enough to read from a few metres. */
      speed: z.number().min(2).max(20).default(6),
    })
    .default({ enabled: true, speed: 6 }),
  qrCodes: z.boolean().default(true),
  /** Data older than this is marked "Stand: <time>". */
  staleAfterMinutes: z.number().int().min(1).max(1440).default(60),
})
export type LayoutConfig = z.infer<typeof LayoutSchema>
