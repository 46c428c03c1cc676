import type { WorkspaceStatus } from '../../../../shared/ipc/contract';

export const SOURCE_KIND_LABELS: Record<WorkspaceStatus['sources'][number]['kind'], string> = {
  jira: 'Jira',
  gitlab: 'GitLab',
  import: 'File import',
};

export const totalRows = (status: WorkspaceStatus): number => status.tables.reduce((sum, table) => sum + table.rows, 0);
