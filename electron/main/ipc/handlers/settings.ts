import { WorkspaceSettingsSchema, type WorkspaceSettings } from '../../../../shared/domain/settings';
import { AppError } from '../../../../shared/ipc/result';
import { refreshConvertedCosts } from '../../../db/repositories/records';
import { rebuildRecords } from '../../../records/rebuild';
import type { HandlerMap } from '../handler-types';

/** Settings that change how records are linked, priced or attributed: saving one re-links. */
const RELINKING: (keyof WorkspaceSettings)[] = [
  'linking',
  'rollbackWindowDays',
  'reviewMinutesPerRound',
  'loadedHourlyRateMicros',
  'ciMinuteRateMicros',
  'teamByProject',
  'teamByRepository',
  'repairBudget',
  'plans',
  'planByWorkspace',
  'runCreditCostFrom',
];

export const settingsHandlers: Pick<HandlerMap, 'settings:get' | 'settings:update'> = {
  'settings:get': (_input, ctx) => ctx.workspace.settings(),
  'settings:update': (input, ctx) => {
    const before = ctx.workspace.settings();
    const next = WorkspaceSettingsSchema.parse({ ...before, ...input });
    for (const plan of Object.values(next.planByWorkspace)) {
      if (!next.plans.some((p) => p.name === plan)) throw new AppError('INVALID_INPUT', `No plan named "${plan}": add the plan first or change the workspace's plan.`, { field: 'planByWorkspace' });
    }
    if (new Set(next.plans.map((p) => p.name)).size !== next.plans.length) throw new AppError('INVALID_INPUT', 'Two plans have the same name.', { field: 'plans' });
    try {
      new RegExp(next.linking.ticketKeyPattern);
    } catch (e) {
      throw new AppError('INVALID_INPUT', `The ticket-key pattern is not a valid regular expression: ${(e as Error).message}`, { field: 'linking.ticketKeyPattern' });
    }
    const settings = ctx.workspace.updateSettings(next);
    const changed = (k: keyof WorkspaceSettings) => JSON.stringify(before[k]) !== JSON.stringify(settings[k]);
    let relinked = null;
    if (RELINKING.some(changed)) {
      const stats = rebuildRecords(ctx.workspace.db, settings, { full: true });
      relinked = { records: stats.records, updated: stats.updated, inserted: stats.inserted, deleted: stats.deleted, unlinked: stats.unlinked };
    } else if (changed('currency')) {
      refreshConvertedCosts(ctx.workspace.db, settings.currency);
    }
    ctx.emit('workspace:data-changed', { tables: relinked || changed('currency') ? ['settings', 'records'] : ['settings'] });
    return { settings, relinked };
  },
};
