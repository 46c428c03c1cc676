import { PILOT_DECISION_LABELS, type Pilot, type PilotDecisions } from '../pilots';
import { cleanText, fitWidths, timestampSerial, type Cell, type ColumnPlan, type RowPlan, type SheetPlan } from './cells';

export const DECISIONS_SHEET = 'Decisions';
export const SOURCES_SHEET = 'Sources';

/**
 * The Decisions sheet: the pilot's scope, owner and the rollout decisions PRODUCT.md asks to be
 * written down, under the labels the app shows. For the whole workspace there is no pilot: the sheet
 * says so, with the workspace's repair budget.
 */
export function decisionsSheet(pilot: Pilot | null, opts: { records: number; workspaceRepairBudget: number }): SheetPlan {
  const rows: RowPlan[] = [{ cells: ['Decision', 'Value'], style: 'header' }];
  const list = (xs: readonly string[]) => (xs.length ? cleanText(xs.join(', ')) : 'any');
  const text = (s: string) => (s.trim() ? cleanText(s) : 'not written down yet');
  if (!pilot) {
    rows.push({ cells: ['Scope', 'The whole workspace (no pilot)'] });
    rows.push({ cells: ['Records in scope', opts.records] });
    rows.push({ cells: ['Repair budget (workspace setting, runs per record)', opts.workspaceRepairBudget] });
    rows.push({ cells: [] });
    rows.push({ cells: ['Rollout decisions belong to a pilot: export the worksheet of a pilot to see its scope, owner and decisions.'], style: 'note' });
  } else {
    const date = (d: string | null): Cell => (d === null ? 'open' : { value: timestampSerial(d), format: 'date' });
    rows.push({ cells: ['Pilot', cleanText(pilot.name)] });
    rows.push({ cells: ['Owner', pilot.owner.trim() ? cleanText(pilot.owner) : 'no owner named'] });
    rows.push({ cells: ['Records in scope', opts.records] });
    rows.push({ cells: ['Scope', null], style: 'section' });
    rows.push({ cells: ['Projects', list(pilot.scope.projects)] });
    rows.push({ cells: ['Repositories', list(pilot.scope.repositories)] });
    rows.push({ cells: ['Teams', list(pilot.scope.teams)] });
    rows.push({ cells: ['Labels', list(pilot.scope.labels)] });
    rows.push({ cells: ['From', date(pilot.scope.from)] });
    rows.push({ cells: ['To', date(pilot.scope.to)] });
    rows.push({ cells: ['Rollout decisions', null], style: 'section' });
    for (const key of Object.keys(PILOT_DECISION_LABELS) as (keyof PilotDecisions)[]) {
      const value = pilot.decisions[key];
      const cell: Cell = key === 'repairBudget' ? (value === null ? `not set (the workspace's ${opts.workspaceRepairBudget} applies)` : (value as number)) : text(value as string);
      rows.push({ cells: [PILOT_DECISION_LABELS[key], typeof cell === 'string' ? { value: cell, wrap: true } : cell] });
    }
  }
  const columns: ColumnPlan[] = [
    { width: 10, format: 'text' },
    { width: 10, format: 'text' },
  ];
  const sheet: SheetPlan = { name: DECISIONS_SHEET, columns, rows, frozen: { rows: 1, columns: 0 } };
  fitWidths(sheet, { max: 90 }).forEach((w, i) => (columns[i]!.width = w));
  return sheet;
}

export type SourceInfo = { name: string; kind: string; baseUrl: string | null; createdAt: string; lastSyncAt: string | null; lastSyncStatus: string | null };
export type SyncRunInfo = { source: string; startedAt: string; finishedAt: string | null; status: string; full: boolean; stats: Record<string, number>; error: string | null };
export type ImportInfo = {
  fileName: string;
  format: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  rowsTotal: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsRejected: number;
};
/** An exchange rate of the workspace, and how many cost lines of this workbook's records are in its currency. */
export type RateInfo = { from: string; to: string; validFrom: string; rate: number; costLines: number };

