import { parse } from 'csv-parse/sync'
import { decodeBytes } from '../fetch/charset.js'
import { buildRecordItems, type RecordEntry } from '../mapping/record-items.js'
import type { SourceAdapter } from '../source-adapter.js'
import { failure } from '../source-result.js'

type Delimiter = ',' | ';' | '\t'

/**
 * CSV roadworks lists (open-data portals, a town's spreadsheet export): one row per measure,
 * columns named by the header and mapped through the source's `fields`. German exports are
 * usually `;`-separated, windows-1252 and use decimal commas; all of that is handled here.
 */
export const csvSource: SourceAdapter<'csv'> = {
  type: 'csv',
  accept: 'text/csv, text/plain;q=0.9, */*;q=0.1',
  requestUrl: (source) => source.url,

  async parse(document, context) {
    const { source, monitor, now } = context
    // Decoding ignores XML declarations: a CSV cell may well contain `<?xml … encoding=…?>`.
    let { text } = decodeBytes(document.bytes, document.contentType, false)
    if (text.trim() === '') return failure('EmptyBody', `${document.url} returned an empty document.`)

    // Excel writes `sep=;` as the first line when asked to; it is an instruction, not the header.
    let delimiter: Delimiter | undefined = source.delimiter === 'auto' ? undefined : source.delimiter
    const excelHint = /^sep=([,;\t])\r?\n/i.exec(text)
    if (excelHint) {
      delimiter ??= excelHint[1] as Delimiter
      text = text.slice(excelHint[0].length)
    }
    delimiter ??= detectDelimiter(text)

    let rows: { record: Record<string, string>; info: { lines: number } }[]
    try {
      rows = parse(text, {
        columns: true,
        bom: true,
        delimiter,
        info: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
      }) as typeof rows
    } catch (error) {
      return failure(
        'MalformedCsv',
        `${document.url} could not be read as CSV with delimiter ${JSON.stringify(delimiter)}: ${(error as Error).message}`,
      )
    }
    const entries: RecordEntry[] = rows.map(({ record, info }) => ({ record, label: `line ${info.lines}` }))
    return buildRecordItems(entries, { source, monitor, now, baseUrl: document.url, fields: source.fields })
  },
}

/** The separator the header line uses most, outside quotes; `;` wins ties, as in German exports. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 }
  let quoted = false
  for (const character of text.replace(/^\uFEFF/, '').slice(0, 65_536)) {
    if (character === '"') quoted = !quoted
    else if (!quoted && (character === '\n' || character === '\r')) break
    else if (!quoted && character in counts) counts[character as Delimiter]++
  }
  const [best] = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])
  return best && counts[best] > 0 ? best : ','
}
