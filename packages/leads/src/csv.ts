/** A leading =, +, -, @, tab or CR makes Excel and Sheets evaluate a cell as a formula (CSV injection). */
const FORMULA_PREFIX = /^[=+\-@\t\r]/;

/**
 * One CSV cell: always quoted (RFC 4180), and text a spreadsheet would run as a formula gets a leading
 * apostrophe, which spreadsheets show as plain text (OWASP's recommendation).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  const safe = FORMULA_PREFIX.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
