import { describe, expect, it } from 'vitest'
import { STRINGS, stringsFor, WEATHER_ICONS } from '../../../renderer/kiosk/i18n.js'

/** Every leaf of a strings table, called with sample arguments when it is a function. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function') return [[path, String(value(1, 2))]]
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key),
  )
}

describe('i18n', () => {
  it('has every text in German and in English', () => {
    const german = new Map(leaves(STRINGS['de-DE']))
    const english = new Map(leaves(STRINGS['en-GB']))
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort())
    for (const [path, text] of [...german, ...english]) expect(text.trim(), path).not.toBe('')
  })

  it('names every slide kind, warning severity and weather icon', () => {
    for (const strings of Object.values(STRINGS)) {
      expect(Object.keys(strings.kind).sort()).toEqual([
        'event',
        'news',
        'notice',
        'roadworks',
        'tourism',
        'warning',
      ])
      expect(Object.keys(strings.severity).sort()).toEqual([
        'Extreme',
        'Minor',
        'Moderate',
        'Severe',
        'Unknown',
      ])
      expect(Object.keys(strings.weather).sort()).toEqual([...WEATHER_ICONS].sort())
    }
  })

  it('speaks German unless the monitor asks for English', () => {
    expect(stringsFor('de-DE').allDay).toBe('ganztägig')
    expect(stringsFor(undefined).notCurrent).toBe('nicht aktuell')
    expect(stringsFor('fr-FR').part(1, 2)).toBe('Teil 1 von 2')
    expect(stringsFor('en-GB').part(1, 2)).toBe('Part 1 of 2')
    expect(stringsFor('de-DE').asOf('21.11.2026, 18:05')).toBe('Stand: 21.11.2026, 18:05 Uhr')
  })
})
