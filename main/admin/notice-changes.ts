import type { Notice } from '../../contracts/notice.js'

const FIELDS = [
  'title',
  'text',
  'imageId',
  'url',
  'validFrom',
  'validUntil',
  'weekdays',
  'hours',
  'priority',
  'targets',
] as const satisfies readonly (keyof Notice)[]

/** Values longer than this are recorded by name only, to keep the audit log readable. */
const SHORT_VALUE = 120

export interface FieldChange {
  field: (typeof FIELDS)[number]
  before?: unknown
  after?: unknown
}

/** What an update changed, for the audit log: field names, with before/after when short. */
export function noticeChanges(before: Notice, after: Notice): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of FIELDS) {
    const old = JSON.stringify(before[field])
    const next = JSON.stringify(after[field])
    if (old === next) continue
    const short = (old?.length ?? 0) <= SHORT_VALUE && (next?.length ?? 0) <= SHORT_VALUE
    changes.push(short ? { field, before: before[field] ?? null, after: after[field] ?? null } : { field })
  }
  return changes
}
