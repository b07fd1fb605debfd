import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  instantToIso,
  instantToLocal,
  isoWeekday,
  localToInstant,
  localToIso,
  zoneOffsetMinutes,
} from '../../../../renderer/admin/notices/zoned-time.js'

const BERLIN = 'Europe/Berlin'

describe('zoned time (datetime-local fields of the notice form)', () => {
  it('gives a Berlin wall time the offset in force on that date: +01:00 in winter, +02:00 in summer', () => {
    expect(localToIso('2026-01-15T10:00', BERLIN)).toBe('2026-01-15T10:00:00+01:00')
    expect(localToIso('2026-07-01T10:00', BERLIN)).toBe('2026-07-01T10:00:00+02:00')
    expect(localToIso('2026-03-29T01:59', BERLIN)).toBe('2026-03-29T01:59:00+01:00')
    expect(localToIso('2026-03-29T03:00', BERLIN)).toBe('2026-03-29T03:00:00+02:00')
    expect(localToIso('2026-10-25T03:00', BERLIN)).toBe('2026-10-25T03:00:00+01:00')
  })

  it('moves a time skipped in spring forward by the gap, and takes the first of a time repeated in autumn', () => {
    expect(localToIso('2026-03-29T02:30', BERLIN)).toBe('2026-03-29T03:30:00+02:00')
    expect(localToIso('2026-10-25T02:30', BERLIN)).toBe('2026-10-25T02:30:00+02:00')
    expect(new Date(localToInstant('2026-10-25T02:30', BERLIN)!).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    )
  })

  it('works for zones west of UTC and without DST', () => {
    expect(localToIso('2026-07-04T12:00', 'America/New_York')).toBe('2026-07-04T12:00:00-04:00')
    expect(localToIso('2026-07-04T12:00', 'UTC')).toBe('2026-07-04T12:00:00+00:00')
    expect(localToIso('2026-07-04T12:00', 'Asia/Kolkata')).toBe('2026-07-04T12:00:00+05:30')
  })

  it('refuses what is no date', () => {
    expect(localToIso('', BERLIN)).toBeUndefined()
    expect(localToIso('2026-02-30T10:00', BERLIN)).toBeUndefined()
    expect(localToIso('2026-06-15T25:00', BERLIN)).toBeUndefined()
    expect(localToIso('15.06.2026 10:00', BERLIN)).toBeUndefined()
  })

  it('shows a stored instant as the wall time on the monitor, whatever zone the browser runs in', () => {
    expect(instantToLocal('2026-06-15T08:00:00Z', BERLIN)).toBe('2026-06-15T10:00')
    expect(instantToLocal('2026-12-24T17:00:00Z', BERLIN)).toBe('2026-12-24T18:00')
    expect(isoWeekday(Date.parse('2026-06-14T22:30:00Z'), BERLIN)).toBe(1)
    expect(zoneOffsetMinutes(Date.parse('2026-06-15T08:00:00Z'), BERLIN)).toBe(120)
  })

  it('round-trips every instant to the minute: instant → wall time → the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }), (time) => {
        const minute = Math.floor(time / 60_000) * 60_000
        const local = instantToLocal(minute, BERLIN)
        const back = localToInstant(local, BERLIN)!
        // The repeated autumn hour maps back to its first occurrence; everything else exactly.
        expect(back === minute || back === minute - 3_600_000).toBe(true)
        expect(instantToIso(back, BERLIN).startsWith(local)).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })
})
