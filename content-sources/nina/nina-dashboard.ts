import { z } from 'zod'

/** A field the API sometimes leaves out or fills with the wrong type: read it, or do without. */
export const optionalText = z.string().optional().catch(undefined)

/**
 * One entry of `GET /dashboard/{ARS}.json`. Only `id` is required; everything else is read when
 * present, because the dashboard is a community-documented API whose shape drifts.
 */
export const DashboardEntrySchema = z.object({
  id: z.string().trim().min(1),
  payload: z
    .object({
      id: optionalText,
      hash: optionalText,
      data: z
        .object({
          headline: optionalText,
          provider: optionalText,
          severity: optionalText,
          urgency: optionalText,
          msgType: optionalText,
        })
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  i18nTitle: z.record(z.string(), z.string()).optional().catch(undefined),
  sent: optionalText,
  effective: optionalText,
  onset: optionalText,
  expires: optionalText,
})
export type DashboardEntry = z.infer<typeof DashboardEntrySchema>

export type DashboardResult =
  | { ok: true; entries: DashboardEntry[]; warnings: string[] }
  | { ok: false; message: string }

/**
 * Reads the dashboard array. Entries that do not fit are skipped with a warning; when there were
 * entries and none fit, the format has changed and the whole dashboard is refused, so the last
 * good warnings stay on screen instead of silently vanishing.
 */
export function readDashboard(json: unknown): DashboardResult {
  if (!Array.isArray(json)) {
    return { ok: false, message: 'The NINA dashboard is not a JSON array; has the API changed?' }
  }
  const entries: DashboardEntry[] = []
  const warnings: string[] = []
  const seen = new Set<string>()
  json.forEach((raw, index) => {
    const parsed = DashboardEntrySchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      warnings.push(
        `dashboard entry [${index}] skipped: ${issue?.path.join('.') || '(entry)'}: ${issue?.message}`,
      )
      return
    }
    // A district dashboard lists the same warning once per affected cell.
    if (seen.has(parsed.data.id)) return
    seen.add(parsed.data.id)
    entries.push(parsed.data)
  })
  if (json.length > 0 && entries.length === 0) {
    return {
      ok: false,
      message: `None of the ${json.length} NINA dashboard entries could be read (${warnings[0]}).`,
    }
  }
  return { ok: true, entries, warnings }
}

/** The dashboard's own headline, for when the detail cannot be had. */
export function dashboardHeadline(entry: DashboardEntry): string | undefined {
  const titles = entry.i18nTitle ?? {}
  const german = Object.entries(titles).find(([language]) => language.toLowerCase().startsWith('de'))?.[1]
  return entry.payload?.data?.headline || german || Object.values(titles)[0]
}
