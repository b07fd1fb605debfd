/**
 * The notice form's state (what the fields hold, as text) and its way to and from the API's
 * NoticeInput. Checked with the very schema the API uses (contracts/notice.ts), so the page
 * refuses exactly what the API would refuse, in the same words, before anything is sent.
 */
import type { Problem } from '../../../contracts/admin-api.js'
import { type Notice, type NoticeInput, NoticeInputSchema } from '../../../contracts/notice.js'
import { instantToLocal, localToIso } from './zoned-time.js'

export interface HoursWindow {
  from: string
  to: string
}

export interface NoticeDraft {
  title: string
  text: string
  imageId?: string
  url: string
  /** `datetime-local` values on the monitor's clock. */
  start: string
  end: string
  /** ISO weekdays ticked (1 = Monday); all seven = every day. */
  weekdays: number[]
  hours: HoursWindow[]
  priority: Notice['priority']
  /** Comma-separated, as typed. */
  monitors: string
  tags: string
}

/** Field errors by the API's path names: `title`, `validUntil`, `hours[0].from`, `targets.tags`; `form` for the rest. */
export type FieldErrors = Record<string, string>

export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7]
export const MAX_HOURS_WINDOWS = 6

/** The order of the fields on the page: the first error in it gets the focus. */
export const FIELD_ORDER = [
  'title',
  'text',
  'imageId',
  'url',
  'validFrom',
  'validUntil',
  'weekdays',
  'hours',
  'priority',
  'targets.monitors',
  'targets.tags',
  'form',
] as const

/** A new notice: starts now (to the minute, on the monitor's clock), every day, all day. */
export function emptyDraft(now: number, timeZone: string): NoticeDraft {
  return {
    title: '',
    text: '',
    url: '',
    start: instantToLocal(now, timeZone),
    end: '',
    weekdays: [...ALL_WEEKDAYS],
    hours: [],
    priority: 'normal',
    monitors: '',
    tags: '',
  }
}

export function draftFromNotice(notice: Notice, timeZone: string): NoticeDraft {
  return {
    title: notice.title,
    text: notice.text,
    ...(notice.imageId ? { imageId: notice.imageId } : {}),
    url: notice.url ?? '',
    start: instantToLocal(notice.validFrom, timeZone),
    end: notice.validUntil ? instantToLocal(notice.validUntil, timeZone) : '',
    weekdays: notice.weekdays ? [...notice.weekdays].sort((a, b) => a - b) : [...ALL_WEEKDAYS],
    hours: notice.hours?.map((window) => ({ ...window })) ?? [],
    priority: notice.priority,
    monitors: notice.targets.monitors.join(', '),
    tags: notice.targets.tags.join(', '),
  }
}

export function splitList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** What the API gets; not yet checked. Times carry the monitor's offset for that very date. */
export function draftToInput(draft: NoticeDraft, timeZone: string): NoticeInput {
  const input: Record<string, unknown> = {
    title: draft.title,
    text: draft.text,
    priority: draft.priority,
    targets: { monitors: splitList(draft.monitors), tags: splitList(draft.tags) },
  }
  if (draft.imageId) input.imageId = draft.imageId
  if (draft.url.trim()) input.url = draft.url.trim()
  if (draft.start) input.validFrom = localToIso(draft.start, timeZone) ?? draft.start
  if (draft.end) input.validUntil = localToIso(draft.end, timeZone) ?? draft.end
  if (draft.weekdays.length < ALL_WEEKDAYS.length) input.weekdays = [...draft.weekdays].sort((a, b) => a - b)
  if (draft.hours.length > 0) input.hours = draft.hours.map(({ from, to }) => ({ from, to }))
  return input as NoticeInput
}

export type DraftCheck = { ok: true; input: NoticeInput } | { ok: false; errors: FieldErrors }

/**
 * Every problem at once. The schema's cross-field rule (end after start) may not run while
 * another field is wrong, so the time window is also checked on its own, by the same schema.
 */
export function checkDraft(
  draft: NoticeDraft,
  timeZone: string,
  messages: { requiredStart: string; requiredTime: string },
): DraftCheck {
  const input = draftToInput(draft, timeZone)
  const result = NoticeInputSchema.safeParse(input)
  if (result.success) return { ok: true, input }
  const problems: Problem[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }))
  if (!problems.some((problem) => problem.path === 'validUntil') && input.validFrom && input.validUntil) {
    const window = NoticeInputSchema.safeParse({
      title: '-',
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    })
    for (const issue of window.success ? [] : window.error.issues) {
      if (formatPath(issue.path) === 'validUntil')
        problems.push({ path: 'validUntil', message: issue.message })
    }
  }
  const errors = problemsToErrors(problems)
  // An empty field says "missing", not "wrong format".
  if (!draft.start && errors.validFrom) errors.validFrom = messages.requiredStart
  draft.hours.forEach((window, index) => {
    for (const end of ['from', 'to'] as const) {
      const key = `hours[${index}].${end}`
      if (!window[end] && errors[key]) errors[key] = messages.requiredTime
    }
  })
  return { ok: false, errors }
}

/** Problems (from the schema or a 422) → one message per field, the first one for each. */
export function problemsToErrors(problems: readonly Problem[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const problem of problems) {
    const key = fieldKey(problem.path)
    errors[key] ??= problem.message
  }
  return errors
}

/** The API's path → the field that shows it: `targets.monitors[2]` → `targets.monitors`, `weekdays[0]` → `weekdays`. */
export function fieldKey(path: string): string {
  const hoursField = /^hours\[(\d+)\]\.(from|to)$/.exec(path)
  if (hoursField) return path
  const base = path.replace(/\[\d+\].*$/, '')
  return (FIELD_ORDER as readonly string[]).includes(base) ? base : 'form'
}

/** The first field with an error, in the order of the page. */
export function firstErrorKey(errors: FieldErrors): string | undefined {
  const keys = Object.keys(errors)
  for (const field of FIELD_ORDER) {
    if (field === 'hours') {
      const hours = keys.find((key) => key === 'hours' || key.startsWith('hours['))
      if (hours) return hours
    } else if (keys.includes(field)) return field
  }
  return keys[0]
}

/** zod's path → `hours[0].from`, as the API writes it. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}
