import { create } from 'zustand';
import type { MeasureId } from '../../../../shared/domain/pivot/fields';
import type { PivotResult } from '../../../../shared/domain/pivot/result';
import type { PivotSort, PivotSpec } from '../../../../shared/domain/pivot/spec';
import type { PivotView } from '../../../../shared/ipc/contract-pivot';
import type { RecordRow } from '../../../../shared/ipc/contract-records';
import { errorMessage, on } from '../../lib/ipc';
import { createResource } from '../../lib/resource-store';
import type { ChartKind } from './chart-option';
import { deleteView, drillCell, fetchDrillRecords, fetchFields, fetchViews, runPivot, saveView, type DrillInput } from './explore-api';
import { applyLayout, defaultLayout, EMPTY_LAYOUT, fitToFields, fromSpec, toSpec, validSort, type Layout, type LayoutAction } from './layout-model';
import type { Highlight } from './pivot-view-model';

/** Saving a view changes nothing the fields or the pivot read; other changes (a sync, settings) may. */
const onFactsChanged = (cb: () => void): (() => void) =>
  on('workspace:data-changed', (payload) => {
    if (payload.tables.some((t) => t !== 'saved_views')) cb();
  });

export const fieldsResource = createResource(fetchFields, onFactsChanged);
export const viewsResource = createResource(fetchViews);

export type PivotState = {
  /** The latest answer; kept on screen while a newer request runs. */
  result: PivotResult | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** A request is out (the grid shows a small progress bar over the last answer). */
  running: boolean;
};

export type DrillState = {
  /** What the cell is, in words. */
  label: string;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  ids: number[];
  total: number;
  truncated: boolean;
  records: RecordRow[];
  currency: string;
};

type ExploreState = {
  /** Set once the first fields arrived and the layout was chosen (a default, or what this session had). */
  ready: boolean;
  layout: Layout;
  sort: PivotSort | null;
  /** Keys of row groups whose children are hidden. */
  collapsed: ReadonlySet<string>;
  highlight: Highlight;
  display: 'grid' | 'chart';
  chartKind: ChartKind;
  chartMeasure: MeasureId | null;
  /** The saved view last loaded or saved; the page marks it modified when the layout moved on. */
  viewId: number | null;
  /** Why the last edit of the zones was refused. */
  message: string | null;
  pivot: PivotState;
  drill: DrillState | null;
  /** Chooses the layout once the fields are known; later calls drop fields the workspace stopped offering. */
  init(fields: { dimensions: { id: Layout['rows'][number] }[]; measures: { id: MeasureId }[] }): void;
  edit(action: LayoutAction): void;
  dismissMessage(): void;
  setSort(sort: PivotSort | null): void;
  toggleCollapsed(key: string): void;
  setCollapsed(keys: Iterable<string>): void;
  setHighlight(mode: Highlight): void;
  setDisplay(display: 'grid' | 'chart'): void;
  setChartKind(kind: ChartKind): void;
  setChartMeasure(measure: MeasureId): void;
  /** Runs the pivot for the current layout; a newer call supersedes an older one. */
  run(): Promise<void>;
  openDrill(cell: Omit<DrillInput, 'rows' | 'cols' | 'filters'>, label: string): Promise<void>;
  closeDrill(): void;
  loadView(view: PivotView): void;
  /** Saves the layout under a name: a new view, or over `id`. */
  saveView(name: string, id: number | undefined): Promise<PivotView>;
  deleteView(id: number): Promise<void>;
};

let requestCounter = 0;
let drillCounter = 0;

