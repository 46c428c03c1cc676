import { AppError } from '../../../../shared/ipc/result';
import type { HandlerMap } from '../handler-types';

export const recordDetailHandlers: Pick<HandlerMap, 'records:get'> = {
  'records:get': () => {
    throw new AppError('INTERNAL', 'records:get is being built');
  },
};
