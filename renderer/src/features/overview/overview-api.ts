import { invoke } from '../../lib/ipc';
import type { Overview } from '../../../../shared/ipc/contract';

/** The default period: the latest full calendar quarter in the data (chosen by main). */
export const fetchOverview = (): Promise<Overview> => invoke('metrics:get-overview', {});
