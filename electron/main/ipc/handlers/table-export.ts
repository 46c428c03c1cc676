import { tableToXlsx } from '../../../export/table-xlsx';
import type { HandlerMap } from '../handler-types';

export const tableExportHandlers: Pick<HandlerMap, 'export:table-xlsx'> = {
  'export:table-xlsx': async (input) => ({ fileName: input.fileName, base64: (await tableToXlsx(input)).toString('base64') }),
};
