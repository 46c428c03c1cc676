import { invoke } from '../../lib/ipc';
import type { AppInfo, WorkspaceStatus } from '../../../../shared/ipc/contract';

export const fetchAppInfo = (): Promise<AppInfo> => invoke('app:get-info', {});

export const fetchWorkspaceStatus = (): Promise<WorkspaceStatus> => invoke('workspace:get-status', {});
