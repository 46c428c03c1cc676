/** RFC 4180 CSV: fields quoted only when needed, quotes doubled, CRLF-free (\n) lines. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // A leading =, +, - or @ makes spreadsheet programs evaluate the cell: prefix a quote (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (values: readonly unknown[]): string => values.map(csvField).join(',');

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [csvLine(header), ...rows.map(csvLine)].join('\n') + '\n';
}

/** A figure rounded for a CSV cell (hours, shares, credits: not money, see microsToMajor); null stays empty. */
export const roundForCsv = (n: number | null, digits = 4): number | null => (n === null ? null : Number(n.toFixed(digits)));