export type SourcesInput = { sources: SourceInfo[]; syncRuns: SyncRunInfo[]; imports: ImportInfo[]; rates: RateInfo[]; missingRates: string[]; currency: string };

/**
 * The Sources sheet: what was synced (sources and each sync with its row counts), what was
 * imported (file, format, rows), and the exchange rates that turn other currencies into the
 * workspace's, as every export must show them. Times are UTC.
 */
export function sourcesSheet(x: SourcesInput): SheetPlan {
  const when = (iso: string | null): Cell => (iso === null ? null : { value: timestampSerial(iso), format: 'datetime' });
  const n = (v: number): Cell => ({ value: v, format: 'count' });
  const rows: RowPlan[] = [{ cells: ['Sources synced, files imported and exchange rates used (times in UTC)'], style: 'title' }];
  const section = (title: string, header: string[]) => {
    rows.push({ cells: [] });
    rows.push({ cells: [title], style: 'section' });
    rows.push({ cells: header, style: 'header' });
  };

  section('Sources', ['Name', 'Kind', 'Address', 'Added', 'Last sync', 'Last sync status']);
  if (!x.sources.length) rows.push({ cells: ['none'] });
  for (const s of x.sources) rows.push({ cells: [cleanText(s.name), s.kind, s.baseUrl ? cleanText(s.baseUrl) : null, when(s.createdAt), when(s.lastSyncAt), s.lastSyncStatus ?? 'never synced'] });

  section('Syncs', ['Source', 'Started', 'Finished', 'Status', 'Kind', 'Rows', 'Rows by kind', 'Error']);
  if (!x.syncRuns.length) rows.push({ cells: ['none'] });
  for (const r of x.syncRuns) {
    const total = Object.values(r.stats).reduce((a, b) => a + b, 0);
    const detail = Object.entries(r.stats)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    rows.push({ cells: [cleanText(r.source), when(r.startedAt), when(r.finishedAt), r.status, r.full ? 'full' : 'incremental', n(total), detail, r.error ? cleanText(r.error) : null] });
  }

  section('Imports', ['File', 'Format', 'Started', 'Finished', 'Status', 'Rows in file', 'Imported', 'Skipped', 'Rejected']);
  if (!x.imports.length) rows.push({ cells: ['none'] });
  for (const i of x.imports) {
    rows.push({ cells: [cleanText(i.fileName), i.format, when(i.startedAt), when(i.finishedAt), i.status, n(i.rowsTotal), n(i.rowsImported), n(i.rowsSkipped), n(i.rowsRejected)] });
  }

  section(`Exchange rates into ${x.currency}`, ['From', 'To', 'Valid from', 'Rate', 'Cost lines converted at this rate']);
  if (!x.rates.length) rows.push({ cells: ['none: every cost line is in the workspace currency, or has no rate (see below)'] });
  for (const r of x.rates) rows.push({ cells: [r.from, r.to, { value: timestampSerial(r.validFrom), format: 'date' }, { value: r.rate, format: 'decimal' }, n(r.costLines)] });
  if (x.missingRates.length) {
    rows.push({ cells: [`No rate into ${x.currency} for ${x.missingRates.join(', ')}: cost lines in ${x.missingRates.length > 1 ? 'these currencies are' : 'this currency are'} left out of the money (Cost lines shows which records).`], style: 'note' });
  }
  rows.push({ cells: [] });
  rows.push({ cells: ['A cost line converts with the latest rate valid on its day; storage keeps the original currency.'], style: 'note' });

  const width = Math.max(...rows.map((r) => r.cells.length));
  const columns: ColumnPlan[] = Array.from({ length: width }, () => ({ width: 10, format: 'text' }));
  const sheet: SheetPlan = { name: SOURCES_SHEET, columns, rows, frozen: { rows: 1, columns: 0 } };
  fitWidths(sheet, { max: 50 }).forEach((w, i) => (columns[i]!.width = w));
  return sheet;
}
