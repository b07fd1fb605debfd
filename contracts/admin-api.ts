/**
 * The wire format of the admin API (`/api/v1`): request and response schemas, shared by the core
 * (validation, serialisation, the OpenAPI document) and the admin page (types, checks before
 * sending). Plain zod, no Node: the admin page bundles this file.
 */
import { z } from 'zod'
import { NoticeSchema } from './notice.js'
import type { PlayerState } from './player-state.js'

export const ADMIN_API_PREFIX = '/api/v1'

export const AdminRoleSchema = z.enum(['press', 'it'])
export type AdminRole = z.infer<typeof AdminRoleSchema>

const Instant = z.iso.datetime({ offset: true })

// ---------------------------------------------------------------------------------------------
// Errors

export const ProblemSchema = z.object({
  /** Where, as a user would write it: `validUntil`, `sources[2].schedule`. */
  path: z.string(),
  /** 1-based line in a config text, when known. */
  line: z.number().int().optional(),
  message: z.string(),
})
export type Problem = z.infer<typeof ProblemSchema>

/** Every error answer: a short, generic message, and for refused input every problem found. */
export const ErrorBodySchema = z.object({
  error: z.string(),
  problems: z.array(ProblemSchema).optional(),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

// ---------------------------------------------------------------------------------------------
// Notices

export const NoticeStatusSchema = z.enum(['scheduled', 'on-air', 'paused', 'expired'])

export const NoticeWithStatusSchema = NoticeSchema.extend({
  /** Where the notice stands now, on this monitor's clock. */
  status: NoticeStatusSchema,
})
export type NoticeWithStatus = z.infer<typeof NoticeWithStatusSchema>

export const NoticeListSchema = z.array(NoticeWithStatusSchema)

export const NoticeParamsSchema = z.strictObject({ id: z.string().min(1).max(100) })

// ---------------------------------------------------------------------------------------------
// Images

export const ImageIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-hex id of an upload')
export const ImageParamsSchema = z.strictObject({ id: ImageIdSchema })
export const UPLOAD_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const

export const UploadedImageSchema = z.object({
  /** SHA-256 of the bytes: use it as the notice's imageId. */
  id: z.string(),
  mime: z.enum(UPLOAD_IMAGE_TYPES),
  size: z.number().int(),
})
export type UploadedImage = z.infer<typeof UploadedImageSchema>

// ---------------------------------------------------------------------------------------------
// Preview (the player state, as the kiosk page receives it)

const SlideKindSchema = z.enum(['roadworks', 'event', 'tourism', 'news', 'warning', 'notice'])
const SeveritySchema = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'])

const SlideItemSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  kind: SlideKindSchema,
  priority: z.enum(['normal', 'high', 'urgent']),
  title: z.string(),
  text: z.string(),
  part: z.object({ index: z.number().int(), count: z.number().int() }).optional(),
  imageUrl: z.string().optional(),
  qrUrl: z.string().optional(),
  linkLabel: z.string().optional(),
  place: z.string().optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  allDay: z.boolean().optional(),
  street: z.string().optional(),
  restriction: z.string().optional(),
  openingHours: z.string().optional(),
  warning: z
    .object({
      severity: SeveritySchema,
      urgency: z.string(),
      event: z.string().optional(),
      instruction: z.string().optional(),
      issuer: z.string().optional(),
      area: z.string().optional(),
    })
    .optional(),
  attribution: z.string().optional(),
  stale: z.boolean().optional(),
})

const SlideSchema = z.object({ key: z.string(), durationMs: z.number(), item: SlideItemSchema })

/** Mirrors contracts/player-state.ts (checked below, so the two cannot drift apart). */
export const PlayerStateSchema = z.object({
  monitor: z.object({
    id: z.string(),
    name: z.string(),
    locale: z.enum(['de-DE', 'en-GB']),
    timezone: z.string(),
    orientation: z.enum(['landscape', 'portrait', 'auto']),
  }),
  layout: z.object({
    theme: z.enum(['light', 'dark']),
    clock: z.boolean(),
    weather: z.boolean(),
    ticker: z.object({ enabled: z.boolean(), speed: z.number() }),
    qrCodes: z.boolean(),
  }),
  display: z.object({ on: z.boolean() }),
  playlist: z.object({
    mode: z.enum(['interrupt', 'rotation', 'fallback']),
    interrupt: z.array(SlideSchema),
    rotation: z.array(SlideSchema),
    ticker: z.array(z.object({ key: z.string(), text: z.string(), severity: SeveritySchema.optional() })),
    version: z.string(),
  }),
  weather: z
    .object({
      temperatureC: z.number().nullable(),
      condition: z.string().nullable(),
      icon: z.string().nullable(),
      observedAt: z.string(),
      attribution: z.string(),
      forecast: z.array(
        z.object({ time: z.string(), temperatureC: z.number().nullable(), icon: z.string().nullable() }),
      ),
    })
    .optional(),
  freshness: z.object({ lastUpdateAt: z.string().optional(), stale: z.boolean() }),
  serverTime: z.string(),
})
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const playerStateSchemaMatches: Same<z.output<typeof PlayerStateSchema>, PlayerState> = true
void playerStateSchemaMatches

