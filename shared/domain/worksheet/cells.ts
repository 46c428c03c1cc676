/**
 * The worksheet as plain data: sheets of rows of cells, with formulas, their cached results, number
 * formats, defined names, frozen panes and column widths. The plan is pure (no exceljs, no Node), so
 * its layout and formulas are testable anywhere; electron/export/worksheet writes it to XLSX.
 */

export type Scalar = string | number | null;

/** Number formats by meaning; the writer turns them into format codes (money in the workspace currency). */
/**
 * count 1,234 · tenths 1,234.5 · decimal 1,234.56 · quantity 1,234.5678 (assumptions) · money in the
 * currency's minor unit · price with up to four more digits (unit prices) · percent 12.3% · share 12.34%.
 */
export type Format = 'text' | 'count' | 'tenths' | 'decimal' | 'quantity' | 'money' | 'price' | 'percent' | 'share' | 'month' | 'date' | 'datetime';

/**
 * One cell: a value, or a formula with its cached result (the engine's number, so the file shows
 * figures where it is not recomputed; null caches the empty string of an `IF(...,"",...)`), or a
 * hyperlink. `format` overrides the column's; `input` marks a cell meant to be edited.
 */
export type CellSpec = {
  value?: Scalar;
  formula?: string;
  result?: Scalar;
  link?: string;
  format?: Format;
  bold?: boolean;
  input?: boolean;
  wrap?: boolean;
};
export type Cell = Scalar | CellSpec;

export type RowStyle = 'title' | 'header' | 'section' | 'total' | 'note';
export type RowPlan = { cells: Cell[]; style?: RowStyle };
export type ColumnPlan = { width: number; format: Format };

export type SheetPlan = {
  name: string;
  columns: ColumnPlan[];
  rows: RowPlan[];
  /** Rows and columns kept in view while scrolling (the header row, the label column). */
  frozen: { rows: number; columns: number };
};

/** A workbook-level name for one cell, e.g. `acceptance_rate` → Assumptions!$D$9. */
export type DefinedName = { name: string; sheet: string; cell: string };

export type WorkbookPlan = { currency: string; sheets: SheetPlan[]; names: DefinedName[]; title: string };

export const isSpec = (c: Cell): c is CellSpec => c !== null && typeof c === 'object';

/** 1 → A, 27 → AA. */
export function columnName(index1: number): string {
  let n = index1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const address = (column1: number, row1: number): string => `${columnName(column1)}${row1}`;
export const absolute = (column1: number, row1: number): string => `$${columnName(column1)}$${row1}`;

/** A sheet name as formulas refer to it: quoted when it has anything but letters, digits and underscores. */
export const sheetRef = (sheet: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

/** Excel's serial day number (1900 system) of a UTC instant; fractional days carry the time. */
export const excelSerial = (epochMs: number): number => epochMs / 86_400_000 + 25_569;

/** "2026-04" → the serial of its first day; null for anything else. */
export function monthSerial(month: string | null): number | null {
  const m = month ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  return m ? excelSerial(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

/** An ISO date or timestamp → serial; null when absent or unreadable. */
export function timestampSerial(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(ms) ? excelSerial(ms) : null;
}

const MAX_TEXT = 32_000;

/**
 * Text as a cell can hold it. Hazard: XML 1.0 cannot carry most control characters, and a title
 * synced from Jira may contain one; left in, the written file would not open. Cells also stop at
 * 32,767 characters.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}…` : clean;
}

/** Only web links become hyperlinks; anything else (javascript:, file:) stays text. */
export const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\/[^\s]+$/i.test(url);

/** A hyperlink cell showing its URL, or plain text when the URL is not a web link. */
export const linkCell = (url: string | null): Cell => (url === null ? null : isWebLink(url) ? { value: cleanText(url), link: url } : cleanText(url));

const NUMBER_WIDTH: Record<Format, number> = { text: 8, count: 9, tenths: 10, decimal: 11, quantity: 12, money: 15, price: 16, percent: 8, share: 9, month: 8, date: 11, datetime: 17 };

/**
 * Column widths that fit: the longest text in the column (header included), or the width its
 * number format needs, with a little padding, between `min` and `max` characters.
 */
export function fitWidths(sheet: Pick<SheetPlan, 'columns' | 'rows'>, opts: { min?: number; max?: number; skipRows?: ReadonlySet<number> } = {}): number[] {
  const min = opts.min ?? 6;
  const max = opts.max ?? 60;
  const widths = sheet.columns.map((c) => NUMBER_WIDTH[c.format]);
  sheet.rows.forEach((row, r) => {
    if (opts.skipRows?.has(r) || row.style === 'title' || row.style === 'note' || row.style === 'section') return;
    row.cells.forEach((cell, i) => {
      const v = isSpec(cell) ? (cell.value ?? null) : cell;
      const len = typeof v === 'string' ? v.length + (row.style === 'header' ? 2 : 0) : isSpec(cell) && cell.format ? NUMBER_WIDTH[cell.format] : 0;
      if (len > (widths[i] ?? 0)) widths[i] = len;
    });
  });
  return widths.map((w) => Math.max(min, Math.min(max, w + 2)));
}
