/**
 * RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break. A text
 * field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
 * leading apostrophe: titles come from feeds, and a play log is opened in Excel.
 */
export function toCsv<T>(
  columns: readonly { header: string; value(row: T): unknown }[],
  rows: readonly T[],
): string {
  const lines = [columns.map((column) => field(column.header)).join(',')]
  for (const row of rows) lines.push(columns.map((column) => field(column.value(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

function field(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
