import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../../main/admin/csv.js'

describe('toCsv', () => {
  const columns = [
    { header: 'n', value: (row: { n: number; text: string | null }) => row.n },
    { header: 'text', value: (row: { n: number; text: string | null }) => row.text },
  ]

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(columns, [
        { n: 1, text: 'a,b' },
        { n: 2, text: 'say "hi"' },
        { n: 3, text: null },
        { n: 4, text: '@SUM(A1)' },
      ]),
    ).toBe('n,text\r\n1,"a,b"\r\n2,"say ""hi"""\r\n3,\r\n4,\'@SUM(A1)\r\n')
  })

  it('round-trips any text through a CSV parser (formula prefixes aside)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 20 }), (texts) => {
        const rows = texts.map((text, n) => ({ n, text }))
        const parsed = parse(toCsv(columns, rows), { columns: true, relax_quotes: false }) as {
          n: string
          text: string
        }[]
        expect(parsed.map((row) => row.text)).toEqual(
          texts.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)),
        )
      }),
    )
  })
})
