import type { SourceView, WorkspaceStatus } from '../../../../shared/ipc/contract';

export const totalRows = (status: WorkspaceStatus): number => status.tables.reduce((sum, table) => sum + table.rows, 0);

/** Connected sources first (what "Sync all" covers), then demo and import sources, each by name. */
export function orderSources(sources: SourceView[]): SourceView[] {
  return [...sources].sort((a, b) => Number(b.syncable) - Number(a.syncable) || a.name.localeCompare(b.name));
}

/** What "Sync all" does, or why it cannot. */
export function syncAllState(sources: SourceView[], busy: boolean): { disabled: boolean; title: string } {
  const count = sources.filter((source) => source.syncable).length;
  if (count === 0) return { disabled: true, title: 'No connected source to sync yet; add a Jira or GitLab source first.' };
  if (busy) return { disabled: true, title: 'A sync is running; wait for it or cancel it.' };
  return { disabled: false, title: count === 1 ? 'Sync the connected source.' : `Sync all ${count} connected sources, one after another.` };
}
