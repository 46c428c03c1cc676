import type { PivotResult } from '../../../../shared/domain/pivot/result';
import type { PivotFilter, PivotSpec, PivotSpecInput } from '../../../../shared/domain/pivot/spec';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import type { PivotFields, PivotView } from '../../../../shared/ipc/contract-pivot';
import type { RecordRow } from '../../../../shared/ipc/contract-records';
import { invoke } from '../../lib/ipc';

export type Drill = ChannelOutput<'pivot:drill'>;
export type DrillInput = ChannelInput<'pivot:drill'>;

/** Records the drill-through panel lists; the rest open in the Records page. */
export const DRILL_LIST_LIMIT = 500;

/** The fields, and whether the workspace holds any record at all (the empty state). */
export type ExploreFields = PivotFields & { recordCount: number };

export async function fetchFields(): Promise<ExploreFields> {
  const [fields, total] = await Promise.all([invoke('pivot:fields', {}), invoke('pivot:run', { spec: { values: ['records'] } })]);
  const recordCount = total.rows.find((r) => r.kind === 'total')?.values[0] ?? 0;
  return { ...fields, recordCount };
}

export const runPivot = (spec: PivotSpecInput, requestId: string): Promise<PivotResult> => invoke('pivot:run', { spec, requestId });

/** A dimension's members with their record counts: the README's "pivot with that dimension on rows and records as value". */
export async function fetchMembers(dim: PivotFilter['dim']): Promise<{ value: PivotFilter['values'][number]; records: number }[]> {
  const result = await invoke('pivot:run', { spec: { rows: [dim], values: ['records'] } });
  return result.rows.filter((r) => r.kind === 'leaf').map((r) => ({ value: r.path[0] ?? null, records: r.values[0] ?? 0 }));
}

export const drillCell = (input: DrillInput): Promise<Drill> => invoke('pivot:drill', input);

export const fetchDrillRecords = async (ids: number[]): Promise<{ rows: RecordRow[]; currency: string; total: number }> => {
  const list = await invoke('records:list', { ids: ids.slice(0, DRILL_LIST_LIMIT), limit: DRILL_LIST_LIMIT });
  return { rows: list.rows, currency: list.currency, total: ids.length };
};

export const fetchViews = (): Promise<PivotView[]> => invoke('views:list', { kind: 'pivot' });

export const saveView = (input: { id?: number; name: string; spec: PivotSpec | PivotSpecInput }): Promise<PivotView> => invoke('views:save', input);

export const deleteView = (id: number): Promise<{ deleted: boolean }> => invoke('views:delete', { id });

/** The grid as shown, written to XLSX in main (exceljs); comes back as base64 bytes to save. */
export const exportTableXlsx = (table: ChannelInput<'export:table-xlsx'>): Promise<ChannelOutput<'export:table-xlsx'>> => invoke('export:table-xlsx', table);
