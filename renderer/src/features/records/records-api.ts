import type { Pilot } from '../../../../shared/domain/pilots';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { RecordDetail, RecordFilter } from '../../../../shared/ipc/contract-records';
import { invoke } from '../../lib/ipc';
import { facetsOf, type RecordFacets } from './records-view-model';

export type RecordsList = ChannelOutput<'records:list'>;
export type Unlinked = ChannelOutput<'records:unlinked'>;
export type Reconciliation = ChannelOutput<'records:reconciliation'>;
export type Signals = ChannelOutput<'records:signals'>;

/** Rows the grid holds at most; the count line says so when a filter matches more. */
export const LIST_LIMIT = 5_000;

/** Unlinked items listed per answer; the counts by kind are always complete. */
export const UNLINKED_LIMIT = 2_000;

export const fetchRecords = (filter: RecordFilter): Promise<RecordsList> => invoke('records:list', { ...filter, limit: LIST_LIMIT });

/**
 * The values the team, project and repository selects offer: every value in the pilot's records (or
 * the workspace's), whatever the other filters say. Only the distinct values are kept, not the rows.
 */
export async function fetchRecordFacets(pilot: string | undefined): Promise<RecordFacets> {
  const list = await invoke('records:list', { ...(pilot === undefined ? {} : { pilot }), limit: 100_000 });
  return facetsOf(list.rows, list.total);
}

export const fetchRecord = (id: number): Promise<RecordDetail> => invoke('records:get', { id });

export const fetchUnlinked = (): Promise<Unlinked> => invoke('records:unlinked', { limit: UNLINKED_LIMIT });
/** As many unlinked items as main lists (10,000 of each kind), for the CSV; the page lists fewer. */
export const fetchUnlinkedForExport = (): Promise<Unlinked> => invoke('records:unlinked', { limit: 10_000 });

export const fetchReconciliation = (): Promise<Reconciliation> => invoke('records:reconciliation', {});

export const fetchSignals = (pilot: string | undefined): Promise<Signals> => invoke('records:signals', pilot === undefined ? {} : { pilot });

export const fetchPilots = (): Promise<Pilot[]> => invoke('pilots:list', {});

/** The workspace's name: what people's pseudonyms are salted with (as main and the CLI do) and what a whole-workspace export is named after. */
export const fetchWorkspaceName = async (): Promise<string> => (await invoke('app:get-info', {})).workspaceName;
