import { AppError } from '../../../../shared/ipc/result';
import { generateDemo } from '../../../demo/generate';
import { seedDemo } from '../../../demo/seed';
import { rebuildRecords } from '../../../records/rebuild';
import type { HandlerMap } from '../handler-types';
import { workspaceStatus } from './workspace';
import { DEMO_PILOT, DEMO_SETTINGS } from '../../../demo/demo-settings';
import { savePilot } from '../../../db/repositories/pilots';
import { hasWorkData } from '../../../db/repositories/status';

export const demoHandlers: Pick<HandlerMap, 'demo:create'> = {
  'demo:create': async (input, ctx) => {
    const { db } = ctx.workspace;
    if (hasWorkData(db)) throw new AppError('CONFLICT', `${ctx.workspace.dir} already holds data; the demo is only created in an empty workspace.`);
    const jobId = `demo-${Date.now()}`;
    const progress = (step: string, done: number, total: number | null) => ctx.emit('job:progress', { jobId, kind: 'demo', step, done, total, finished: false });
    progress('Generating the demo year', 0, null);
    const bundle = generateDemo({ seed: input.seed, scale: input.scale });
    const settings = ctx.workspace.updateSettings({ ...DEMO_SETTINGS, isDemo: true });
    await seedDemo(db, bundle, progress, () => new Date().toISOString());
    progress('Linking accepted-work records', 0, null);
    rebuildRecords(db, settings);
    savePilot(db, DEMO_PILOT, new Date().toISOString());
    ctx.emit('job:progress', { jobId, kind: 'demo', step: 'Done', done: 1, total: 1, finished: true });
    ctx.emit('workspace:data-changed', { tables: ['*'] });
    return workspaceStatus(ctx.workspace);
  },
};
