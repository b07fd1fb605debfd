import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readDate, readNumber, readPath, readText } from '../../../content-sources/mapping/field-mapping.js'

const ZONE = 'Europe/Berlin'

describe('FieldMapping', () => {
  it('follows dot-separated paths into nested objects, as in Berlin validity.from', () => {
    const record = { validity: { from: '2026-07-24T07:00', to: '2026-09-10T17:00' } }
    expect(readPath(record, 'validity.from')).toBe('2026-07-24T07:00')
    expect(readPath(record, 'validity.until')).toBeUndefined()
  })

  it('prefers a key that contains dots over walking into objects', () => {
    const record = { 'Beginn.Datum': '01.09.2026', Beginn: { Datum: 'falsch' } }
    expect(readPath(record, 'Beginn.Datum')).toBe('01.09.2026')
  })

  it('reads array elements by index, as in the Autobahn description lines', () => {
    const record = { description: ['Zeitraum dieser Bauphase:', 'Beginn: 06.05.26 um 12:00 Uhr'] }
    expect(readPath(record, 'description.1')).toBe('Beginn: 06.05.26 um 12:00 Uhr')
  })

  it('never reads through the prototype chain, whatever the path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'name', 'x')),
        (parts) => {
          expect(readPath({}, parts.join('.') || 'x')).toBeUndefined()
        },
      ),
    )
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}',
    )
    expect(readPath(hostile, '__proto__.polluted')).toBeUndefined()
    expect(readPath(hostile, 'constructor.prototype.polluted')).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads text from strings, numbers and booleans, and treats blanks and objects as absent', () => {
    const record = { titel: '  Sommeritzer Straße  ', nummer: 42, frei: true, leer: '   ', objekt: { a: 1 } }
    expect(readText(record, 'titel')).toBe('Sommeritzer Straße')
    expect(readText(record, 'nummer')).toBe('42')
    expect(readText(record, 'frei')).toBe('true')
    expect(readText(record, 'leer')).toBeUndefined()
    expect(readText(record, 'objekt')).toBeUndefined()
    expect(readText(record, undefined)).toBeUndefined()
  })

  it('reads coordinates written with a German decimal comma', () => {
    const record = { breite: '50,895', laenge: ' 12.356 ', zahl: 7.5, text: 'Markt', tausender: '1.234,5' }
    expect(readNumber(record, 'breite')).toBe(50.895)
    expect(readNumber(record, 'laenge')).toBe(12.356)
    expect(readNumber(record, 'zahl')).toBe(7.5)
    expect(readNumber(record, 'text')).toBeUndefined()
    expect(readNumber(record, 'tausender')).toBeUndefined()
  })

  it('reads any decimal written with a comma as the same number as with a point', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -180, max: 180 }),
        fc.integer({ min: 0, max: 999_999 }),
        (whole, fraction) => {
          const point = `${whole}.${fraction}`
          expect(readNumber({ value: point.replace('.', ',') }, 'value')).toBe(Number(point))
        },
      ),
    )
  })

  it('reads German dates with a dd.MM.yyyy format in the monitor zone', () => {
    const record = { baubeginn: '05.08.2024' }
    expect(readDate(record, { path: 'baubeginn', format: 'dd.MM.yyyy' }, ZONE)?.toISOString()).toBe(
      '2024-08-04T22:00:00.000Z',
    )
  })

  it('lets a roadworks that ends on a date last that whole day', () => {
    const spec = { path: 'bauende', format: 'dd.MM.yyyy' }
    expect(readDate({ bauende: '31.07.2026' }, spec, ZONE, { end: true })?.toISOString()).toBe(
      '2026-07-31T21:59:59.999Z',
    )
    // Winter time: the day ends at 23:00 UTC.
    expect(readDate({ bauende: '30.11.2026' }, spec, ZONE, { end: true })?.toISOString()).toBe(
      '2026-11-30T22:59:59.999Z',
    )
    expect(readDate({ bis: '2026-10-02' }, 'bis', ZONE, { end: true })?.toISOString()).toBe(
      '2026-10-02T21:59:59.999Z',
    )
    expect(readDate({ bis: '02.10.2026' }, 'bis', ZONE, { end: true })?.toISOString()).toBe(
      '2026-10-02T21:59:59.999Z',
    )
  })

  it('keeps the time of an end that has one', () => {
    const spec = { path: 'validity.to', format: 'dd.MM.yyyy HH:mm' }
    const record = { validity: { to: '10.09.2026 23:59' } }
    expect(readDate(record, spec, ZONE, { end: true })?.toISOString()).toBe('2026-09-10T21:59:00.000Z')
    expect(
      readDate({ to: '2026-09-10T17:00' }, { path: 'to', format: 'iso' }, ZONE, { end: true })?.toISOString(),
    ).toBe('2026-09-10T15:00:00.000Z')
  })

  it('reads epoch milliseconds as Köln delivers them', () => {
    expect(readDate({ DATUM_BIS: 1790000000000 }, 'DATUM_BIS', ZONE, { end: true })?.getTime()).toBe(
      1790000000000,
    )
  })

  it('gives no date for empty or unreadable values', () => {
    const spec = { path: 'from', format: 'dd.MM.yyyy HH:mm' }
    expect(readDate({ from: '' }, spec, ZONE)).toBeUndefined()
    expect(readDate({ from: 'demnächst' }, spec, ZONE)).toBeUndefined()
    expect(readDate({ from: '31.02.2026 07:00' }, spec, ZONE)).toBeUndefined()
  })
})
