import { createResource } from '../../lib/resource-store';
import { fetchRates } from './rates-api';

/** The workspace's exchange rates; reports convert with them, stored amounts never change. */
export const ratesResource = createResource(fetchRates);
