import { availableDimensions, DIMENSIONS, MEASURES, type DimensionDef } from '../../../../shared/domain/pivot/fields';
import { PivotSpecError } from '../../../../shared/domain/pivot/plan';
import { AppError } from '../../../../shared/ipc/result';
import { ensureFacts } from '../../../db/repositories/facts';
import { drillRecordIds, executePivot, measureView } from '../../../db/repositories/pivot-query';
import { deletePivotView, listPivotViews, savePivotView } from '../../../db/repositories/saved-views';
import type { HandlerMap } from '../handler-types';

/** A spec this workspace cannot run is the caller's to fix, not an internal error. */
function asInputError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PivotSpecError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
}

export const pivotHandlers: Pick<HandlerMap, 'pivot:fields' | 'pivot:run' | 'pivot:drill' | 'views:list' | 'views:save' | 'views:delete'> = {
  'pivot:fields': (_input, ctx) => {
    const settings = ctx.workspace.settings();
    return {
      dimensions: availableDimensions(settings).map((id) => {
        const d: DimensionDef = DIMENSIONS[id];
        return { id, label: d.label, level: d.level, nullLabel: d.nullLabel, time: d.time ?? null, description: d.description };
      }),
      measures: MEASURES.map(measureView),
      currency: settings.currency,
    };
  },
  'pivot:run': (input, ctx) => {
    const result = asInputError(() => executePivot(ctx.workspace.db, input.spec, ctx.workspace.settings()));
    return { requestId: input.requestId ?? null, ...result };
  },
  'pivot:drill': (input, ctx) => {
    const settings = ctx.workspace.settings();
    const used = [...input.rows, ...input.cols, ...input.filters.map((f) => f.dim)];
    if (!settings.peopleViewsEnabled && used.includes('person')) throw new AppError('INVALID_INPUT', 'person is only available when person-level views are enabled in Settings.');
    ensureFacts(ctx.workspace.db, settings);
    const cell = [...input.rowPath.map((value, i) => ({ dim: input.rows[i]!, value })), ...input.colPath.map((value, i) => ({ dim: input.cols[i]!, value }))];
    const { ids, total } = drillRecordIds(ctx.workspace.db, cell, input.filters, input.limit);
    return { ids, total, truncated: total > ids.length };
  },
  'views:list': (_input, ctx) => listPivotViews(ctx.workspace.db),
  'views:save': (input, ctx) => {
    const view = savePivotView(ctx.workspace.db, input, new Date().toISOString());
    ctx.emit('workspace:data-changed', { tables: ['saved_views'] });
    return view;
  },
  'views:delete': (input, ctx) => {
    const deleted = deletePivotView(ctx.workspace.db, input.id);
    if (deleted) ctx.emit('workspace:data-changed', { tables: ['saved_views'] });
    return { deleted };
  },
};
