import { createResource } from '../../lib/resource-store';
import { fetchSources, fetchSyncHistory } from './sources-api';

/** The configured sources with their last run; reloaded on data changes and after every sync or edit. */
export const sourcesResource = createResource(fetchSources);

/** Recent sync runs, latest first. */
export const syncHistoryResource = createResource(fetchSyncHistory);
