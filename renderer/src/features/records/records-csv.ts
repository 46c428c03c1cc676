import { toCsv } from '../../../../shared/domain/csv';
import { microsToMajor } from '../../../../shared/domain/money';
import type { RecordRow } from '../../../../shared/ipc/contract-records';
import { ticketLabel, type RecordColumn } from './record-columns';

/** The grid's money columns: their raw values are micros, written as major units of the workspace currency. */
export const MONEY_COLUMNS: ReadonlySet<string> = new Set(['costRunCredits', 'costAiCredits', 'costProvider', 'costCi', 'costHuman', 'costTotal']);

type CsvColumn = { header: string; cell: (row: RecordRow) => string | number | null };

/** Fractional figures (CI minutes) to two decimals, so float noise ("26.499999999") never reaches a spreadsheet. */
const plain = (value: number): number => (Number.isInteger(value) ? value : Math.round(value * 100) / 100);

function csvColumns(column: RecordColumn, opts: { currency: string; pseudonym: (name: string) => string }): CsvColumn[] {
  if (column.id === 'ticket') {
    // The grid's ticket cell shows the key and the title as two pieces; a spreadsheet wants them apart.
    return [
      { header: column.header, cell: ticketLabel },
      { header: 'Title', cell: (r) => r.title },
    ];
  }
  if (column.id === 'person') {
    // People are pseudonymised in every export (Settings → People, the CLI, Explore), even where the grid names them.
    return [{ header: `${column.header} (pseudonym)`, cell: (r) => (r.person === null ? null : opts.pseudonym(r.person)) }];
  }
  if (MONEY_COLUMNS.has(column.id)) {
    return [{ header: column.header, cell: (r) => microsToMajor(Number(column.value(r)), opts.currency) }];
  }
  // The month as "2026-07", which every spreadsheet reads as a month, rather than "Jul 2026".
  if (column.id === 'month') return [{ header: column.header, cell: (r) => r.periodMonth }];
  if (column.renderer === 'number') return [{ header: column.header, cell: (r) => plain(Number(column.value(r))) }];
  // Text, outcomes and signals as the grid shows them, but empty rather than "—".
  return [{ header: column.header, cell: (r) => (column.value(r) === null ? null : column.display(r)) }];
}

/**
 * The Records grid as shown, as CSV: the rows in the grid's order (its filter and search were
 * applied by main, its sort by the grid), the columns in their shown order with their headers,
 * money and other figures as plain numbers (money in major units of `currency`, to its minor
 * digits), and people only as pseudonyms. Cells are escaped by shared/domain/csv.ts, which also
 * defuses spreadsheet formulas in text.
 */
export function recordsCsv(opts: { rows: readonly RecordRow[]; columns: readonly RecordColumn[]; currency: string; pseudonym: (name: string) => string }): string {
  const columns = opts.columns.flatMap((c) => csvColumns(c, opts));
  return toCsv(
    columns.map((c) => c.header),
    opts.rows.map((r) => columns.map((c) => c.cell(r))),
  );
}

/** The grid's columns in the order it shows them now (the user may have dragged some); unknown ids are ignored. */
export function shownColumns(all: readonly RecordColumn[], shownIds: readonly string[] | null): RecordColumn[] {
  if (shownIds === null) return [...all];
  const byId = new Map(all.map((c) => [c.id, c]));
  return shownIds.map((id) => byId.get(id)).filter((c): c is RecordColumn => c !== undefined);
}
