import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/ipc';
import type { SettingsPatch, SettingsUpdateResult } from './settings-save-model';

export const fetchSettings = (): Promise<WorkspaceSettings> => invoke('settings:get', {});

/** Saves the keys the patch sets; linking rules, plans and rates re-link the records (no re-sync). */
export const updateSettings = (patch: SettingsPatch): Promise<SettingsUpdateResult> => invoke('settings:update', patch);

export type Unlinked = ChannelOutput<'records:unlinked'>;

/** Only the counts are shown here; the items themselves are listed on the Records page. */
export const fetchUnlinked = (): Promise<Unlinked> => invoke('records:unlinked', { limit: 1 });

/** How many records the workspace holds (the list's total, without its rows). */
export const fetchRecordCount = async (): Promise<number> => (await invoke('records:list', { limit: 1 })).total;

/** Vendor workspaces seen in billing, for the workspace → plan mapping. */
export async function fetchKnownWorkspaces(): Promise<string[]> {
  const { rows } = await invoke('records:reconciliation', {});
  return [...new Set(rows.map((row) => row.workspace))].sort();
}
