import { reportPaper, type ExportKind, type ExportedBytes } from '../../components/export-menu-model';
import { invoke } from '../../lib/ipc';
import type { Overview } from '../../../../shared/ipc/contract';

/** The default period: the latest full calendar quarter in the data (chosen by main). */
export const fetchOverview = (): Promise<Overview> => invoke('metrics:get-overview', {});

/** The whole workspace's cost worksheet or PDF report, as bytes with a suggested file name (see export:worksheet, export:report). */
export const exportWorkspaceFile = (kind: ExportKind): Promise<ExportedBytes> => {
  const paper = reportPaper(kind);
  return paper === null ? invoke('export:worksheet', {}) : invoke('export:report', { paper });
};
