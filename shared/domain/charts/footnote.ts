import { formatCount, formatDateTime, formatMonthSpan } from './format';

/** Where a chart's figures come from: the workspace, and when its data last arrived. */
export type DataSource = {
  workspaceName: string;
  currency: string;
  /** Latest finished sync of any source (ISO timestamp), null when nothing was ever synced. */
  lastSyncAt: string | null;
  /** Latest import of a billing or usage file, null when none. */
  lastImportAt: string | null;
};

/** "Northwind Logistics, synced 22 Nov 2026, 05:38, last import 22 Nov 2026, 05:39". */
export function sourceLine(source: DataSource): string {
  const parts = [
    source.lastSyncAt ? `synced ${formatDateTime(source.lastSyncAt)}` : 'never synced',
    ...(source.lastImportAt ? [`last import ${formatDateTime(source.lastImportAt)}`] : []),
  ];
  return `${source.workspaceName}, ${parts.join(', ')}`;
}

/**
 * The footnote of a chart of recorded data: the months it covers, the currency, and the source.
 * "Data Jan 2026 – Sep 2026 · Money in GBP · Source: Northwind Logistics, synced …".
 */
export function dataFootnote(months: readonly string[], source: DataSource): string {
  const period = months.length ? `Data ${formatMonthSpan(months[0]!, months[months.length - 1]!)}` : 'No data yet';
  return `${period} · Money in ${source.currency} · Source: ${sourceLine(source)}`;
}

/** What a scenario's assumptions rest on, for the footnote of a projection. */
export type ScenarioBasis = {
  name: string;
  horizon: readonly string[];
  calibration: { records: number; fromMonth: string | null; toMonth: string | null; pilot: string | null } | null;
};

/**
 * The footnote of a projection: the months projected, which scenario, what it was calibrated on,
 * and the source of that data.
 */
export function scenarioFootnote(basis: ScenarioBasis, source: DataSource, extra?: string): string {
  const horizon = basis.horizon.length ? formatMonthSpan(basis.horizon[0]!, basis.horizon[basis.horizon.length - 1]!) : '';
  const c = basis.calibration;
  const calibrated =
    c === null
      ? 'assumptions set by hand'
      : c.records === 0
        ? 'calibrated on no records (placeholder assumptions)'
        : `calibrated on ${formatCount(c.records)} records${c.fromMonth && c.toMonth ? ` of ${formatMonthSpan(c.fromMonth, c.toMonth)}` : ''}`;
  return [`Projection ${horizon} · Scenario “${basis.name}”, ${calibrated}`, ...(extra ? [extra] : []), `Money in ${source.currency} · Source: ${sourceLine(source)}`].join(' · ');
}
