import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PivotResult } from '../../../../shared/domain/pivot/result';
import type { PivotSpecInput } from '../../../../shared/domain/pivot/spec';
import { samplePivot } from './pivot-fixture';

type Pending = { spec: PivotSpecInput; requestId: string; resolve: (r: PivotResult) => void; reject: (e: Error) => void };
const pending: Pending[] = [];

// pivot:run answers when the test says so, in any order; the rest of the API is not used here.
vi.mock('./explore-api', () => ({
  runPivot: (spec: PivotSpecInput, requestId: string) => new Promise<PivotResult>((resolve, reject) => pending.push({ spec, requestId, resolve, reject })),
  fetchFields: () => new Promise(() => undefined),
  fetchViews: () => new Promise(() => undefined),
  drillCell: vi.fn(),
  fetchDrillRecords: vi.fn(),
  saveView: vi.fn(),
  deleteView: vi.fn(),
}));

const { useExplore } = await import('./explore-store');
const initial = useExplore.getState();
const answer = (p: Pending): PivotResult => ({ ...samplePivot(), requestId: p.requestId, spec: { ...samplePivot().spec, cols: (p.spec.cols ?? []) as PivotResult['spec']['cols'] } });
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  pending.length = 0;
  useExplore.setState({ ...initial, ready: false, collapsed: new Set(), pivot: { result: null, status: 'idle', error: null, running: false } });
});

describe('pivot requests', () => {
  it('runs once the layout is chosen and again on every edit; only the newest answer is shown', async () => {
    useExplore.getState().init({ dimensions: [{ id: 'team' }, { id: 'quarter' }, { id: 'month' }], measures: [{ id: 'accepted' }] });
    expect(pending).toHaveLength(1);
    expect(useExplore.getState().pivot).toMatchObject({ status: 'loading', running: true });

    useExplore.getState().edit({ type: 'add', field: { kind: 'dimension', id: 'month' }, zone: 'cols' });
    expect(pending).toHaveLength(2);
    // The newer request answers first, then the older one: the older answer is dropped.
    pending[1]!.resolve(answer(pending[1]!));
    await flush();
    expect(useExplore.getState().pivot.result?.requestId).toBe(pending[1]!.requestId);
    expect(useExplore.getState().pivot.running).toBe(false);
    pending[0]!.resolve(answer(pending[0]!));
    await flush();
    expect(useExplore.getState().pivot.result?.requestId).toBe(pending[1]!.requestId);
    expect(useExplore.getState().pivot.result?.spec.cols).toEqual(['quarter', 'month']);
  });

  it('keeps the last answer on screen while a newer one runs, and drops a superseded failure', async () => {
    useExplore.getState().init({ dimensions: [{ id: 'team' }, { id: 'quarter' }], measures: [{ id: 'accepted' }] });
    pending[0]!.resolve(answer(pending[0]!));
    await flush();
    useExplore.getState().setSort({ by: 'label', direction: 'desc' });
    useExplore.getState().setSort({ by: 'label', direction: 'asc' });
    expect(useExplore.getState().pivot).toMatchObject({ status: 'ready', running: true });
    expect(useExplore.getState().pivot.result?.requestId).toBe(pending[0]!.requestId);
    pending[1]!.reject(new Error('stale'));
    await flush();
    expect(useExplore.getState().pivot.status).toBe('ready');
    pending[2]!.reject(new Error('The engine refused it'));
    await flush();
    expect(useExplore.getState().pivot).toMatchObject({ status: 'error', error: 'The engine refused it', result: null });
  });

  it('asks for nothing while Values is empty, and new row dimensions reopen every group', () => {
    useExplore.getState().init({ dimensions: [{ id: 'team' }, { id: 'size' }], measures: [{ id: 'accepted' }] });
    useExplore.getState().setCollapsed(['["Data"]']);
    useExplore.getState().edit({ type: 'add', field: { kind: 'dimension', id: 'size' }, zone: 'rows' });
    expect(useExplore.getState().collapsed.size).toBe(0);
    const before = pending.length;
    useExplore.getState().edit({ type: 'remove', zone: 'values', index: 0 });
    expect(pending).toHaveLength(before);
    expect(useExplore.getState().pivot).toMatchObject({ status: 'idle', result: null });
  });

  it('says why an edit was refused and leaves the layout as it was', () => {
    useExplore.getState().init({ dimensions: [{ id: 'team' }], measures: [{ id: 'accepted' }] });
    const layout = useExplore.getState().layout;
    useExplore.getState().edit({ type: 'add', field: { kind: 'measure', id: 'accepted' }, zone: 'rows' });
    expect(useExplore.getState().layout).toBe(layout);
    expect(useExplore.getState().message).toMatch(/Values/);
  });
});
