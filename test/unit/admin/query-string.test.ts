import { describe, expect, it } from 'vitest'
import { parseQueryString } from '../../../main/admin/query-string.js'

describe('parseQueryString', () => {
  it('keeps "+" (a time zone offset) and decodes escapes', () => {
    expect(parseQueryString('at=2026-03-29T03:30:00+02:00&format=csv')).toEqual({
      at: '2026-03-29T03:30:00+02:00',
      format: 'csv',
    })
    expect(parseQueryString('at=2026-03-29T03%3A30%3A00%2B02%3A00')).toEqual({
      at: '2026-03-29T03:30:00+02:00',
    })
  })

  it('takes the first of repeated keys, tolerates bad escapes and has no prototype', () => {
    const parsed = parseQueryString('a=1&a=2&b=%E0%A4%A&__proto__=x&flag')
    expect(Object.entries(parsed)).toEqual([
      ['a', '1'],
      ['b', '%E0%A4%A'],
      ['__proto__', 'x'],
      ['flag', ''],
    ])
    expect(Object.getPrototypeOf(parsed)).toBeNull()
  })
})
