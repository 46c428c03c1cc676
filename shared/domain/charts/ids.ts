/** The key charts that export as images and go into the report. */
export const CHART_IDS = ['cost-per-accepted', 'cost-by-kind', 'pilot-monthly', 'scenario-cost', 'tornado', 'scenario-comparison'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type ChartMeta = {
  title: string;
  /** What the chart is about: recorded data (a pilot's or the workspace's) or a scenario's projection. */
  basis: 'data' | 'scenario';
  needsPilot: boolean;
  /** Size of the exported image in CSS pixels (PNG multiplies it by the scale): 16:9 for slides. */
  width: number;
  height: number;
};

export const CHART_META: Record<ChartId, ChartMeta> = {
  'cost-per-accepted': { title: 'Cost per accepted PR/MR by month', basis: 'data', needsPilot: false, width: 960, height: 540 },
  'cost-by-kind': { title: 'AI-path cost by kind', basis: 'data', needsPilot: false, width: 960, height: 540 },
  'pilot-monthly': { title: 'Accepted PR/MRs and cost per accepted by month', basis: 'data', needsPilot: true, width: 960, height: 540 },
  'scenario-cost': { title: 'AI-path and human-path cost by month, with P10–P90', basis: 'scenario', needsPilot: false, width: 960, height: 540 },
  tornado: { title: 'What moves the net saving most', basis: 'scenario', needsPilot: false, width: 960, height: 540 },
  'scenario-comparison': { title: 'Cost over the horizon: scenarios and the human-only baseline', basis: 'scenario', needsPilot: false, width: 960, height: 540 },
};
