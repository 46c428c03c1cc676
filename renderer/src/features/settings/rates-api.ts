import type { ExchangeRate } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/ipc';
import type { RateKey } from './rates-form-model';

export const fetchRates = (): Promise<ExchangeRate[]> => invoke('rates:list', {});

/** Adds the rate, or replaces the one with the same currencies and date; answers with every rate. */
export const setRate = (rate: ExchangeRate): Promise<ExchangeRate[]> => invoke('rates:set', rate);

export const deleteRate = (key: RateKey): Promise<ExchangeRate[]> => invoke('rates:delete', key);
