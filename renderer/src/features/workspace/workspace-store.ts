import { createResource } from '../../lib/resource-store';
import { fetchAppInfo, fetchWorkspaceStatus } from './workspace-api';

/** Which workspace is open (header, settings). Refreshed on data changes: creating the demo renames it. */
export const appInfoResource = createResource(fetchAppInfo);

/** What the workspace holds (sources page). */
export const workspaceStatusResource = createResource(fetchWorkspaceStatus);
