import { describe, expect, it } from 'vitest'
import type { Notice } from '../../../contracts/notice.js'
import { noticeChanges } from '../../../main/admin/notice-changes.js'

const base: Notice = {
  id: 'n1',
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-01T08:00:00.000Z',
  createdBy: 'presse',
  updatedBy: 'presse',
  title: 'Markttag',
  text: 'Kurz.',
  validFrom: '2026-06-01T00:00:00+02:00',
  priority: 'normal',
  targets: { monitors: [], tags: [] },
}

describe('noticeChanges', () => {
  it('names changed fields, with before and after when they are short', () => {
    const after: Notice = {
      ...base,
      updatedAt: 'later',
      updatedBy: 'it',
      title: 'Markttag entfällt',
      text: 'x'.repeat(500),
      hours: [{ from: '08:00', to: '12:00' }],
    }
    expect(noticeChanges(base, after)).toEqual([
      { field: 'title', before: 'Markttag', after: 'Markttag entfällt' },
      { field: 'text' },
      { field: 'hours', before: null, after: [{ from: '08:00', to: '12:00' }] },
    ])
    expect(noticeChanges(base, { ...base, updatedAt: 'later' })).toEqual([])
  })
})
