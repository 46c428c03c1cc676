import { createResource } from '../../lib/resource-store';
import { fetchOverview } from './overview-api';

export const overviewResource = createResource(fetchOverview);
