import { refreshConvertedCosts } from '../../../db/repositories/records';
import type { ColumnMapping } from '../../../../shared/domain/column-mapping';
import { AppError } from '../../../../shared/ipc/result';
import { deleteMapping, deleteRate, importById, importRejections, listImports, listMappings, listRates, mappingByName, markUndone, saveMapping } from '../../../db/repositories/imports';
import { upsertExchangeRate } from '../../../db/repositories/exchange-rates';
import { IMPORT_TABLES, removeImportRows } from '../../../imports/import-file';
import { previewFile } from '../../../imports/preview';
import { PRESETS } from '../../../imports/presets';
import { rebuildRecords } from '../../../records/rebuild';
import type { HandlerContext, HandlerMap } from '../handler-types';

/** The mapping a request names: inline, or saved under a name. */
function mappingOf(ctx: HandlerContext, input: { mapping?: ColumnMapping | undefined; mappingName?: string | undefined }): ColumnMapping | undefined {
  if (input.mapping) return input.mapping;
  if (!input.mappingName) return undefined;
  const saved = mappingByName(ctx.workspace.db, input.mappingName);
  if (!saved) throw new AppError('NOT_FOUND', `No saved column mapping named "${input.mappingName}".`);
  return saved;
}

export const importsHandlers: Pick<
  HandlerMap,
  'imports:formats' | 'imports:preview' | 'imports:run' | 'imports:cancel' | 'imports:list' | 'imports:rejections' | 'imports:undo' | 'mappings:list' | 'mappings:save' | 'mappings:delete' | 'rates:list' | 'rates:set' | 'rates:delete'
> = {
  'imports:formats': () => PRESETS.map((p) => ({ id: p.id, label: p.label })),
  'imports:preview': (input, ctx) => previewFile(ctx.workspace.db, { path: input.path }, { preset: input.preset, mapping: mappingOf(ctx, input) }),
  'imports:run': (input, ctx) => ({ jobId: ctx.services.imports.start({ path: input.path, preset: input.preset, mapping: mappingOf(ctx, input), acceptValidRows: input.acceptValidRows }).jobId }),
  'imports:cancel': (input, ctx) => ({ cancelled: ctx.services.imports.cancel(input.jobId) }),
  'imports:list': (_input, ctx) => listImports(ctx.workspace.db),
  'imports:rejections': (input, ctx) => importRejections(ctx.workspace.db, input.importId),
  'imports:undo': (input, ctx) => {
    const { db } = ctx.workspace;
    const row = importById(db, input.importId);
    if (!row) throw new AppError('NOT_FOUND', `No import #${input.importId}.`);
    if (row.status !== 'succeeded') throw new AppError('CONFLICT', `Import #${input.importId} is ${row.status}; only a finished import can be undone.`);
    // Rows a later import skipped as duplicates of these go too; importing that file again restores them.
    const rowsRemoved = removeImportRows(db, input.importId, IMPORT_TABLES);
    markUndone(db, input.importId);
    rebuildRecords(db, ctx.workspace.settings());
    ctx.emit('workspace:data-changed', { tables: ['*'] });
    return { rowsRemoved };
  },
  'mappings:list': (_input, ctx) => listMappings(ctx.workspace.db),
  'mappings:save': (input, ctx) => {
    saveMapping(ctx.workspace.db, input);
    return input;
  },
  'mappings:delete': (input, ctx) => ({ deleted: deleteMapping(ctx.workspace.db, input.name) }),
  'rates:list': (_input, ctx) => listRates(ctx.workspace.db),
  'rates:set': (input, ctx) => {
    if (input.from === input.to) throw new AppError('INVALID_INPUT', 'A rate converts between two different currencies.');
    upsertExchangeRate(ctx.workspace.db, input);
    refreshConvertedCosts(ctx.workspace.db, ctx.workspace.settings().currency);
    ctx.emit('workspace:data-changed', { tables: ['exchange_rates', 'records'] });
    return listRates(ctx.workspace.db);
  },
  'rates:delete': (input, ctx) => {
    deleteRate(ctx.workspace.db, input);
    refreshConvertedCosts(ctx.workspace.db, ctx.workspace.settings().currency);
    ctx.emit('workspace:data-changed', { tables: ['exchange_rates', 'records'] });
    return listRates(ctx.workspace.db);
  },
};