/** UI and session state of the Explore page: the layout, how the grid is shown, the pivot's latest answer. */
export const useExplore = create<ExploreState>()((set, get) => ({
  ready: false,
  layout: EMPTY_LAYOUT,
  sort: null,
  collapsed: new Set(),
  highlight: 'none',
  display: 'grid',
  chartKind: 'bar',
  chartMeasure: null,
  viewId: null,
  message: null,
  pivot: { result: null, status: 'idle', error: null, running: false },
  drill: null,

  init: (fields) => {
    const available = { dimensions: fields.dimensions.map((d) => d.id), measures: fields.measures.map((m) => m.id) };
    const { ready, layout } = get();
    const next = ready ? fitToFields(layout, available) : defaultLayout(available);
    if (!ready || JSON.stringify(next) !== JSON.stringify(layout)) set({ ready: true, layout: next, sort: validSort(get().sort, next) });
  },
  edit: (action) => {
    const { layout, message } = applyLayout(get().layout, action);
    if (message !== null) {
      set({ message });
      return;
    }
    const previous = get().layout;
    set({
      layout,
      message: null,
      sort: validSort(get().sort, layout),
      // Groups are keyed by their path: other row dimensions make other groups.
      ...(JSON.stringify(previous.rows) !== JSON.stringify(layout.rows) ? { collapsed: new Set<string>() } : {}),
    });
  },
  dismissMessage: () => set({ message: null }),
  setSort: (sort) => set({ sort: validSort(sort, get().layout) }),
  toggleCollapsed: (key) => {
    const next = new Set(get().collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    set({ collapsed: next });
  },
  setCollapsed: (keys) => set({ collapsed: new Set(keys) }),
  setHighlight: (highlight) => set({ highlight }),
  setDisplay: (display) => set({ display }),
  setChartKind: (chartKind) => set({ chartKind }),
  setChartMeasure: (chartMeasure) => set({ chartMeasure }),

  run: async () => {
    const spec = toSpec(get().layout, get().sort);
    requestCounter += 1;
    const requestId = `pivot-${requestCounter}`;
    if (spec === null) {
      set({ pivot: { result: null, status: 'idle', error: null, running: false } });
      return;
    }
    const before = get().pivot;
    set({ pivot: { ...before, status: before.result === null ? 'loading' : before.status, running: true } });
    try {
      const result = await runPivot(spec, requestId);
      // A newer request was sent meanwhile: its answer is the one to show (contract-pivot, requestId).
      if (result.requestId !== `pivot-${requestCounter}`) return;
      set({ pivot: { result, status: 'ready', error: null, running: false } });
    } catch (error) {
      if (requestId !== `pivot-${requestCounter}`) return;
      // The last answer is for another layout: keeping it under an error would mislabel it.
      set({ pivot: { result: null, status: 'error', error: errorMessage(error), running: false } });
    }
  },

  openDrill: async (cell, label) => {
    const result = get().pivot.result;
    if (result === null) return;
    drillCounter += 1;
    const mine = drillCounter;
    const empty = { ids: [], total: 0, truncated: false, records: [], currency: result.currency, error: null };
    set({ drill: { ...empty, label, status: 'loading' } });
    try {
      const { rows, cols, filters } = result.spec;
      const drill = await drillCell({ rows, cols, filters, ...cell });
      const list = drill.ids.length === 0 ? { rows: [], currency: result.currency, total: 0 } : await fetchDrillRecords(drill.ids);
      if (mine !== drillCounter) return;
      set({ drill: { label, status: 'ready', error: null, ids: drill.ids, total: drill.total, truncated: drill.truncated, records: list.rows, currency: list.currency } });
    } catch (error) {
      if (mine !== drillCounter) return;
      set({ drill: { ...empty, label, status: 'error', error: errorMessage(error) } });
    }
  },
  closeDrill: () => {
    drillCounter += 1;
    set({ drill: null });
  },

  loadView: (view) => {
    if (view.spec === null) return;
    const { layout, sort } = fromSpec(view.spec);
    set({ layout, sort: validSort(sort, layout), viewId: view.id, collapsed: new Set(), message: null });
  },
  saveView: async (name, id) => {
    const spec = toSpec(get().layout, get().sort);
    if (spec === null) throw new Error('Add a measure to Values before saving the view.');
    const view = await saveView({ ...(id === undefined ? {} : { id }), name, spec });
    set({ viewId: view.id });
    await viewsResource.useStore.getState().load();
    return view;
  },
  deleteView: async (id) => {
    await deleteView(id);
    if (get().viewId === id) set({ viewId: null });
    await viewsResource.useStore.getState().load();
  },
}));

/** Whether the layout still matches a saved view's spec. */
export function matchesView(state: Pick<ExploreState, 'layout' | 'sort'>, spec: PivotSpec | null): boolean {
  if (spec === null) return false;
  const mine = toSpec(state.layout, state.sort);
  if (mine === null) return false;
  const norm = (s: { rows?: unknown; cols?: unknown; values: unknown; filters?: unknown; sort?: unknown }) =>
    JSON.stringify([s.rows ?? [], s.cols ?? [], s.values, s.filters ?? [], s.sort ?? null]);
  return norm(mine) === norm(spec);
}

// Every change of what to compute asks again; only the newest answer is shown.
useExplore.subscribe((state, previous) => {
  if (!state.ready) return;
  if (state.layout !== previous.layout || state.sort !== previous.sort || state.ready !== previous.ready) void state.run();
});
