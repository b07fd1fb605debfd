import { z } from 'zod'

/**
 * A press-office notice ("Aushang") as the admin API accepts it. Shared by the core (validation,
 * OpenAPI) and the admin page (field errors before sending).
 */
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Uhrzeit als HH:mm angeben')
const Instant = z.iso.datetime({ offset: true, message: 'Zeitpunkt als ISO-8601 mit Zeitzone angeben' })
const HttpUrl = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'Nur http(s)-Adressen sind erlaubt')

export const NoticeInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'Bitte eine Überschrift eingeben').max(120, 'Höchstens 120 Zeichen'),
    text: z.string().trim().max(1500, 'Höchstens 1500 Zeichen').default(''),
    /** An image uploaded before through POST /images. */
    imageId: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'Unbekanntes Bild')
      .optional(),
    /** Shown as a QR code. */
    url: HttpUrl.optional(),
    validFrom: Instant,
    validUntil: Instant.optional(),
    /** ISO weekdays (1 = Monday); absent = every day. */
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Mindestens einen Wochentag wählen')
      .max(7)
      .optional(),
    /** Local time windows; a window ending before it starts runs past midnight. */
    hours: z
      .array(z.strictObject({ from: LocalTime, to: LocalTime }))
      .min(1)
      .max(6)
      .optional(),
    priority: z.enum(['normal', 'high', 'urgent']).default('normal'),
    /** Monitors by id or tag; both empty = every monitor. */
    targets: z
      .strictObject({
        monitors: z.array(z.string().min(1).max(63)).max(200).default([]),
        tags: z.array(z.string().min(1).max(63)).max(50).default([]),
      })
      .default({ monitors: [], tags: [] }),
  })
  .superRefine((notice, ctx) => {
    if (notice.validUntil && Date.parse(notice.validUntil) <= Date.parse(notice.validFrom)) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Das Ende muss nach dem Beginn liegen' })
    }
  })
export type NoticeInput = z.input<typeof NoticeInputSchema>
export type NoticeFields = z.output<typeof NoticeInputSchema>

export const NoticeSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  updatedBy: z.string(),
  title: z.string(),
  text: z.string(),
  imageId: z.string().optional(),
  url: z.string().optional(),
  validFrom: z.string(),
  validUntil: z.string().optional(),
  weekdays: z.array(z.number()).optional(),
  hours: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  priority: z.enum(['normal', 'high', 'urgent']),
  targets: z.object({ monitors: z.array(z.string()), tags: z.array(z.string()) }),
})
export type Notice = z.infer<typeof NoticeSchema>

/** Where a notice stands at a given moment, as the press office sees it. */
export type NoticeStatus = 'scheduled' | 'on-air' | 'paused' | 'expired'