export const PreviewQuerySchema = z.strictObject({
  /** The instant to preview (default: now). */
  at: Instant.optional(),
})

export const SlidePreviewQuerySchema = z.strictObject({
  /** Default: the monitor's orientation, landscape when it is `auto`. */
  orientation: z.enum(['landscape', 'portrait']).optional(),
})

// ---------------------------------------------------------------------------------------------
// Config

export const ConfigDocumentSchema = z.object({
  version: z.number().int(),
  /** SHA-256 of the text. */
  hash: z.string(),
  format: z.enum(['yaml', 'json']),
  /** Exactly as pushed (YAML comments kept). */
  text: z.string(),
  /** The running config with its defaults filled in. */
  config: z.record(z.string(), z.unknown()),
})
export type ConfigDocument = z.infer<typeof ConfigDocumentSchema>

export const ConfigApplyResultSchema = z.object({
  version: z.number().int(),
  /** Settings that take effect only after a restart; everything else is live. */
  restartRequired: z.array(z.string()),
})
export type ConfigApplyResult = z.infer<typeof ConfigApplyResultSchema>

export const ConfigVersionSummarySchema = z.object({
  version: z.number().int(),
  appliedAt: z.string(),
  /** A token name, or `file` for the config file. */
  appliedBy: z.string(),
  hash: z.string(),
  format: z.enum(['yaml', 'json']),
})

export const ConfigVersionListSchema = z.object({
  /** The running version. */
  current: z.number().int(),
  /** Newest first. */
  versions: z.array(ConfigVersionSummarySchema),
})

export const ConfigRollbackRequestSchema = z.strictObject({
  /** Default: the version before the running one. */
  version: z.number().int().positive().optional(),
})

export const CONFIG_CONTENT_TYPES = [
  'application/yaml',
  'text/yaml',
  'application/x-yaml',
  'application/json',
] as const

// ---------------------------------------------------------------------------------------------
// Status

export const SourceStatusSchema = z.object({
  id: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  lastOkAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string().nullable() }).nullable(),
  itemCount: z.number().int(),
  consecutiveFailures: z.number().int(),
  backingOffForMs: z.number().int(),
})

/** Who the token belongs to: the admin page shows it and offers what the role may do. */
export const SessionSchema = z.object({ name: z.string(), role: z.enum(['press', 'it']) })
export type Session = z.infer<typeof SessionSchema>

export const StatusSchema = z.object({
  software: z.object({ name: z.string(), version: z.string() }),
  uptimeSeconds: z.number().int(),
  startedAt: z.string(),
  configVersion: z.number().int(),
  monitor: z.object({ id: z.string(), name: z.string() }),
  sources: z.array(SourceStatusSchema),
  currentSlide: z
    .object({ itemId: z.string().nullable(), kind: z.string(), title: z.string(), shownAt: z.string() })
    .nullable(),
  display: z.object({
    on: z.boolean(),
    lastCommand: z
      .object({ command: z.string(), at: z.string(), ok: z.boolean(), error: z.string().optional() })
      .optional(),
  }),
  cache: z.object({ bytes: z.number().int(), items: z.number().int() }),
  memory: z.object({ rssBytes: z.number().int(), heapUsedBytes: z.number().int() }),
  renderer: z
    .object({
      running: z.boolean(),
      restarts: z.number().int(),
      lastRestartAt: z.string().optional(),
      lastReason: z.string().optional(),
    })
    .nullable(),
  cspViolations: z.number().int(),
})
export type Status = z.infer<typeof StatusSchema>

// ---------------------------------------------------------------------------------------------
// Play log and audit

/** Ranges longer than this are refused. */
export const MAX_PLAY_RANGE_DAYS = 366

export const PlaysQuerySchema = z.strictObject({
  /** Default: 24 hours before `to`. */
  from: Instant.optional(),
  /** Default: now. */
  to: Instant.optional(),
  /** `csv` (or `Accept: text/csv`) answers CSV with a header row. */
  format: z.enum(['json', 'csv']).optional(),
})

export const PlayRecordSchema = z.object({
  id: z.number().int(),
  itemId: z.string().nullable(),
  sourceId: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  shownAt: z.string(),
  durationMs: z.number().int(),
})
export const PlayListSchema = z.array(PlayRecordSchema)

export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Entries with an id below this one (paging backwards). */
  before: z.coerce.number().int().positive().optional(),
})

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().optional(),
  detail: z.unknown().optional(),
})
export const AuditListSchema = z.array(AuditEntrySchema)

// ---------------------------------------------------------------------------------------------
// Sources

export const SourceParamsSchema = z.strictObject({ id: z.string().min(1).max(100) })

export const SyncReportSchema = z.object({
  sourceId: z.string(),
  outcome: z.enum(['changed', 'unchanged', 'failed']),
  parsed: z.boolean(),
  itemCount: z.number().int(),
  change: z
    .object({
      added: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      unchanged: z.number().int(),
    })
    .optional(),
  error: z
    .object({ code: z.string(), message: z.string(), httpStatus: z.number().int().optional() })
    .optional(),
  warnings: z.array(z.string()),
  durationMs: z.number(),
})
export type SyncReportBody = z.infer<typeof SyncReportSchema>
