import type { z } from 'zod'
import { type Priority, SeveritySchema, UrgencySchema, type WarningDetails } from '../content-item.js'
import type { ItemDraft } from '../item-builder.js'
import { parseLooseDate } from '../text/dates.js'
import { type DashboardEntry, dashboardHeadline } from './nina-dashboard.js'
import { parameter, type WarningDetail, type WarningInfo } from './nina-detail.js'

type Severity = z.infer<typeof SeveritySchema>
type Urgency = z.infer<typeof UrgencySchema>
type MsgType = NonNullable<WarningDetails['msgType']>

const HOUR_MS = 60 * 60 * 1000
/** Fixtures and real dashboards carry expiries like `3021-11-22`; nothing official lasts a year unreviewed. */
const MAX_VALIDITY_MS = 365 * 24 * HOUR_MS
/**
 * A warning without an expiry is valid for one refresh window past the sync that saw it. While syncs
 * succeed it is renewed every few minutes and leaves the cache when the dashboard drops it; when
 * the network is gone, the cached copy disappears after a day instead of staying on screen forever.
 */
export const REFRESH_WINDOW_MS = 24 * HOUR_MS

const FALLBACK_ATTRIBUTION = 'Quelle: BBK / warnung.bund.de'

export interface WarningContext {
  now: Date
  zone: string
}

/** CAP severity and urgency arrive in any case (`severe`, `SEVERE`); anything unknown is `Unknown`. */
export function normaliseSeverity(raw: string | undefined): Severity {
  return matchCase(SeveritySchema.options, raw) ?? 'Unknown'
}

export function normaliseUrgency(raw: string | undefined): Urgency {
  return matchCase(UrgencySchema.options, raw) ?? 'Unknown'
}

export function normaliseMsgType(raw: string | undefined): MsgType | undefined {
  return matchCase(['Alert', 'Update', 'Cancel'] as const, raw)
}

/** Extreme, or Severe and Immediate, interrupts the rotation; Severe is prominent; the rest rotate. */
export function warningPriority(severity: Severity, urgency: Urgency): Priority {
  if (severity === 'Extreme' || (severity === 'Severe' && urgency === 'Immediate')) return 'urgent'
  if (severity === 'Severe') return 'high'
  return 'normal'
}

/** The end of a warning's validity: its expiry, capped at a year, or one refresh window when it has none. */
export function validityEnd(expires: Date | undefined, now: Date): Date {
  if (!expires) return new Date(now.getTime() + REFRESH_WINDOW_MS)
  return new Date(Math.min(expires.getTime(), now.getTime() + MAX_VALIDITY_MS))
}

/** A warning as its CAP detail describes it. */
export function draftFromDetail(
  detail: WarningDetail,
  info: WarningInfo,
  entry: DashboardEntry,
  context: WarningContext,
): ItemDraft {
  const { now, zone } = context
  const severity = normaliseSeverity(info.severity ?? entry.payload?.data?.severity)
  const urgency = normaliseUrgency(info.urgency ?? entry.payload?.data?.urgency)
  const issuer = parameter(info, 'sender_langname') ?? info.senderName?.trim()
  const warning: WarningDetails = {
    severity,
    urgency,
    // Raw tokens and one-liners; bounded here so an odd value cannot fail the whole item.
    certainty: info.certainty?.slice(0, 40),
    event: info.event?.slice(0, 300),
    instruction: info.instruction?.trim() || parameter(info, 'instructionText'),
    area: joinedAreas(info),
    issuer: issuer?.slice(0, 300),
    msgType: normaliseMsgType(detail.msgType ?? entry.payload?.data?.msgType),
    status: detail.status?.slice(0, 40),
  }
  const sent = parseLooseDate(detail.sent ?? entry.sent, zone)
  return {
    nativeId: detail.identifier?.trim() || entry.id,
    kind: 'warning',
    title: info.headline?.trim() || dashboardHeadline(entry) || info.event || 'Warnung',
    summary: info.description,
    language: languageOf(info),
    url: info.web,
    validFrom: parseLooseDate(info.onset, zone) ?? parseLooseDate(info.effective, zone) ?? sent ?? now,
    validUntil: validityEnd(parseLooseDate(info.expires ?? entry.expires, zone), now),
    updatedAt: sent,
    priority: warningPriority(severity, urgency),
    attribution: issuer ? `Quelle: ${issuer}` : FALLBACK_ATTRIBUTION,
    warning: withoutUndefined(warning),
  }
}

/** What the dashboard alone tells, for a warning whose detail could not be had. */
export function draftFromDashboard(entry: DashboardEntry, context: WarningContext): ItemDraft | undefined {
  const title = dashboardHeadline(entry)
  if (!title) return undefined
  const { now, zone } = context
  const data = entry.payload?.data
  const severity = normaliseSeverity(data?.severity)
  const urgency = normaliseUrgency(data?.urgency)
  const sent = parseLooseDate(entry.sent, zone)
  return {
    nativeId: entry.id,
    kind: 'warning',
    title,
    summary: '',
    language: 'de',
    validFrom: parseLooseDate(entry.onset, zone) ?? parseLooseDate(entry.effective, zone) ?? sent ?? now,
    validUntil: validityEnd(parseLooseDate(entry.expires, zone), now),
    updatedAt: sent,
    priority: warningPriority(severity, urgency),
    attribution: FALLBACK_ATTRIBUTION,
    warning: withoutUndefined({ severity, urgency, msgType: normaliseMsgType(data?.msgType) }),
  }
}

function joinedAreas(info: WarningInfo): string | undefined {
  const areas = info.area.map((area) => area.areaDesc?.trim()).filter((area): area is string => !!area)
  return areas.length > 0 ? areas.join(', ') : undefined
}

function languageOf(info: WarningInfo): string {
  const language = info.language?.trim().toLowerCase()
  if (!language || language.startsWith('de')) return 'de'
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(language) ? language : 'de'
}

function matchCase<T extends string>(options: readonly T[], raw: string | undefined): T | undefined {
  const wanted = raw?.trim().toLowerCase()
  return options.find((option) => option.toLowerCase() === wanted)
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T
}
