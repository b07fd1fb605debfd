import type { ContentItem } from '../../content-sources/content-item.js'

/** A valid ContentItem with sensible defaults; tests override what they are about. */
export function testItem(overrides: Partial<ContentItem> & { id: string }): ContentItem {
  return {
    sourceId: 'test',
    kind: 'news',
    title: `Meldung ${overrides.id}`,
    summary: 'Die Stadtverwaltung informiert.',
    validFrom: '2026-01-01T00:00:00.000Z',
    priority: 'normal',
    language: 'de',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  }
}
